// How much a backup holds up the main process.
//   npm run bench:backup -- [--mb 200] [--keep]
// Builds a project of about --mb megabytes of text (seeded, so runs repeat), opens it as the app
// does, and measures, in the same run: how busy the main thread is and how long its event loop
// is held up while idle (the baseline), while Quarry takes a backup (in a worker thread: SQLite's
// online backup API from a snapshot, then quick_check), and while SQLite's VACUUM INTO copies it
// on the main thread in one call (what a plain synchronous backup would cost); and how long API
// calls made meanwhile wait for their answer. On a machine shared with other work, stalls of
// tens of milliseconds happen while idle too: compare with the idle rows of the same run.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { AppContext } from '../src/main/app/context';
import { dispatch } from '../src/main/app/dispatch';
import { insertSource } from '../src/main/areas/sources/repository';
import { createDatabase } from '../src/main/services/store/database';
import { seededRandom } from '../src/shared/random';

/** The target: no stall of the main process a person would notice while a backup runs. */
const TARGET_STALL_MS = 50;

const { values } = parseArgs({ options: { mb: { type: 'string', default: '200' }, keep: { type: 'boolean', default: false } } });
const megabytes = Number(values.mb);

const words = 'harbour shipping cost trade policy border tariff digital market seller buyer platform parcel courier weight customs village cooperative loan payment'.split(' ');

/** A project of about `mb` megabytes: sources of 200 paragraphs of 120 words each, one passage per paragraph. */
function buildProject(path: string, mb: number): void {
  const random = seededRandom(12);
  createDatabase(path, (db) => {
    db.prepare("INSERT INTO project_meta (key, value) VALUES ('name', 'Backup bench')").run();
    let bytes = 0;
    for (let s = 0; bytes < mb * 1e6; s++) {
      const paragraphs = Array.from({ length: 200 }, () => Array.from({ length: 120 }, () => words[Math.floor(random() * words.length)]).join(' '));
      const text = paragraphs.join('\n\n');
      let at = 0;
      const passages = paragraphs.map((p, i) => {
        const passage = { id: `p${s}-${i}`, kind: 'paragraph' as const, level: 0, start: at, end: at + p.length, marker: null, speaker: null, timestamp: null };
        at += p.length + 2;
        return passage;
      });
      insertSource(db, { id: `s${s}`, title: `Source ${s}`, kind: 'transcript', format: 'txt', fileName: `s${s}.txt`, text, passages, marks: [], now: '2026-01-01T00:00:00Z' });
      bytes += text.length;
    }
  });
}

interface Measured {
  wallMs: number;
  /** The share of the time the main thread was busy running something (event-loop utilization). */
  busy: number;
  maxStallMs: number;
  p99Ms: number;
  maxCallMs: number;
  calls: number;
}

/** Runs `work` while sampling the event loop's delay and making API calls one after another, as a UI would. */
async function measure(ctx: AppContext, work: () => Promise<unknown>): Promise<Measured> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let running = true;
  let maxCallMs = 0;
  let calls = 0;
  const caller = (async () => {
    while (running) {
      const started = performance.now();
      await dispatch(ctx, 'codes.list', {});
      maxCallMs = Math.max(maxCallMs, performance.now() - started);
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  // The longest time the event loop went without running a 1 ms timer: how long the main thread was held.
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  histogram.enable();
  const utilization = performance.eventLoopUtilization();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  // Let a timer held up by the last of the work fire, so its delay is counted.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const busy = performance.eventLoopUtilization(utilization).utilization;
  histogram.disable();
  clearInterval(ticker);
  running = false;
  await caller;
  return { wallMs, busy, maxStallMs: maxGap, p99Ms: histogram.percentile(99) / 1e6, maxCallMs, calls };
}

const dir = mkdtempSync(join(tmpdir(), 'quarry-bench-backup-'));
const path = join(dir, 'bench.quarry');
try {
  console.log(`Building a project of about ${megabytes} MB of text…`);
  buildProject(path, megabytes);
  const size = statSync(path).size;
  const ctx = new AppContext({ backups: { onOpen: false, everyMinutes: 0 } });
  const opening = performance.now();
  ctx.openProject(path);
  const openMs = performance.now() - opening;

  // Three rounds each, idle and backing up in turn, so a busy moment of the machine shows in both.
  const idles: Measured[] = [];
  const backups: Measured[] = [];
  for (let round = 0; round < 3; round++) {
    idles.push(await measure(ctx, () => new Promise((resolve) => setTimeout(resolve, 1500))));
    backups.push(await measure(ctx, () => ctx.backUp()));
  }
  const worst = (all: Measured[]): Measured => all.reduce((a, b) => (b.maxStallMs > a.maxStallMs ? b : a));
  const median = (all: Measured[]): Measured => [...all].sort((a, b) => a.maxStallMs - b.maxStallMs)[1]!;
  const idle = median(idles);
  const backup = median(backups);
  const vacuum = await measure(ctx, async () => {
    // Let the sampler and a call run first, as they do at the start of the backup above.
    await new Promise((resolve) => setTimeout(resolve, 20));
    ctx.session.db.exec(`VACUUM INTO '${join(dir, 'vacuum-into.quarry').replace(/'/g, "''")}'`);
  });
  await ctx.close();

  const rows: Array<[string, Measured]> = [
    ['idle (baseline), median of 3', idle],
    ['idle, worst of 3', worst(idles)],
    ['Quarry backup (in a worker: online backup API, then quick_check), median of 3', backup],
    ['Quarry backup, worst of 3', worst(backups)],
    ['VACUUM INTO (one synchronous call)', vacuum],
  ];
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`\nProject file: ${(size / 1e6).toFixed(0)} MB; opening it (with SQLite's quick_check of every page, on the main thread) took ${ms(openMs)}\n`);
  console.log('| while | wall time | main thread busy | longest main-thread stall | p99 event-loop delay | slowest API answer (calls) |');
  console.log('|---|---|---|---|---|---|');
  for (const [label, m] of rows) {
    console.log(`| ${label} | ${ms(m.wallMs)} | ${(m.busy * 100).toFixed(0)}% | ${ms(m.maxStallMs)} | ${m.p99Ms.toFixed(1)} ms | ${ms(m.maxCallMs)} (${m.calls}) |`);
  }
  console.log(
    `\nLongest stall during a backup (median of 3): ${ms(backup.maxStallMs)} (target ≤ ${TARGET_STALL_MS} ms; ${(backup.maxStallMs / Math.max(idle.maxStallMs, 1)).toFixed(1)}× idle's, ` +
      `${(vacuum.maxStallMs / Math.max(backup.maxStallMs, 1)).toFixed(0)}× shorter than VACUUM INTO's) — ${backup.maxStallMs <= TARGET_STALL_MS ? 'met' : 'NOT met'}`,
  );
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
