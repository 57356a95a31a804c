// Real Quarry processes for tests that need more than one (two writers, crashes): the
// browser-mode server and the CLI, run from the source with tsx as `npm start` and `npm run cli` do.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Result } from '../../shared/api/errors';

const root = join(import.meta.dirname, '../../..');

export interface QuarryServer {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  /** Calls the API as the browser-mode UI does. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Ends the server abruptly, as a crash or a closed laptop lid would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts Quarry's browser mode (the real main-process code) on a project file, or on the sample
 * project in `dataDir`; `allowDirs` become --allow-dir flags.
 */
export async function startQuarry(options: { project?: string; dataDir: string; allowDirs?: string[]; env?: NodeJS.ProcessEnv }): Promise<QuarryServer> {
  const args = [
    '--import',
    'tsx',
    join(root, 'src/main/serve.ts'),
    ...(options.project ? ['--project', options.project] : []),
    ...(options.allowDirs ?? []).flatMap((dir) => ['--allow-dir', dir]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...options.env, QUARRY_DATA_DIR: options.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Quarry exited (${code}) before serving:\n${stdout}\n${stderr}`)));
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token')!;
  const ended = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').then(() => undefined));
  return {
    url,
    origin: parsed.origin,
    token,
    process: child,
    async call(method, input) {
      const response = await fetch(`${parsed.origin}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Result<unknown>;
    },
    async kill() {
      child.kill('SIGKILL');
      await ended();
    },
    async stop() {
      child.kill('SIGTERM');
      await ended();
    },
  };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI with `args`; `running` is the process, `done` settles when it ends (however it ends). */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): { running: ChildProcess; done: Promise<CliRun> } {
  const running = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  running.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  running.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = once(running, 'close').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null, stdout, stderr }));
  return { running, done };
}

/** Runs the CLI to its end. */
export function cli(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliRun> {
  return startCli(args, env).done;
}
