import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context';
import type { AppContext } from '../app/context';
import { ProjectAccess } from '../app/project-access';
import { startHttpTransport, type HttpTransport } from './http';

const pageCsp = "default-src 'self'; script-src 'self'; object-src 'none'";
const bodyLimit = 64 * 1024;

let ctx: AppContext;
let transport: HttpTransport;
let dataDir: string;
let outsideDir: string;
const loggedErrors: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'quarry-data-'));
  outsideDir = mkdtempSync(join(tmpdir(), 'quarry-outside-'));
  const launchProject = join(dataDir, 'launch.quarry');
  ctx = testContext({
    projectAccess: ProjectAccess.forBrowserMode({ dataDir, launchProjects: [launchProject], allowedDirs: [] }),
    logger: { error: (message) => loggedErrors.push(message), info: () => {} },
  });
  ctx.createProject(launchProject, 'HTTP test', '');
  const staticDir = mkdtempSync(join(tmpdir(), 'quarry-static-'));
  writeFileSync(join(staticDir, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${pageCsp}"><title>Quarry</title>`);
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  transport = await startHttpTransport({ ctx, staticDir, maxBodyBytes: bodyLimit });
});
afterAll(async () => {
  await transport.close();
  await ctx.close();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw request, so that the target, Host and Origin can be set as an attacker would. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const method = options.method ?? 'POST';
    const req = request(
      { host: '127.0.0.1', port: transport.port, path, agent: false, method, headers: { host: `127.0.0.1:${transport.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    // A server that answers before reading everything may close the socket while the rest is still being sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(method === 'GET' || method === 'HEAD' ? undefined : (options.body ?? '{}'));
    }
  });
}

const auth = () => ({ authorization: `Bearer ${transport.token}`, 'content-type': 'application/json' });
const errorOf = (answer: Answer) => (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;

describe('browser-mode HTTP transport', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(transport.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${transport.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('answers API calls that carry the token', async () => {
    const response = await send('/api/project.getInfo', { headers: auth() });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: 'HTTP test' } });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: transport.token }] as Array<Record<string, string>>) {
      const response = await send('/api/project.getInfo', { headers });
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses requests with a foreign Host (DNS rebinding) or a foreign Origin, even with the token', async () => {
    expect((await send('/api/project.getInfo', { headers: { ...auth(), host: 'evil.example:80' } })).status).toBe(403);
    expect((await send('/api/project.getInfo', { headers: { ...auth(), origin: 'http://evil.example' } })).status).toBe(403);
    expect((await send('/api/project.getInfo', { headers: { ...auth(), origin: 'null' } })).status).toBe(403);
    expect((await send('/', { method: 'GET', headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('answers a malformed body or input with VALIDATION, not a crash', async () => {
    const bad = await send('/api/project.getInfo', { headers: auth(), body: '{not json' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).code).toBe('VALIDATION');
    const wrongInput = await send('/api/codings.apply', { headers: auth(), body: JSON.stringify({ start: 'x' }) });
    expect(wrongInput.status).toBe(400);
    expect(errorOf(wrongInput).code).toBe('VALIDATION');
    const notUtf8 = await send('/api/project.getInfo', { headers: auth(), body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(notUtf8.status).toBe(400);
    expect(errorOf(notUtf8).message).toMatch(/not valid UTF-8/);
    const deep = await send('/api/project.getInfo', { headers: auth(), body: '['.repeat(30_000) + ']'.repeat(30_000) });
    expect(deep.status).toBe(400);
    const notJson = await send('/api/project.getInfo', { headers: { ...auth(), 'content-type': 'text/plain' } });
    expect(notJson.status).toBe(415);
    expect(errorOf(notJson).message).toMatch(/application\/json/);
  });

  it('serves the user interface without the token but never files outside it', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Quarry</title>');
    const script = await send('/assets/app.js', { method: 'GET' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    for (const path of ['/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%5c..%5cetc%5cpasswd', '/assets/../../etc/passwd']) {
      const traversal = await send(path, { method: 'GET' });
      expect(traversal.status, path).toBe(400);
      expect(traversal.body).not.toContain('root:');
    }
  });

  it('answers a missing file, a folder or a name too long for the file system with 404, not the page', async () => {
    for (const path of ['/assets/missing.js', '/assets', '/assets/', '/index.html/x', `/${'a'.repeat(300)}.js`]) {
      const answer = await send(path, { method: 'GET' });
      expect(answer.status, path).toBe(404);
      expect(errorOf(answer).code).toBe('NOT_FOUND');
    }
  });

  it('refuses malformed and overlong percent-encodings with 400 before any route or token check, logging nothing', async () => {
    const before = loggedErrors.length;
    for (const path of ['/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', '/%E0%A4%A', '/%zz', '/api/%E0%A4%A', '/api/project.getInfo%c0%ae']) {
      for (const headers of [{}, auth()]) {
        const answer = await send(path, { method: 'GET', headers });
        expect(answer.status, path).toBe(400);
        expect(errorOf(answer)).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/malformed percent-encoding/) });
      }
    }
    expect(loggedErrors.slice(before)).toEqual([]);
  });

  it('refuses targets that are not a plain path: absolute, protocol-relative, with control characters or CRLF', async () => {
    for (const path of ['http://evil.example/', '//evil.example/index.html', '/index.html%00.png', '/x%0d%0aSet-Cookie:%20a=b', '/api/x%0d%0aSet-Cookie:%20a=b']) {
      const answer = await send(path, { method: 'GET', headers: auth() });
      expect(answer.status, path).toBe(400);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers the wrong HTTP method with 405 and the methods allowed', async () => {
    const postPage = await send('/', { method: 'POST' });
    expect([postPage.status, postPage.headers.allow]).toEqual([405, 'GET, HEAD']);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const call = await send('/api/project.getInfo', { method, headers: auth() });
      expect([call.status, call.headers.allow], method).toEqual([405, 'POST']);
    }
    const postEvents = await send(`/api/events?token=${transport.token}`, { method: 'POST' });
    expect([postEvents.status, postEvents.headers.allow]).toEqual([405, 'GET']);
    expect((await send('/', { method: 'HEAD' })).status).toBe(200);
  });

  it('refuses a body over the limit with 413, whether it says its size or streams it', async () => {
    const declared = await send('/api/project.getInfo', { headers: { ...auth(), 'content-length': String(bodyLimit + 1) }, body: '{}'.padEnd(bodyLimit + 1) });
    expect(declared.status).toBe(413);
    expect(errorOf(declared).message).toMatch(/larger than Quarry accepts/);
    const streamed = await send('/api/project.getInfo', { headers: auth(), chunks: Array.from({ length: 8 }, () => Buffer.alloc(bodyLimit / 4, 0x20)) });
    expect(streamed.status).toBe(413);
  });

  it('sends the page its CSP as a header, the policy of its meta tag plus frame-ancestors, and locks down every other answer', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.headers['content-security-policy']).toBe(`${pageCsp}; frame-ancestors 'none'`);
    const others = [await send('/api/project.getInfo', { headers: auth() }), await send('/assets/app.js', { method: 'GET' }), await send('/missing', { method: 'GET' }), await send('/%zz', { method: 'GET' })];
    for (const answer of others) expect(answer.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    for (const answer of [page, ...others]) {
      expect(answer.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-resource-policy': 'same-origin' });
      expect(answer.headers['permissions-policy']).toContain('camera=()');
    }
  });

  it('streams events only to holders of the token', async () => {
    expect((await send('/api/events', { method: 'GET' })).status).toBe(401);
    expect((await send('/api/events?token=%E0%A4%A', { method: 'GET' })).status).toBe(401);
  });

  it('opens and creates projects only where browser mode allows, and says how to allow another folder', async () => {
    const outside = join(outsideDir, 'elsewhere.quarry');
    const created = await send('/api/project.create', { headers: auth(), body: JSON.stringify({ path: outside, name: 'Elsewhere' }) });
    expect(created.status).toBe(403);
    expect(errorOf(created)).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining(`--allow-dir "${outsideDir}"`) });
    expect(existsSync(outside)).toBe(false);
    const escape = await send('/api/project.create', { headers: auth(), body: JSON.stringify({ path: join(dataDir, '..', 'escaped.quarry'), name: 'Escape' }) });
    expect(escape.status).toBe(403);
    const opened = await send('/api/project.open', { headers: auth(), body: JSON.stringify({ path: '/etc/passwd' }) });
    expect(opened.status).toBe(403);

    const access = JSON.parse((await send('/api/project.getAccess', { headers: auth() })).body);
    expect(access.value).toMatchObject({ restricted: true, projectsFolder: dataDir, allowedFolders: [dataDir], howToAllow: expect.stringContaining('--allow-dir') });
    const inside = await send('/api/project.create', { headers: auth(), body: JSON.stringify({ path: join(dataDir, 'reviews', '..', 'second.quarry'), name: 'Second' }) });
    expect(inside.status).toBe(200);
    const back = await send('/api/project.open', { headers: auth(), body: JSON.stringify({ path: join(dataDir, 'launch.quarry') }) });
    expect(JSON.parse(back.body)).toMatchObject({ ok: true, value: { name: 'HTTP test' } });
  });

  it('stays up after every refusal', async () => {
    expect((await send('/api/project.getInfo', { headers: auth() })).status).toBe(200);
    expect(transport.server.listening).toBe(true);
  });

  it('will not start browser mode without a project access policy', async () => {
    const open = testContext();
    await expect(startHttpTransport({ ctx: open, staticDir: tmpdir() })).rejects.toThrow(/project access policy/);
    open.close();
  });
});
