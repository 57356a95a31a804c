// The worker side of pool.ts: answers each job request with the runner's result, its progress on
// the way, or the error it threw, in the shape the pool expects.
import { readlinkSync } from 'node:fs';
import { constants, getPriority, setPriority } from 'node:os';
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

/**
 * Puts this thread behind the main thread for the cores: the main thread answers the UI, and a
 * batch of imports keeping every core busy must not slow its answers. Linux gives each thread
 * its own nice value, found by the thread's id; elsewhere the workers keep the app's priority.
 */
const LOWEST_PRIORITY = 19;

function yieldToMainThread(): void {
  let thread: string | undefined;
  try {
    thread = /\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1];
  } catch {
    return;
  }
  if (thread) setPriority(Number(thread), Math.min(LOWEST_PRIORITY, getPriority(Number(thread)) + constants.priority.PRIORITY_BELOW_NORMAL));
}

/** Runs the jobs the pool sends to this worker, one at a time. */
export function serveJobs<J extends JobMap>(runners: Runners<J>): void {
  yieldToMainThread();
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
