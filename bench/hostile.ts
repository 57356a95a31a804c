// Hostile-input benchmark: every file of the hostile corpus (src/main/test-support/hostile-corpus.ts)
// imported by the CLI in a child process of its own, with its time and peak resident memory
// against the targets (each file ≤ 30 s and ≤ 1 GB), then all of them uploaded to one browser-mode
// server, which must stay up and keep answering.
//
//   npm run bench:hostile -- [--dir <folder>] [--quarry <checkout>] [--only <regex>] [--json <file>]
//
// --dir writes the corpus there (emptying it first) to keep it; --quarry runs another checkout's CLI and server on the
// same files, such as an older commit for a before/after comparison. A child still running after
// --timeout-s (120) or past --max-rss-mb (4096) is killed and reported as such.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeHostileCorpus, type HostileFile } from '../src/main/test-support/hostile-corpus';

const TARGET_SECONDS = 30;
const TARGET_MB = 1024;

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    quarry: { type: 'string', default: process.cwd() },
    only: { type: 'string' },
    json: { type: 'string' },
    'timeout-s': { type: 'string', default: '120' },
    'max-rss-mb': { type: 'string', default: '4096' },
    'no-server': { type: 'boolean', default: false },
  },
});
const quarry = resolve(values.quarry!);
const timeoutMs = Number(values['timeout-s']) * 1000;
const maxRssKb = Number(values['max-rss-mb']) * 1024;

/** Peak and current resident memory of a process, in KB, from /proc (Linux). */
function memoryOf(pid: number): { peak: number; now: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { peak: field('VmHWM'), now: field('VmRSS') };
  } catch {
    return undefined;
  }
}

interface Watched {
  seconds: number;
  peakMb: number;
  /** 'timeout' or 'memory' when the bench killed it, else its exit code. */
  end: number | 'timeout' | 'memory' | 'signal';
  stdout: string;
  stderr: string;
}

/** Runs a child to its end, sampling its memory, and kills it past the time or memory guard. */
function watch(child: ChildProcess): Promise<Watched> {
  const started = performance.now();
  let peak = 0;
  let killedFor: 'timeout' | 'memory' | undefined;
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const sample = setInterval(() => {
    const memory = memoryOf(child.pid!);
    if (memory) peak = Math.max(peak, memory.peak);
    if (memory && memory.now > maxRssKb) killedFor ??= 'memory';
    if (performance.now() - started > timeoutMs) killedFor ??= 'timeout';
    if (killedFor) child.kill('SIGKILL');
  }, 25);
  return new Promise((done) => {
    child.on('exit', (code) => {
      clearInterval(sample);
      done({ seconds: (performance.now() - started) / 1000, peakMb: peak / 1024, end: killedFor ?? code ?? 'signal', stdout, stderr });
    });
  });
}

const node = (args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: quarry, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

interface Result {
  file: string;
  attack: string;
  seconds: number;
  peakMb: number;
  outcome: string;
  /** Ended as it should: imported, or refused with the expected reason. */
  asExpected: boolean;
  withinTargets: boolean;
}

function describe(file: HostileFile, run: Watched): { outcome: string; asExpected: boolean } {
  if (run.end === 'timeout') return { outcome: `still running after ${timeoutMs / 1000} s: killed`, asExpected: false };
  if (run.end === 'memory') return { outcome: `passed ${values['max-rss-mb']} MB: killed`, asExpected: false };
  if (run.end === 0) return { outcome: `imported (${/"id": "([^"]+)"/.exec(run.stdout)?.[1] ?? '?'})`, asExpected: 'imports' in file.expect };
  const message = run.stderr.trim().split('\n').at(-1)?.replace(/^quarry: /, '') ?? '';
  if (run.end !== 1) return { outcome: `crashed (exit ${String(run.end)}): ${message.slice(0, 160)}`, asExpected: false };
  const internal = /unexpected problem/i.test(message);
  const expected = 'refused' in file.expect && file.expect.refused.test(message);
  return { outcome: `${internal ? 'INTERNAL ' : ''}refused: ${message}`, asExpected: expected && !internal };
}

async function perFile(files: HostileFile[], dir: string, work: string): Promise<Result[]> {
  const results: Result[] = [];
  for (const file of files) {
    const project = join(work, `${file.name}.quarry`);
    await watch(node(['src/main/cli.ts', 'create', project, '--name', 'Hostile']));
    const run = await watch(node(['src/main/cli.ts', 'import', join(dir, file.name), '--project', project, '--format', 'json']));
    const { outcome, asExpected } = describe(file, run);
    const result = { file: file.name, attack: file.attack, seconds: run.seconds, peakMb: run.peakMb, outcome, asExpected, withinTargets: run.seconds <= TARGET_SECONDS && run.peakMb <= TARGET_MB };
    results.push(result);
    const mark = result.withinTargets && asExpected ? 'ok ' : result.withinTargets ? 'odd' : 'NO ';
    console.log(`${mark} ${file.name.padEnd(42)} ${run.seconds.toFixed(1).padStart(6)} s ${run.peakMb.toFixed(0).padStart(6)} MB  ${outcome.slice(0, 150)}`);
  }
  return results;
}

interface ServerRun {
  stayedUp: boolean;
  peakMb: number;
  seconds: number;
  answered: number;
  failures: string[];
}

/** Uploads every file to one browser-mode server, checking after each that it still answers. */
async function serverPass(files: HostileFile[], dir: string, work: string): Promise<ServerRun> {
  const data = join(work, 'server-data');
  mkdirSync(data, { recursive: true });
  const project = join(work, 'server.quarry');
  await watch(node(['src/main/cli.ts', 'create', project, '--name', 'Hostile server']));
  const server = node(['src/main/serve.ts', '--project', project], { QUARRY_DATA_DIR: data });
  const ended = watch(server);
  const url = await new Promise<URL>((found, failed) => {
    let seen = '';
    server.stderr!.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(seen);
      if (match) found(new URL(match[1]!));
    });
    server.once('exit', () => failed(new Error(`the server stopped before serving: ${seen}`)));
  });
  const call = async (method: string, input: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> => {
    const response = await fetch(new URL(`/api/${method}`, url), {
      method: 'POST',
      headers: { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
  };
  const started = performance.now();
  const failures: string[] = [];
  let answered = 0;
  let stayedUp = true;
  for (const file of files.filter((f) => !f.pathOnly)) {
    try {
      const result = await call('sources.import', { fileName: file.name, dataBase64: readFileSync(join(dir, file.name)).toString('base64') });
      if (!result.ok && result.error?.code === 'INTERNAL') failures.push(`${file.name}: INTERNAL ${result.error.message}`);
      const list = await call('sources.list', {});
      if (!list.ok) throw new Error(`sources.list failed: ${list.error?.message}`);
      answered++;
    } catch (error) {
      failures.push(`${file.name}: the server stopped answering (${(error as Error).message})`);
      stayedUp = false;
      break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (server.exitCode !== null || server.signalCode !== null) stayedUp = false;
  server.kill('SIGTERM');
  const run = await ended;
  return { stayedUp, peakMb: run.peakMb, seconds, answered, failures };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'quarry-bench-hostile-'));
  const dir = values.dir ? resolve(values.dir) : join(work, 'corpus');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const corpus = await writeHostileCorpus(dir);
  const only = values.only ? new RegExp(values.only) : undefined;
  const files = corpus.files.filter((f) => !only || only.test(f.name));
  console.log(`Quarry at ${quarry}; ${files.length} hostile files in ${dir}; targets: each ≤ ${TARGET_SECONDS} s and ≤ ${TARGET_MB} MB peak RSS, the server stays up.\n`);
  try {
    const results = await perFile(files, dir, work);
    console.log('\nBy attack class (worst file):');
    const classes = [...new Set(results.map((r) => r.attack))];
    for (const attack of classes) {
      const of = results.filter((r) => r.attack === attack);
      const slowest = of.reduce((a, b) => (b.seconds > a.seconds ? b : a));
      const hungriest = of.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
      const expected = of.filter((r) => r.asExpected).length;
      console.log(`  ${attack.padEnd(28)} ${String(of.length).padStart(2)} files  ${slowest.seconds.toFixed(1).padStart(6)} s  ${hungriest.peakMb.toFixed(0).padStart(6)} MB  ${expected}/${of.length} as expected  e.g. ${of[0]!.outcome.slice(0, 90)}`);
    }
    const worstTime = results.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const worstMemory = results.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
    const within = results.filter((r) => r.withinTargets).length;
    const expected = results.filter((r) => r.asExpected).length;
    console.log(`\nSlowest: ${worstTime.file}, ${worstTime.seconds.toFixed(1)} s (target ≤ ${TARGET_SECONDS} s). Most memory: ${worstMemory.file}, ${worstMemory.peakMb.toFixed(0)} MB (target ≤ ${TARGET_MB} MB).`);
    console.log(`Within both targets: ${within}/${results.length}. Ended as expected (imported, or refused saying why): ${expected}/${results.length}.`);
    let server: ServerRun | undefined;
    if (!values['no-server']) {
      server = await serverPass(files, dir, work);
      console.log(`\nBrowser-mode server, every uploadable file in turn: ${server.stayedUp ? 'stayed up' : 'WENT DOWN'}, answered after ${server.answered} uploads, peak ${server.peakMb.toFixed(0)} MB, ${server.seconds.toFixed(1)} s.`);
      for (const failure of server.failures) console.log(`  ${failure}`);
    }
    if (values.json) writeFileSync(values.json, `${JSON.stringify({ quarry, results, server }, null, 2)}\n`);
  } finally {
    await corpus.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
