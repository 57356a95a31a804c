import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface QuarryServer {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  /** Ends the server abruptly, as a crash or a closed laptop lid would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts Quarry's browser mode (the real main-process code) on a project file; `allowDirs` become --allow-dir flags. */
export async function startQuarry(options: { project?: string; dataDir: string; allowDirs?: string[] }): Promise<QuarryServer> {
  const args = [
    '--import',
    'tsx',
    'src/main/serve.ts',
    ...(options.project ? ['--project', options.project] : []),
    ...(options.allowDirs ?? []).flatMap((dir) => ['--allow-dir', dir]),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, QUARRY_DATA_DIR: options.dataDir },
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
  const ended = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').then(() => undefined));
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    process: child,
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
