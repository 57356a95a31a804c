import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, join, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/api/errors';
import type { JobMap, JobProgress, JobReply, Jobs, SerializedError } from './jobs';

/** Why a job ended without an answer of its own. The caller words it for the user, since only it knows what was being read. */
export type StopReason = 'deadline' | 'memory' | 'crashed' | 'cancelled';

export class JobStopped extends Error {
  readonly reason: StopReason;
  constructor(reason: StopReason, message: string) {
    super(message);
    this.name = 'JobStopped';
    this.reason = reason;
  }
}

export interface PoolOptions {
  /** The most workers running at once. */
  size: number;
  /** The workers' entry, which serves the pool's jobs (see serve.ts); by default worker.ts, the app's jobs. */
  entry?: URL;
  /** V8 heap limits of each worker: a worker past them is stopped and its job fails with 'memory'. */
  resourceLimits?: ResourceLimits;
  /**
   * Memory a job may use, counting what a heap limit cannot see, such as the buffers a parser
   * decompresses into. A worker reports its heap and buffers while it runs a job, and a job past
   * this fails with 'memory'. A worker too busy to report is caught by the process's resident
   * memory instead: past this much per worker above what the process used when the pool was idle,
   * the pool stops its jobs and runs them again one at a time, so the job that overruns on its own
   * is the one that fails.
   */
  memoryPerJobMb?: number;
  /** Idle workers exit after this long, giving their memory back; new ones start on demand. */
  idleMs?: number;
}

export interface RunOptions {
  /** Milliseconds from the job's start in a worker; past it the worker is stopped and the job fails with 'deadline'. */
  deadlineMs?: number;
  /**
   * More time per step of work, once the job's progress says how many steps it has (a PDF's
   * pages): a long document gets the time its length needs, a stuck one still stops.
   */
  deadlinePerStepMs?: number;
  signal?: AbortSignal;
  /** Buffers handed to the worker rather than copied; only for jobs the caller will not need to run again. */
  transfer?: ArrayBuffer[];
  onProgress?: (progress: JobProgress) => void;
}

interface Job {
  id: number;
  kind: string;
  input: unknown;
  options: RunOptions;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** Set after the pool ran over its memory budget: the job then runs with nothing beside it. */
  alone: boolean;
  deadline?: NodeJS.Timeout;
  /** When the job started in its worker, its deadline's length as last set, and the step count it was set for. */
  startedAt: number;
  allowedMs: number;
  steps: number;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  /** Whether the worker has loaded its code: a job's deadline runs from then, not from the worker's start. */
  ready: boolean;
  /** The heap and buffers the worker last reported, in bytes. */
  reported: number;
  idle?: NodeJS.Timeout;
}

const MEMORY_CHECK_MS = 25;
const MB = 1024 * 1024;

/**
 * A worker entry of the app: under tsx or vitest its TypeScript file beside the asking module; in
 * the app's bundle the file electron-vite emits for it in out/main, whether the asking module
 * was bundled into index.js or into a chunk that index.js shares with the other entries.
 */
export function workerEntry(here: string, typescript: string, bundled: string): URL {
  if (here.endsWith('.ts')) return new URL(typescript, here);
  return new URL(/\/chunks\/[^/]+$/.test(here) ? `../${bundled}` : `./${bundled}`, here);
}

/** The app's worker entry (worker.ts, the jobs of jobs.ts). */
function defaultEntry(): URL {
  return workerEntry(import.meta.url, './worker.ts', 'worker.js');
}

const bundled = new Map<string, Promise<URL>>();

/**
 * A TypeScript entry (under tsx or vitest) bundled once per process with esbuild, as the app's
 * build bundles it, so workers run plain JavaScript. Running them under tsx instead would have
 * its loader rewrite every module they load, pdf.js too: 4 s and 350 MB more per worker. The
 * bundle goes into node_modules/.cache so that the packages it leaves out resolve from there;
 * it is named by its content, so processes building the same code share one file. esbuild
 * builds in its own process, so the main thread is not held up meanwhile.
 */
function runnable(entry: URL): Promise<URL> {
  if (!entry.pathname.endsWith('.ts')) return Promise.resolve(entry);
  let url = bundled.get(entry.href);
  if (!url) {
    url = bundle(entry);
    bundled.set(entry.href, url);
  }
  return url;
}

async function bundle(entry: URL): Promise<URL> {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const { outputFiles } = await esbuild.build({ entryPoints: [fileURLToPath(entry)], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', write: false });
  const code = outputFiles[0]!.contents;
  const esbuildPath = require.resolve('esbuild');
  const cache = join(esbuildPath.slice(0, esbuildPath.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules`.length), '.cache', 'quarry-workers');
  const file = join(cache, `${basename(entry.pathname, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    await mkdir(cache, { recursive: true });
    // Written aside and renamed, so a process starting the same bundle never reads half of it.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, code);
    await rename(partial, file);
  }
  return pathToFileURL(file);
}

function revive(error: SerializedError): Error {
  if (error.app) return new AppError(error.code as ErrorCode, error.message, error.details);
  const revived = new Error(error.message);
  revived.name = error.name;
  if (error.stack) revived.stack = error.stack;
  return revived;
}

/**
 * Worker threads that run jobs (see jobs.ts) off the main thread. Jobs queue in order and each
 * goes to the first free worker; a job that runs past its deadline, its worker's heap limit or
 * the pool's memory budget, or is cancelled, stops its worker — the worst it can do is fail
 * itself — and a fresh worker takes the next job.
 */
export class WorkerPool<J extends JobMap = Jobs> {
  private readonly options: PoolOptions;
  private readonly entry: URL;
  /** The entry as workers can run it, once known (see runnable). */
  private runnableEntry: URL | undefined;
  private preparing = false;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private memoryTimer: NodeJS.Timeout | null = null;
  private baselineRss = 0;
  /** The main thread's own heap and buffers at the baseline: what it adds later is not the jobs'. */
  private baselineMain = 0;
  /** Set while workers stop after a memory overrun: the jobs to run again wait for that memory to be given back. */
  private draining = false;
  /** Workers being stopped: until they are gone, the process still holds their memory. */
  private retiring = 0;

  constructor(options: PoolOptions) {
    this.options = { ...options, size: Math.max(1, options.size) };
    this.entry = options.entry ?? defaultEntry();
  }

  /**
   * Resolves once the workers' code can run, without starting one: under tsx or vitest that is
   * bundling it (see runnable), which the app's build has done already, so a benchmark of the
   * app's work awaits it first.
   */
  async codeReady(): Promise<void> {
    await runnable(this.entry);
  }

  run<K extends keyof J & string>(kind: K, input: J[K]['input'], options: RunOptions = {}): Promise<J[K]['output']> {
    return new Promise<J[K]['output']>((resolve, reject) => {
      if (this.closed) return reject(new JobStopped('cancelled', 'The worker pool is closed.'));
      if (options.signal?.aborted) return reject(new JobStopped('cancelled', 'The job was cancelled before it started.'));
      const job: Job = { id: this.nextId++, kind, input, options, resolve: resolve as (value: unknown) => void, reject, alone: false, startedAt: 0, allowedMs: 0, steps: 0 };
      if (options.signal) {
        job.onAbort = () => this.stop(job, new JobStopped('cancelled', 'The job was cancelled.'));
        options.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** Jobs waiting for a worker plus jobs running. */
  get pending(): number {
    return this.queue.length + this.running().length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, () => job.reject(new JobStopped('cancelled', 'The worker pool was closed.')));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, new JobStopped('cancelled', 'The worker pool was closed.'))));
  }

  private running(): Slot[] {
    return this.slots.filter((slot) => slot.job !== null);
  }

  private pump(): void {
    if (this.draining || this.closed) return;
    if (!this.runnableEntry) {
      if (this.queue.length > 0 && !this.preparing) this.prepare();
      return;
    }
    while (this.queue.length > 0) {
      const running = this.running();
      const next = this.queue[0]!;
      if (running.some((slot) => slot.job!.alone) || (next.alone && running.length > 0)) return;
      let slot = this.slots.find((s) => s.job === null);
      if (!slot) {
        if (this.slots.length >= this.options.size) return;
        slot = this.spawn();
      }
      this.queue.shift();
      this.assign(slot, next, running.length === 0);
    }
  }

  private prepare(): void {
    this.preparing = true;
    runnable(this.entry).then(
      (url) => {
        this.runnableEntry = url;
        this.pump();
      },
      (error: unknown) => {
        this.preparing = false;
        const why = new JobStopped('crashed', `The worker code could not be prepared: ${(error as Error).message}`);
        for (const job of this.queue.splice(0)) this.settle(job, () => job.reject(why));
      },
    );
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.runnableEntry!, { resourceLimits: this.options.resourceLimits }), job: null, ready: false, reported: 0 };
    this.slots.push(slot);
    slot.worker.on('message', (reply: JobReply) => this.receive(slot, reply));
    slot.worker.on('error', (error: Error & { code?: string }) => {
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed';
      void this.retire(slot, new JobStopped(reason, reason === 'memory' ? 'The worker ran out of its memory.' : `The worker failed: ${error.message}`));
    });
    slot.worker.on('exit', (code) => void this.retire(slot, new JobStopped('crashed', `The worker stopped unexpectedly (exit code ${code}).`)));
    return slot;
  }

  private assign(slot: Slot, job: Job, first: boolean): void {
    clearTimeout(slot.idle);
    slot.job = job;
    slot.worker.ref();
    job.steps = 0;
    if (slot.ready) this.setDeadline(job, job.options.deadlineMs, performance.now());
    if (first) this.watchMemory();
    slot.worker.postMessage({ id: job.id, kind: job.kind, input: job.input }, job.options.transfer ?? []);
  }

  private receive(slot: Slot, reply: JobReply): void {
    const job = slot.job;
    if ('ready' in reply) {
      slot.ready = true;
      if (job) this.setDeadline(job, job.options.deadlineMs, performance.now());
      return;
    }
    if ('memory' in reply) {
      slot.reported = reply.memory;
      const limit = this.options.memoryPerJobMb;
      if (job && limit !== undefined && reply.memory > limit * MB) this.stop(job, this.overrun());
      return;
    }
    if (!job || job.id !== reply.id) return;
    if ('progress' in reply) {
      const { deadlineMs, deadlinePerStepMs } = job.options;
      if (deadlineMs !== undefined && deadlinePerStepMs !== undefined && reply.progress.total > job.steps) {
        job.steps = reply.progress.total;
        this.setDeadline(job, deadlineMs + job.steps * deadlinePerStepMs, job.startedAt);
      }
      job.options.onProgress?.(reply.progress);
      return;
    }
    slot.job = null;
    slot.worker.unref();
    if (this.options.idleMs !== undefined) slot.idle = setTimeout(() => void this.retire(slot, null), this.options.idleMs).unref();
    this.settle(job, () => ('value' in reply ? job.resolve(reply.value) : job.reject(revive(reply.error))));
    this.pump();
  }

  /** (Re)sets a running job's deadline to `ms` after `from`, its start. */
  private setDeadline(job: Job, ms: number | undefined, from: number): void {
    clearTimeout(job.deadline);
    if (ms === undefined) return;
    job.startedAt = from;
    job.allowedMs = ms;
    const left = Math.max(0, from + ms - performance.now());
    job.deadline = setTimeout(() => this.stop(job, new JobStopped('deadline', `The job ran past its deadline of ${Math.round(job.allowedMs)} ms.`)), left);
  }

  /** Ends a job, queued or running; a running one takes its worker with it. */
  private stop(job: Job, why: JobStopped): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, () => job.reject(why));
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (slot) void this.retire(slot, why);
  }

  /** Stops a worker for good; its job, if it had one, fails with `why`. */
  private async retire(slot: Slot, why: JobStopped | null): Promise<void> {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    clearTimeout(slot.idle);
    const job = slot.job;
    slot.job = null;
    if (job) this.settle(job, () => job.reject(why ?? new JobStopped('crashed', 'The worker stopped.')));
    // The next job starts once the worker has given its memory back, so none is charged for it.
    this.retiring++;
    const rssBefore = process.memoryUsage.rss();
    try {
      await slot.worker.terminate();
    } finally {
      this.retiring--;
    }
    this.keepBaseline(slot.reported, rssBefore - process.memoryUsage.rss());
    this.pump();
  }

  private settle(job: Job, settle: () => void): void {
    clearTimeout(job.deadline);
    if (job.onAbort) job.options.signal?.removeEventListener('abort', job.onAbort);
    settle();
  }

  /** Takes the memory in use now, with no job running, as the baseline jobs are measured against. */
  private watchMemory(): void {
    if (this.options.memoryPerJobMb === undefined) return;
    const { rss, heapTotal, external } = process.memoryUsage();
    this.baselineRss = rss;
    this.baselineMain = heapTotal + external;
    this.memoryTimer ??= setInterval(() => this.checkMemory(), MEMORY_CHECK_MS).unref();
  }

  /**
   * The allocator need not give a stopped worker's memory back to the system (glibc keeps freed
   * chunks in the thread's arena), so what it reported and the process still holds is moved into
   * the baseline: otherwise the jobs still running would be charged for it and stopped too.
   */
  private keepBaseline(reported: number, givenBack: number): void {
    if (this.memoryTimer === null || this.running().length === 0) return;
    this.baselineRss += Math.max(0, reported - Math.max(0, givenBack));
  }

  private overrun(): JobStopped {
    return new JobStopped('memory', `The job needed more than the ${this.options.memoryPerJobMb} MB of memory a job may use.`);
  }

  private checkMemory(): void {
    const running = this.running();
    if (running.length === 0) {
      clearInterval(this.memoryTimer!);
      this.memoryTimer = null;
      return;
    }
    // A worker being stopped (say, for overrunning) still holds its memory: charging that to the
    // jobs left running would stop them too.
    if (this.retiring > 0) return;
    // Each worker holds memory between its jobs too, so the budget is per worker alive; and what
    // the main thread has grown by since the baseline (an import's text, the search index) is its own.
    const { rss, heapTotal, external } = process.memoryUsage();
    const mainGrowth = Math.max(0, heapTotal + external - this.baselineMain);
    if (rss - mainGrowth <= this.baselineRss + this.slots.length * this.options.memoryPerJobMb! * MB) return;
    if (running.length === 1) {
      this.stop(running[0]!.job!, this.overrun());
      return;
    }
    // Several ran together: which one grew cannot be told apart, so each runs again on its own.
    const again = running.map((slot) => slot.job!);
    for (const job of again) {
      clearTimeout(job.deadline);
      job.alone = true;
    }
    this.queue.unshift(...again);
    for (const slot of running) slot.job = null;
    this.draining = true;
    void Promise.all(running.map((slot) => this.retire(slot, null))).then(() => {
      this.draining = false;
      this.pump();
    });
  }
}

// A worker's V8 heap. The largest documents Quarry accepts (see import/limits.ts) parse well
// within it; a parser that needs more is running away on a hostile file.
const PARSER_HEAP_MB = 512;
// Resident memory per running parse, counting what the heap limit cannot: buffers a parser
// decompresses into (a PDF's flate streams). With the app's own memory this keeps one hostile
// file's import under 1 GB.
const PARSER_MEMORY_PER_JOB_MB = 640;
// Idle parsers give their memory back after this; the next import starts one again (about 0.1 s).
const PARSER_IDLE_MS = 30_000;

let parsers: WorkerPool | undefined;

/** The pool that parses what comes from outside — imported files, manuscripts to audit — one worker per core. */
export function parserPool(): WorkerPool {
  return (parsers ??= new WorkerPool({
    size: availableParallelism(),
    resourceLimits: { maxOldGenerationSizeMb: PARSER_HEAP_MB },
    memoryPerJobMb: PARSER_MEMORY_PER_JOB_MB,
    idleMs: PARSER_IDLE_MS,
  }));
}
