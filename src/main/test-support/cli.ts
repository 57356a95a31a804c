import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/** Runs the command line as a user would, in a process of its own. */
export function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command with --format json, which must succeed and print exactly one JSON document. */
export function json<T = unknown>(args: string[]): T {
  const result = cli([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}
