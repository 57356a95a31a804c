// The Electron shell's security decisions, as plain functions without `electron`, so that
// tests run them where the Electron binary is not installed. index.ts only wires them up.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Where the app's own page lives: the built file, or in development the dev server's origin. */
export interface AppLocation {
  rendererFile: string;
  devServerUrl?: string;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a link may be handed to the system browser: only web pages (http, https), never
 * file:, custom protocols or javascript:, and never an address that hides a user name or
 * password before the host (https://bank.example@evil.example/).
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** Whether `url` is the app's own page: the exact built file, or exactly the dev server's origin (not a prefix of it). */
export function isAppPage(url: string, app: AppLocation): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (app.devServerUrl !== undefined) return parsed.origin === new URL(app.devServerUrl).origin;
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const [page, built] = [fileURLToPath(parsed), resolve(app.rendererFile)];
  // Windows file names are case-insensitive, and a drive letter may come back in either case.
  return process.platform === 'win32' ? page.toLowerCase() === built.toLowerCase() : page === built;
}

export type NavigationVerdict = 'allow' | 'open-externally' | 'block';

/**
 * What to do when the window is about to navigate or be redirected to `url`. The app is
 * one page and never navigates: only the dev server may reload itself; web links go to the
 * system browser; everything else, every file: URL included, is blocked.
 */
export function navigationVerdict(url: string, app: AppLocation): NavigationVerdict {
  if (app.devServerUrl !== undefined && isAppPage(url, app)) return 'allow';
  return isSafeExternalUrl(url) ? 'open-externally' : 'block';
}

/** The project a launch asks for: `--project <file>` on its command line (relative to its working folder), else QUARRY_PROJECT. */
export function launchProject(argv: readonly string[], cwd: string, env: Record<string, string | undefined>): string | undefined {
  const { values } = parseArgs({ args: [...argv], options: { project: { type: 'string' } }, strict: false, allowPositionals: true });
  const fromArgs = typeof values.project === 'string' && values.project.trim() ? values.project : undefined;
  const path = fromArgs ?? env.QUARRY_PROJECT;
  return path ? resolve(cwd, path) : undefined;
}

/** What a second launch hands the running app through the single-instance lock. */
export interface LaunchRequest {
  project?: string;
}

/**
 * The project a second launch asked for. It sends its request as the lock's additional data;
 * since that crosses between processes, it is checked like any other input, and without it
 * the second launch's own command line is read.
 */
export function secondLaunchProject(additionalData: unknown, argv: readonly string[], cwd: string): string | undefined {
  const project = (additionalData as LaunchRequest | null)?.project;
  if (typeof project === 'string' && project.trim()) return resolve(cwd, project);
  return launchProject(argv, cwd, {});
}
