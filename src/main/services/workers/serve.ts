// The worker side of pool.ts: answers each job request with the runner's result, its progress on
// the way, or the error it threw, in the shape the pool expects.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import type { JobMap, JobProgress, JobReply, JobRequest, SerializedError } from './jobs';

export type Runner<J extends JobMap, K extends keyof J> = (
  input: J[K]['input'],
  report: (progress: JobProgress) => void,
) => Promise<{ value: J[K]['output']; transfer?: ArrayBuffer[] }>;

export type Runners<J extends JobMap> = { [K in keyof J]: Runner<J, K> };

function serialize(error: unknown): SerializedError {
  if (error instanceof AppError) return { app: true, code: error.code, message: error.message, details: error.details };
  const e = error instanceof Error ? error : new Error(String(error));
  return { app: false, name: e.name, message: e.message, stack: e.stack };
}

// How often a running job's memory is reported: often enough to stop a decompression bomb early.
const MEMORY_REPORT_MS = 50;

/** Runs the jobs the pool sends to this worker, one at a time. */
export function serveJobs<J extends JobMap>(runners: Runners<J>): void {
  const port = parentPort!;
  port.on('message', (request: JobRequest) => {
    const send = (reply: JobReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
    // This isolate's heap and buffers: what the process's resident memory cannot attribute to a worker.
    const reportMemory = setInterval(() => {
      const { heapUsed, external } = process.memoryUsage();
      send({ memory: heapUsed + external });
    }, MEMORY_REPORT_MS);
    const runner = runners[request.kind] as Runner<J, keyof J> | undefined;
    const answer = runner ? runner(request.input, (progress) => send({ id: request.id, progress })) : Promise.reject(new Error(`No job is called ${request.kind}.`));
    answer
      .then(
        ({ value, transfer }) => send({ id: request.id, value }, transfer),
        (error: unknown) => send({ id: request.id, error: serialize(error) }),
      )
      .finally(() => clearInterval(reportMemory));
  });
  port.postMessage({ ready: true } satisfies JobReply);
}
