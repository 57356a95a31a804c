import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context';
import type { AppContext } from '../app/context';
import { ProjectAccess } from '../app/project-access';
import { startHttpTransport, type HttpTransport } from './http';

let ctx: AppContext;
let transport: HttpTransport;
let dataDir: string;
let outsideDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'quarry-data-'));
  outsideDir = mkdtempSync(join(tmpdir(), 'quarry-outside-'));
  const launchProject = join(dataDir, 'launch.quarry');
  ctx = testContext({ projectAccess: ProjectAccess.forBrowserMode({ dataDir, launchProjects: [launchProject], allowedDirs: [] }) });
  ctx.createProject(launchProject, 'HTTP test', '');
  const staticDir = mkdtempSync(join(tmpdir(), 'quarry-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Quarry</title>');
  transport = await startHttpTransport({ ctx, staticDir });
});
afterAll(async () => {
  await transport.close();
  ctx.close();
});

/** A raw request, so that Host and Origin can be set as an attacker would. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: transport.port, path, agent: false, method: options.method ?? 'POST', headers: { host: `127.0.0.1:${transport.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.method === 'GET' ? undefined : (options.body ?? '{}'));
  });
}

const auth = () => ({ authorization: `Bearer ${transport.token}`, 'content-type': 'application/json' });

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
    expect((await send('/', { method: 'GET', headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('answers a malformed body or input with VALIDATION, not a crash', async () => {
    const bad = await send('/api/project.getInfo', { headers: auth(), body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('VALIDATION');
    const wrongInput = await send('/api/codings.apply', { headers: auth(), body: JSON.stringify({ start: 'x' }) });
    expect(wrongInput.status).toBe(400);
    expect(JSON.parse(wrongInput.body).error.code).toBe('VALIDATION');
    expect((await send('/api/project.getInfo', { headers: auth() })).status).toBe(200);
  });

  it('serves the user interface without the token but never files outside it', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Quarry</title>');
    const traversal = await send('/..%2f..%2f..%2fetc%2fpasswd', { method: 'GET' });
    expect(traversal.body).not.toContain('root:');
  });

  it('streams events only to holders of the token', async () => {
    expect((await send('/api/events', { method: 'GET' })).status).toBe(401);
  });

  it('opens and creates projects only where browser mode allows, and says how to allow another folder', async () => {
    const outside = join(outsideDir, 'elsewhere.quarry');
    const created = await send('/api/project.create', { headers: auth(), body: JSON.stringify({ path: outside, name: 'Elsewhere' }) });
    expect(created.status).toBe(403);
    expect(JSON.parse(created.body).error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining(`--allow-dir "${outsideDir}"`) });
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

  it('will not start browser mode without a project access policy', async () => {
    const open = testContext();
    await expect(startHttpTransport({ ctx: open, staticDir: tmpdir() })).rejects.toThrow(/project access policy/);
    open.close();
  });
});
