// The crash test: kills real Quarry processes at random moments and checks that nothing a user
// was told is saved went missing.
//   npm run test:crash -- --kills N [--seed S] [--verbose]
// Each round starts the CLI importing several large files (each saved and printed as it is
// imported), or browser mode with a client coding, writing memos and importing as fast as it
// answers, and SIGKILLs it at a random moment: while it starts, opens or backs up the project,
// imports, codes, or builds the search index. Then the project is opened as Quarry opens it
// (lock, header, quick_check, migrations), must pass PRAGMA integrity_check and
// foreign_key_check, and must hold every action whose success the process reported. Every 20
// rounds it starts a new project, so files stay of a realistic size. The last line reads
// `crash: N kills survived, M confirmed actions lost, integrity ok|failed`.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Result } from '../src/shared/api/errors';
import { seededRandom } from '../src/shared/random';
import { AppContext } from '../src/main/app/context';
import { dispatch } from '../src/main/app/dispatch';
import { listBackups } from '../src/main/services/store/backups';
import { openDatabase } from '../src/main/services/store/database';
import { startCli, startQuarry } from '../src/main/test-support/processes';

const { values } = parseArgs({
  options: { kills: { type: 'string', default: '20' }, seed: { type: 'string' }, verbose: { type: 'boolean', default: false } },
});
const kills = Number(values.kills);
if (!Number.isInteger(kills) || kills < 1) {
  console.error('--kills is a whole number of kills, at least 1.');
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
const random = seededRandom(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (low: number, high: number) => low + random() * (high - low);
const log = (line: string) => values.verbose && console.log(line);

const roundsPerProject = 20;
const words = 'harbour shipping cost trade policy border tariff digital market seller buyer platform parcel courier weight customs village cooperative loan payment'.split(' ');

/** Text of about `bytes` bytes in paragraphs, so an import makes thousands of passages. */
function text(bytes: number): string {
  const paragraphs: string[] = [];
  for (let size = 0; size < bytes; ) {
    const paragraph = Array.from({ length: 40 + Math.floor(random() * 80) }, () => pick(words)).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** What a process said it saved: ids per table. */
type Confirmed = Map<string, Set<string>>;
const confirm = (confirmed: Confirmed, table: string, id: string) => confirmed.set(table, (confirmed.get(table) ?? new Set()).add(id));
const countOf = (confirmed: Confirmed) => [...confirmed.values()].reduce((n, ids) => n + ids.size, 0);

interface Outcome {
  killed: boolean;
  what: string;
}

/** The CLI imports 3–8 files of 0.2–1.5 MB; each 'Imported <id>' line it prints is a confirmed import. */
async function cliImports(project: string, dir: string, round: number, confirmed: Confirmed): Promise<Outcome> {
  const files = Array.from({ length: 3 + Math.floor(random() * 6) }, (_, i) => {
    const file = join(dir, `round-${round}-file-${i}.txt`);
    writeFileSync(file, text(between(200_000, 1_500_000)));
    return file;
  });
  const { running, done } = startCli(['import', ...files, '--project', project]);
  let printed = '';
  running.stdout!.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    for (const match of printed.matchAll(/^Imported (\S+)/gm)) confirm(confirmed, 'sources', match[1]!);
  });
  // A third of the kills land anywhere from the start (opening, migrating, the opening backup);
  // the rest while importing, after the first file is saved.
  const early = random() < 0.35;
  const delay = early ? between(0, 2500) : between(0, 1000);
  if (!early) {
    await Promise.race([
      done,
      new Promise<void>((resolve) => {
        const check = () => (/^Imported /m.test(printed) ? resolve() : setTimeout(check, 5));
        check();
      }),
    ]);
  }
  const timer = setTimeout(() => running.kill('SIGKILL'), delay);
  const result = await done;
  clearTimeout(timer);
  for (const match of result.stdout.matchAll(/^Imported (\S+)/gm)) confirm(confirmed, 'sources', match[1]!);
  return { killed: result.signal === 'SIGKILL', what: `CLI import of ${files.length} files, killed ${early ? 'from the start' : 'after the first import'} at +${delay.toFixed(0)} ms` };
}

/** Browser mode with a client coding, writing memos, creating codes and importing; each answer that says ok is confirmed. */
async function serverWork(project: string, dir: string, confirmed: Confirmed): Promise<Outcome> {
  const server = await startQuarry({ project, dataDir: dir, env: { QUARRY_BACKUP_MINUTES: '0.02' } });
  const call = async (method: string, input: unknown): Promise<Result<unknown> | null> => {
    try {
      return await server.call(method, input);
    } catch {
      return null; // the server died before it answered: nothing is confirmed
    }
  };
  const sourcesAnswer = await call('sources.list', {});
  const sources = sourcesAnswer?.ok ? (sourcesAnswer.value as Array<{ id: string; length: number }>) : [];
  const codes: string[] = [];
  let stop = false;
  const client = async () => {
    while (!stop) {
      const roll = random();
      if (roll < 0.15 || codes.length === 0) {
        const answer = await call('codes.create', { name: `code ${Math.floor(random() * 1e9)}` });
        if (answer?.ok) {
          const id = (answer.value as { id: string }).id;
          codes.push(id);
          confirm(confirmed, 'codes', id);
        }
      } else if (roll < 0.75 && sources.length) {
        const source = pick(sources);
        const start = Math.floor(random() * Math.max(1, source.length - 400));
        const answer = await call('codings.apply', { sourceId: source.id, codeId: pick(codes), start, end: start + 1 + Math.floor(random() * 300) });
        if (answer?.ok) confirm(confirmed, 'codings', (answer.value as { id: string }).id);
      } else if (roll < 0.9) {
        const answer = await call('memos.create', { title: 'Crash memo', body: text(2000), target: { kind: 'project' } });
        if (answer?.ok) confirm(confirmed, 'memos', (answer.value as { id: string }).id);
      } else {
        const dataBase64 = Buffer.from(text(between(100_000, 800_000))).toString('base64');
        const answer = await call('sources.import', { fileName: 'interview.txt', dataBase64 });
        if (answer?.ok) {
          const source = answer.value as { id: string; length: number };
          sources.push(source);
          confirm(confirmed, 'sources', source.id);
        }
      }
      if (server.process.exitCode !== null || server.process.signalCode !== null) return;
    }
  };
  const delay = between(0, 2500);
  const clients = [client(), client()];
  await new Promise((resolve) => setTimeout(resolve, delay));
  await server.kill();
  stop = true;
  await Promise.all(clients);
  return { killed: true, what: `browser mode coding and importing, killed at +${delay.toFixed(0)} ms` };
}

/** Opens the project as Quarry does and checks it; answers how many confirmed rows are missing, or the failure. */
function verify(project: string, confirmed: Confirmed): { lost: number; problem: string | null } {
  let db;
  try {
    db = openDatabase(project);
  } catch (error) {
    return { lost: countOf(confirmed), problem: `it does not open: ${(error as Error).message}` };
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { lost: 0, problem: `integrity_check: ${String(integrity)}` };
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) return { lost: 0, problem: `${broken.length} rows point at rows that do not exist` };
    let lost = 0;
    for (const [table, ids] of confirmed) {
      const has = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
      for (const id of ids) if (!has.get(id)) lost++;
    }
    return { lost, problem: null };
  } finally {
    db.close();
  }
}

/** A new project with two sources to code, made in this process as the app makes one. */
async function newProject(dir: string, index: number): Promise<string> {
  const project = join(dir, `crash-${index}.quarry`);
  const ctx = new AppContext({ logger: { error: () => {}, info: () => {} } });
  try {
    const made = await dispatch(ctx, 'project.create', { path: project, name: `Crash ${index}` });
    if (!made.ok) throw new Error(made.error.message);
    for (const name of ['interview.txt', 'field-notes.txt']) {
      const imported = await dispatch(ctx, 'sources.import', { fileName: name, dataBase64: Buffer.from(text(60_000)).toString('base64') });
      if (!imported.ok) throw new Error(imported.error.message);
    }
  } finally {
    ctx.close();
  }
  return project;
}

/** Every backup a run left must be a whole, good project. */
function checkBackups(project: string): string | null {
  for (const backup of listBackups(project)) {
    const db = new Database(backup.path, { readonly: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') return `backup ${backup.name}: ${String(integrity)}`;
    } finally {
      db.close();
    }
  }
  return null;
}

const root = mkdtempSync(join(tmpdir(), 'quarry-crash-'));
const started = Date.now();
let survived = 0;
let lost = 0;
let failure: string | null = null;
let done = 0;
let project = '';
let confirmed: Confirmed = new Map();
console.log(`Crash test: ${kills} kills, seed ${seed} (repeat with --seed ${seed}).`);
try {
  for (let round = 0; done < kills; round++) {
    if (round % roundsPerProject === 0) {
      if (project) failure ??= checkBackups(project);
      const dir = join(root, `project-${round / roundsPerProject}`);
      mkdirSync(dir);
      project = await newProject(dir, round / roundsPerProject);
      confirmed = new Map();
    }
    const dir = join(root, `project-${Math.floor(round / roundsPerProject)}`);
    const outcome = random() < 0.5 ? await cliImports(project, dir, round, confirmed) : await serverWork(project, dir, confirmed);
    if (!outcome.killed) {
      log(`round ${round}: ${outcome.what} — finished before the kill; not counted`);
      continue;
    }
    done++;
    const checked = verify(project, confirmed);
    lost += checked.lost;
    if (checked.problem) failure ??= `after round ${round} (${outcome.what}): ${checked.problem}`;
    else survived++;
    log(`kill ${done}/${kills}: ${outcome.what}; ${countOf(confirmed)} confirmed so far, ${checked.lost} lost${checked.problem ? `; ${checked.problem}` : ''}`);
  }
  failure ??= checkBackups(project);
} finally {
  rmSync(root, { recursive: true, force: true });
}
if (failure) console.log(`First failure: ${failure}`);
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`crash: ${survived} kills survived, ${lost} confirmed actions lost, integrity ${failure ? 'failed' : 'ok'}`);
process.exit(failure || lost || survived < kills ? 1 : 0);
