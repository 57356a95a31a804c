import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

// Our machines have no Electron binary, so the Electron build is checked as far as Node can:
// every bundle file parses, and the search worker starts from the bundle as Electron would start it.
test('the Electron main, preload and worker bundles parse, and the search worker starts from the bundle', async () => {
  const files = ['out/main', 'out/main/chunks', 'out/preload'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.(c|m)?js$/.test(f))
      .map((f) => join(dir, f)),
  );
  expect(files).toEqual(expect.arrayContaining(['out/main/index.js', 'out/main/build-worker.js', 'out/preload/index.cjs']));
  for (const file of files) {
    const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    expect(check.stderr, file).toBe('');
    expect(check.status, file).toBe(0);
  }
  const worker = new Worker(join(process.cwd(), 'out/main/build-worker.js'), { workerData: { language: 'en' } });
  const outcome = await new Promise<string>((resolve) => {
    worker.once('error', (error) => resolve(`error: ${error.message}`));
    worker.once('online', () => setTimeout(() => resolve('running'), 300));
  });
  await worker.terminate();
  expect(outcome).toBe('running');
});
