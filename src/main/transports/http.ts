import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import type { ErrorCode, Result } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import { dispatch } from '../app/dispatch';

/** Imports arrive as base64 JSON; this bounds what one request may make the server hold. */
const maxBodyBytes = 300 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const statusFor: Partial<Record<ErrorCode, number>> = { VALIDATION: 400, UNAUTHORIZED: 401, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * Sent with every answer. The page's address carries the access token, so no referrer may
 * leak it; nothing here may be framed, sniffed into another type, or used by another origin.
 */
const securityHeaders: OutgoingHttpHeaders = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), display-capture=(), usb=(), serial=(), hid=(), payment=()',
};

/** The CSP of every answer but the page: API answers and assets load nothing themselves. */
const lockedCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The page's CSP header: the policy its meta tag declares (src/renderer/index.html), so the
 * two are spelled once, plus frame-ancestors, which browsers honour only in a header. A page
 * without a policy gets the locked one: it fails closed.
 */
function pageCsp(html: string): string {
  let declared: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'content-security-policy') declared ??= attributes.content;
    },
  });
  parser.end(html);
  const policy = declared?.trim().replace(/;$/, '');
  return policy ? `${policy}; frame-ancestors 'none'` : lockedCsp;
}

type RequestTarget = { path: string; query: URLSearchParams } | { refusal: string };

/**
 * The request's path, percent-decoded, and its query. Malformed or overlong encodings
 * (`%E0%A4%A`, `%c0%ae`), absolute or protocol-relative targets, control characters,
 * backslashes and `..` segments are refused here, before any route or token check sees them.
 */
function parseTarget(target: string): RequestTarget {
  const queryAt = target.indexOf('?');
  const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
  if (!rawPath.startsWith('/') || rawPath.startsWith('//')) return { refusal: 'The request must ask for a path on this server, such as /index.html.' };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { refusal: 'The request address has a malformed percent-encoding; open the address Quarry printed when it started.' };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(path) || path.split('/').includes('..')) {
    return { refusal: 'The request address contains control characters, backslashes or ".." segments, which Quarry never serves.' };
  }
  return { path, query: new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1)) };
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false; // missing, a name too long, a file used as a folder: all simply not here
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const data = JSON.stringify(body);
  // A refused request's body may not have been read, so its connection cannot carry another request.
  const connection = status >= 400 ? { connection: 'close' } : {};
  res.writeHead(status, {
    ...securityHeaders,
    'content-security-policy': lockedCsp,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...connection,
    ...headers,
  });
  res.end(data);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: OutgoingHttpHeaders = {}): void {
  const result: Result<never> = { ok: false, error: { code, message } };
  sendJson(res, status, result, headers);
}

type Body = { text: string } | { status: number; message: string };

/** The request body as UTF-8 text, or the status and sentence to refuse it with; never more than `limit` bytes are held. */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const tooLarge = { status: 413, message: `The request is larger than Quarry accepts (${Math.round(limit / 1024 / 1024)} MB); import large files one at a time.` };
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(tooLarge);
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolveBody(tooLarge);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      try {
        resolveBody({ text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) });
      } catch {
        resolveBody({ status: 400, message: 'The request body is not valid UTF-8 text.' });
      }
    });
    req.on('error', reject);
  });
}

export interface HttpTransport {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export interface HttpOptions {
  /** Its projectAccess must be restricted (ProjectAccess.forBrowserMode): anyone with the token may call. */
  ctx: AppContext;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Tests lower it to check the limit without sending 300 MB. */
  maxBodyBytes?: number;
}

/**
 * Browser mode: the renderer and the API on 127.0.0.1. Any page the user's browser opens
 * could send requests here, so every API call needs the per-launch token, requests whose
 * Host or Origin is not this server (DNS rebinding, cross-site pages) are refused, and
 * project paths are limited to the folders the person chose when starting Quarry.
 */
export async function startHttpTransport(options: HttpOptions): Promise<HttpTransport> {
  const { ctx } = options;
  if (!ctx.projectAccess.info.restricted) throw new Error('Browser mode needs a restricted project access policy (ProjectAccess.forBrowserMode).');
  const token = options.token ?? randomBytes(24).toString('base64url');
  const bodyLimit = options.maxBodyBytes ?? maxBodyBytes;
  const staticRoot = resolve(options.staticDir);
  let port = 0;

  function trustedOrigin(req: IncomingMessage): boolean {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  }

  function serveStatic(res: ServerResponse, path: string): void {
    const file = join(staticRoot, path === '/' ? 'index.html' : path);
    if (!file.startsWith(staticRoot + sep) || !isRegularFile(file)) {
      if (path === '/') return refuse(res, 500, 'INTERNAL', 'The user interface has not been built. Run `npm run build`.');
      return refuse(res, 404, 'NOT_FOUND', `Quarry has no file at ${path}.`);
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    if (extname(file) === '.html') {
      const html = readFileSync(file);
      res.writeHead(200, { ...securityHeaders, 'content-security-policy': pageCsp(html.toString('utf8')), 'content-type': type, 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    res.writeHead(200, { ...securityHeaders, 'content-security-policy': lockedCsp, 'content-type': type });
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...securityHeaders, 'content-security-policy': lockedCsp, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = ctx.onEvent((name, payload) => res.write(`data: ${JSON.stringify({ name, payload })}\n\n`));
    req.on('close', unsubscribe);
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, methodName: string): Promise<void> {
    const auth = req.headers.authorization ?? '';
    if (!sameSecret(auth.startsWith('Bearer ') ? auth.slice(7) : '', token)) {
      return refuse(res, 401, 'UNAUTHORIZED', 'Missing or wrong access token. Open the address Quarry printed when it started.');
    }
    if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', 'API calls are POST requests.', { allow: 'POST' });
    const type = req.headers['content-type'];
    if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
      return refuse(res, 415, 'VALIDATION', 'API calls send JSON: set the Content-Type header to application/json.');
    }
    const body = await readBody(req, bodyLimit);
    if (!('text' in body)) return refuse(res, body.status, 'VALIDATION', body.message);
    let input: unknown;
    try {
      input = body.text.length ? JSON.parse(body.text) : {};
    } catch {
      return refuse(res, 400, 'VALIDATION', 'The request body is not valid JSON.');
    }
    const denied = ctx.projectAccess.refusalFor(methodName, input, ctx.hasProject ? ctx.project.path : undefined);
    if (denied) return refuse(res, 403, 'UNAUTHORIZED', denied);
    const result = await dispatch(ctx, methodName, input);
    sendJson(res, result.ok ? 200 : (statusFor[result.error.code] ?? 422), result);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!trustedOrigin(req)) return refuse(res, 403, 'UNAUTHORIZED', 'This Quarry server only answers pages it served itself.');
    const target = parseTarget(req.url ?? '');
    if ('refusal' in target) return refuse(res, 400, 'VALIDATION', target.refusal);
    if (target.path === '/api/events') {
      // EventSource cannot send headers, so the event stream takes the token in its URL.
      if (!sameSecret(target.query.get('token') ?? '', token)) return refuse(res, 401, 'UNAUTHORIZED', 'Missing or wrong access token.');
      if (req.method !== 'GET') return refuse(res, 405, 'VALIDATION', 'The event stream is read with GET.', { allow: 'GET' });
      return serveEvents(req, res);
    }
    if (target.path.startsWith('/api/')) return serveApi(req, res, target.path.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'VALIDATION', 'Pages are read with GET.', { allow: 'GET, HEAD' });
    serveStatic(res, target.path);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      ctx.logger.error('HTTP request failed', error);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'Quarry hit an unexpected problem.');
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
