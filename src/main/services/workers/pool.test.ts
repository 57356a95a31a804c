import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import type { FixtureJobs } from './fixture-worker';
import type { JobProgress } from './jobs';
import { JobStopped, WorkerPool, type PoolOptions } from './pool';

const entry = new URL('./fixture-worker.ts', import.meta.url);
const pools: WorkerPool<FixtureJobs>[] = [];

function pool(options: Omit<PoolOptions, 'entry'>): WorkerPool<FixtureJobs> {
  const made = new WorkerPool<FixtureJobs>({ ...options, entry });
  pools.push(made);
  return made;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the job to fail');
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('WorkerPool', () => {

  // First, while the process has given back what it used: a worker that never yields cannot
  // report its memory, so the process's resident memory is what catches it.
  it('stops a job that fills memory without yielding; when several ran, the one that overruns alone fails', async () => {
    const workers = pool({ size: 2, memoryPerJobMb: 200 });
    expect(await failure(workers.run('hoard', { mb: 3_000 }))).toMatchObject({ name: 'JobStopped', reason: 'memory' });
    const [greedy, modest] = await Promise.allSettled([workers.run('hoard', { mb: 3_000 }), workers.run('steps', { steps: 10, msPerStep: 100 })]);
    expect(greedy).toMatchObject({ status: 'rejected', reason: { reason: 'memory' } });
    expect(modest).toEqual({ status: 'fulfilled', value: 'all steps' });
  });

  it('runs jobs on its workers, answering each with its own result and progress', async () => {
    const workers = pool({ size: 2 });
    const progress: JobProgress[] = [];
    const answers = await Promise.all(
      ['a', 'b', 'c', 'd'].map((value, i) => workers.run('echo', { value, steps: 3 }, i === 0 ? { onProgress: (p) => progress.push(p) } : {})),
    );
    expect(answers).toEqual(['a', 'b', 'c', 'd']);
    expect(progress).toEqual([1, 2, 3].map((done) => ({ done, total: 3, label: `step ${done}` })));
    expect(workers.pending).toBe(0);
  });

  it('carries an AppError across with its code, and any other error with its name', async () => {
    const workers = pool({ size: 1 });
    const refused = await failure(workers.run('refuse', {}));
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'UNSUPPORTED', message: 'That is refused.', details: { reason: 'a test' } });
    const failed = await failure(workers.run('fail', {}));
    expect(failed).toMatchObject({ name: 'TypeError', message: 'Something broke.' });
    expect(await workers.run('echo', { value: 'still working', steps: 0 })).toBe('still working');
  });

  it('stops a job that runs past its deadline, even one that never yields, and goes on with a fresh worker', async () => {
    const workers = pool({ size: 1 });
    const stuck = workers.run('spin', { ms: 60_000 }, { deadlineMs: 300 });
    const next = workers.run('echo', { value: 'next', steps: 0 });
    expect(await failure(stuck)).toMatchObject({ name: 'JobStopped', reason: 'deadline' });
    expect(await next).toBe('next');
  });

  it('gives a job more time per step once its progress says how many steps it has', async () => {
    const workers = pool({ size: 1 });
    const timing = { deadlineMs: 400, deadlinePerStepMs: 150 };
    // 5 × 120 ms is past the 400 ms to start with, within the 400 + 5 × 150 ms its length earns.
    expect(await workers.run('steps', { steps: 5, msPerStep: 120 }, timing)).toBe('all steps');
    expect(await failure(workers.run('steps', { steps: 5, msPerStep: 400 }, timing))).toMatchObject({ reason: 'deadline' });
  });

  it('stops a worker past its heap limit, failing only its own job', async () => {
    const workers = pool({ size: 2, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    const [greedy, modest] = await Promise.allSettled([workers.run('heap', {}), workers.run('spin', { ms: 200 })]);
    expect(greedy).toMatchObject({ status: 'rejected', reason: { reason: 'memory' } });
    expect(modest).toEqual({ status: 'fulfilled', value: 'spun' });
  });

  it('stops a job whose memory outside the heap passes the budget, as its worker reports it, failing only that job', async () => {
    const workers = pool({ size: 2, memoryPerJobMb: 300 });
    // 450 MB stays under the two workers' 600 MB of resident memory, so the greedy worker's own
    // report stops it; and the process may keep much of that memory after the worker is gone,
    // which must not be charged to the modest job still running.
    const [greedy, modest] = await Promise.allSettled([workers.run('buffers', { mb: 450, holdMs: 2_000 }), workers.run('buffers', { mb: 10, holdMs: 1_000 })]);
    expect(greedy).toMatchObject({ status: 'rejected', reason: { name: 'JobStopped', reason: 'memory' } });
    expect(modest).toEqual({ status: 'fulfilled', value: 'held 10 MB' });
  });

  it('cancels a queued job without running it, and a running one by stopping its worker', async () => {
    const workers = pool({ size: 1 });
    const running = new AbortController();
    const queued = new AbortController();
    const first = workers.run('spin', { ms: 60_000 }, { signal: running.signal });
    const second = workers.run('echo', { value: 'never', steps: 0 }, { signal: queued.signal });
    queued.abort();
    expect(await failure(second)).toMatchObject({ reason: 'cancelled' });
    running.abort();
    expect(await failure(first)).toMatchObject({ reason: 'cancelled' });
    expect(await failure(workers.run('echo', { value: 'late', steps: 0 }, { signal: running.signal }))).toBeInstanceOf(JobStopped);
    expect(await workers.run('echo', { value: 'after', steps: 0 })).toBe('after');
  });

  it('fails the job of a worker that exits, and refuses work once closed', async () => {
    const workers = pool({ size: 1 });
    expect(await failure(workers.run('exit', {}))).toMatchObject({ reason: 'crashed' });
    expect(await workers.run('echo', { value: 'replaced', steps: 0 })).toBe('replaced');
    const waiting = [workers.run('spin', { ms: 60_000 }), workers.run('echo', { value: 'queued', steps: 0 })].map(failure);
    await workers.close();
    for (const outcome of waiting) expect(await outcome).toMatchObject({ reason: 'cancelled' });
    expect(await failure(workers.run('echo', { value: 'closed', steps: 0 }))).toMatchObject({ reason: 'cancelled' });
  });
});
