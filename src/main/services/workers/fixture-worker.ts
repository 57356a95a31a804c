// A worker for pool.test.ts: jobs that behave well and badly on purpose.
import { AppError } from '../../../shared/api/errors';
import { serveJobs } from './serve';

export type FixtureJobs = {
  /** Answers `value` after reporting `steps` progress steps. */
  echo: { input: { value: string; steps: number }; output: string };
  /** Works through `steps` steps of `msPerStep` each, reporting each. */
  steps: { input: { steps: number; msPerStep: number }; output: string };
  /** Keeps the thread busy without yielding, as a stuck parser would. */
  spin: { input: { ms: number }; output: string };
  /** Grows its heap without end. */
  heap: { input: Record<string, never>; output: string };
  /** Holds `mb` MB of buffers outside the heap for `holdMs`, as a decompression bomb would. */
  buffers: { input: { mb: number; holdMs: number }; output: string };
  /** Fills `mb` MB of buffers without ever yielding, so it cannot report its memory. */
  hoard: { input: { mb: number }; output: string };
  refuse: { input: Record<string, never>; output: string };
  fail: { input: Record<string, never>; output: string };
  exit: { input: Record<string, never>; output: string };
};

const kept: unknown[] = [];

function spin(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

serveJobs<FixtureJobs>({
  echo: async ({ value, steps }, report) => {
    for (let done = 1; done <= steps; done++) report({ done, total: steps, label: `step ${done}` });
    return { value };
  },
  steps: async ({ steps, msPerStep }, report) => {
    for (let done = 0; done < steps; done++) {
      report({ done, total: steps });
      spin(msPerStep);
    }
    return { value: 'all steps' };
  },
  spin: async ({ ms }) => {
    spin(ms);
    return { value: 'spun' };
  },
  heap: async () => {
    for (;;) kept.push(new Array(100_000).fill({ grow: kept.length }));
  },
  buffers: async ({ mb, holdMs }) => {
    const held = Array.from({ length: mb }, () => new Uint8Array(1024 * 1024).fill(1));
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    return { value: `held ${held.length} MB` };
  },
  hoard: async ({ mb }) => {
    for (let i = 0; i < mb; i++) kept.push(new Uint8Array(1024 * 1024).fill(1));
    return { value: `hoarded ${mb} MB` };
  },
  refuse: async () => {
    throw new AppError('UNSUPPORTED', 'That is refused.', { reason: 'a test' });
  },
  fail: async () => {
    throw new TypeError('Something broke.');
  },
  exit: async () => process.exit(3),
});
