import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Sends one job to a bundled worker, as the pool does, and returns its answer. */
function runJob(worker: Worker, kind: string, input: unknown): Promise<{ value?: unknown; error?: unknown }> {
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: { id: number; value?: unknown; error?: unknown; progress?: unknown }) => {
      if (reply.id === 1 && !reply.progress) resolve(reply);
    });
    worker.once('error', reject);
    worker.postMessage({ id: 1, kind, input });
  });
}

// Our machines have no Electron binary, so the Electron build is checked as far as Node can:
// every bundle file parses, and the worker threads' entry runs jobs from the bundle as Electron would.
test('the Electron main, preload and worker bundles parse, and the bundled worker runs imports and index builds', async () => {
  const files = ['out/main', 'out/main/chunks', 'out/preload'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.(c|m)?js$/.test(f))
      .map((f) => join(dir, f)),
  );
  expect(files).toEqual(expect.arrayContaining(['out/main/index.js', 'out/main/worker.js', 'out/preload/index.cjs']));
  for (const file of files) {
    const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    expect(check.stderr, file).toBe('');
    expect(check.status, file).toBe(0);
  }
  const entry = join(process.cwd(), 'out/main/worker.js');
  const importer = new Worker(entry);
  const imported = await runJob(importer, 'import.extract', { bytes: new TextEncoder().encode('FIELD NOTES\n\nThe port opened at dawn.'), fileName: 'notes.txt' });
  await importer.terminate();
  expect(imported.value).toMatchObject({ format: 'txt', title: 'FIELD NOTES', text: 'FIELD NOTES\n\nThe port opened at dawn.' });
  const indexer = new Worker(entry);
  const built = await runJob(indexer, 'search.build', { language: 'en', inputs: [{ id: 'p1', hash: [1, 2], fields: ['Notes', 'The port opened at dawn.'] }], store: true });
  await indexer.terminate();
  expect(built.value).toMatchObject({ segment: { docIds: ['p1'], terms: expect.arrayContaining(['port', 'dawn']) }, stored: { dataChecksum: expect.any(Number) } });
});
