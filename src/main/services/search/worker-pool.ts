import { Worker } from 'node:worker_threads';
import type { IndexInput, Segment } from './segment';

/**
 * Starts the build worker. Under tsx or vitest the worker is TypeScript that Node cannot load by
 * itself (Node 20 does not hand --import hooks to a worker's entry), so a bootstrap registers tsx
 * first. A bundle (where this module is part of, say, out/main/index.js) must emit the worker as
 * its own entry, build-worker.js, beside the bundle.
 */
function startWorker(language: string): Worker {
  const here = import.meta.url;
  const source = /worker-pool\.\w+$/.test(here) ? new URL(here.replace(/worker-pool\.(\w+)$/, 'build-worker.$1')) : new URL('./build-worker.js', here);
  if (!source.pathname.endsWith('.ts')) return new Worker(source, { workerData: { language } });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: { language } });
}

/**
 * Builds one segment per chunk on `threads` worker threads, handing out chunks as threads come
 * free and reporting each finished chunk. A chunk's inputs are made only when it is handed out,
 * so reading texts overlaps with the workers' indexing. Segments come back in chunk order.
 */
export async function buildInWorkers(
  chunkCount: number,
  chunk: (index: number) => IndexInput[],
  language: string,
  threads: number,
  onChunk: (index: number) => void,
): Promise<Segment[]> {
  const results: Segment[] = new Array<Segment>(chunkCount);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(threads, chunkCount)) }, () => startWorker(language));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= chunkCount) return resolve();
              const id = next++;
              worker.postMessage({ id, inputs: chunk(id) });
            };
            worker.on('message', (message: { id: number; segment: Segment }) => {
              results[message.id] = message.segment;
              onChunk(message.id);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`search build worker exited with code ${code}`))));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
