import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
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
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  // A refused request's body is never read, so its connection cannot carry another request.
  const connection = status >= 400 ? { connection: 'close' } : {};
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...connection });
  res.end(data);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const result: Result<never> = { ok: false, error: { code: 'UNAUTHORIZED', message } };
  sendJson(res, status, result);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Browser mode: the renderer and the API on 127.0.0.1. Any page the user's browser opens
 * could send requests here, so every API call needs the per-launch token, requests whose
 * Host or Origin is not this server (DNS rebinding, cross-site pages) are refused, and
 * project paths are limited to the folders the person chose when starting Quarry.
 */
export async function startHttpTransport(options: HttpOptions): Promise<HttpTransport> {
  if (!options.ctx.projectAccess.info.restricted) throw new Error('Browser mode needs a restricted project access policy (ProjectAccess.forBrowserMode).');
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = resolve(options.staticDir);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  function trustedOrigin(req: IncomingMessage): boolean {
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(staticRoot, relative);
    if (!file.startsWith(staticRoot + sep) && file !== staticRoot) {
      res.writeHead(404).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('The user interface has not been built. Run `npm run build`.');
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    createReadStream(file).pipe(res);
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = options.ctx.onEvent((name, payload) => res.write(`data: ${JSON.stringify({ name, payload })}\n\n`));
    req.on('close', unsubscribe);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!trustedOrigin(req)) {
      refuse(res, 403, 'This Quarry server only answers pages it served itself.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(req, res, url.pathname);
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      // EventSource cannot send headers, so the event stream takes the token in its URL.
      if (!sameSecret(url.searchParams.get('token') ?? '', token)) return refuse(res, 401, 'Missing or wrong access token.');
      serveEvents(req, res);
      return;
    }
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!sameSecret(given, token)) return refuse(res, 401, 'Missing or wrong access token. Open the address Quarry printed when it started.');
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'API calls are POST requests.' } });
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length ? JSON.parse(body) : {};
    } catch (error) {
      const message = (error as Error).message === 'too large' ? 'The request is larger than Quarry accepts (300 MB).' : 'The request body is not valid JSON.';
      sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message } });
      return;
    }
    const methodName = decodeURIComponent(url.pathname.slice('/api/'.length));
    const denied = options.ctx.projectAccess.refusalFor(methodName, input);
    if (denied) {
      sendJson(res, 403, { ok: false, error: { code: 'UNAUTHORIZED', message: denied } });
      return;
    }
    const result = await dispatch(options.ctx, methodName, input);
    sendJson(res, result.ok ? 200 : (statusFor[result.error.code] ?? 422), result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.ctx.logger.error('HTTP request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Quarry hit an unexpected problem.' } });
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
