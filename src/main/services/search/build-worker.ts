import { parentPort, workerData } from 'node:worker_threads';
import { Analyzer } from './analyzer';
import { buildSegment, type IndexInput } from './segment';

// One thread of a full build: turns chunks of docs into segments off the main thread.
const analyzer = new Analyzer((workerData as { language: string }).language);
const port = parentPort!;
port.on('message', (job: { id: number; inputs: IndexInput[] }) => {
  const segment = buildSegment(job.inputs, analyzer);
  const arrays = [segment.hashes, ...segment.fieldLengths, ...segment.fields.flatMap((f) => [f.termStart, f.docs, f.tfs, f.posStart, f.positions])];
  port.postMessage({ id: job.id, segment }, arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])));
});
