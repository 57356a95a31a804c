// Imports real REFI-QDA exports and checks each against what reading the file says it holds.
//   npm run check:refi -- --dir path/to/refi/samples [--json out.json]
// For every .qdpx, .qde and .qdc in the folder: import it into a fresh project through
// dispatch (as the app and the CLI do), count what came in, and where
// bench/refi-samples.expected.json describes the file (counts, code paths and sample segments
// with their exact text, written from reading the samples themselves), compare. Then export the
// project, validate the export against Project.xsd with xmllint, import the export into
// another fresh project and check that every segment and code comes back the same.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api/contract';
import { AppContext } from '../src/main/app/context';
import { dispatch } from '../src/main/app/dispatch';
import { schemaErrors } from '../src/main/services/refi/test-support';

interface Expected {
  /** The same content as another file's (a bare .qde beside its .qdpx). */
  sameAs?: string;
  inFile: Record<string, number>;
  imported: { codes: number; sources: number; codings: number; memos: number; cases: number; themes: number };
  why: string;
  codePaths: string[];
  segments: Array<{ source: string; code: string; text: string; coder: string }>;
}

const { values } = parseArgs({ options: { dir: { type: 'string' }, json: { type: 'string' } } });
if (!values.dir) {
  console.error('Usage: npm run check:refi -- --dir <folder of .qdpx/.qde/.qdc files> [--json out.json]');
  process.exit(2);
}
const expectations = (JSON.parse(readFileSync(new URL('./refi-samples.expected.json', import.meta.url), 'utf8')) as { samples: Record<string, Expected> }).samples;
const work = mkdtempSync(join(tmpdir(), 'quarry-refi-'));
const seconds = (from: number) => (performance.now() - from) / 1000;

async function call<M extends MethodName>(ctx: AppContext, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** A fresh project holding the file; its content as names and texts. */
async function importInto(name: string, fileName: string, dataBase64: string) {
  const ctx = new AppContext({ logger: { error: (m, e) => console.error(m, e), info: () => {} } });
  await call(ctx, 'project.create', { path: join(mkdtempSync(join(work, 'project-')), `${name}.quarry`), name });
  const started = performance.now();
  const summary = await call(ctx, 'refi.import', { fileName, dataBase64, adoptProjectDetails: true });
  const took = seconds(started);
  const codes = await call(ctx, 'codes.list', {});
  const sources = await call(ctx, 'sources.list', {});
  const codings = await call(ctx, 'codings.list', {});
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (id: string | null): string => (id === null ? '' : [path(byId.get(id)!.parentId), byId.get(id)!.name].filter(Boolean).join(' / '));
  const texts = new Map<string, string>();
  for (const s of sources) texts.set(s.id, (await call(ctx, 'sources.text', { id: s.id })).text);
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  const segments = codings.map((c) => ({ source: titles.get(c.sourceId)!, code: byId.get(c.codeId)!.name, path: path(c.codeId), text: texts.get(c.sourceId)!.slice(c.start, c.end), start: c.start, end: c.end, coder: c.coder }));
  const info = await call(ctx, 'project.getInfo', {});
  const { tables } = (await call(ctx, 'project.exportJson', {})) as { tables: Record<string, unknown[]> };
  return { ctx, summary, seconds: took, codePaths: codes.map((c) => path(c.id)).sort(), segments, counts: { ...info.counts, themes: tables.themes!.length } };
}

const key = (s: { source: string; code: string; text: string }) => `${s.source} | ${s.code} | ${JSON.stringify(s.text)}`;
const rows: string[][] = [];
const report: Record<string, unknown> = {};
let failures = 0;

for (const fileName of readdirSync(values.dir).filter((f) => /\.(qdpx|qde|qdc)$/i.test(f)).sort()) {
  const dataBase64 = readFileSync(join(values.dir, fileName)).toString('base64');
  const problems: string[] = [];
  const first = await importInto('first', fileName, dataBase64).catch((error: Error) => error);
  if (first instanceof Error) {
    console.log(`${fileName}: could not be imported — ${first.message}\n`);
    failures++;
    continue;
  }
  const { summary, counts, segments, codePaths } = first;
  const described = expectations[fileName];
  const expected = described?.sameAs ? expectations[described.sameAs] : described;
  let missing = 0;
  if (expected) {
    for (const [name, value] of Object.entries(expected.inFile)) {
      const got = summary.inFile[name as keyof typeof summary.inFile];
      if (got !== value) problems.push(`the file holds ${value} ${name}, the import read ${got}`);
    }
    for (const [name, value] of Object.entries(expected.imported)) {
      const got = counts[name as keyof typeof counts];
      if (got !== value) problems.push(`expected ${value} ${name} imported, got ${got}`);
    }
    const missingPaths = expected.codePaths.filter((p) => !codePaths.includes(p));
    if (missingPaths.length) problems.push(`codes not where the file puts them: ${missingPaths.join('; ')}`);
    const present = new Set(segments.map((s) => `${key(s)} ${s.coder}`));
    missing = expected.segments.filter((s) => !present.has(`${key(s)} ${s.coder}`)).length;
    const firstMissing = expected.segments.find((s) => !present.has(`${key(s)} ${s.coder}`));
    if (firstMissing) problems.push(`${missing} of ${expected.segments.length} expected segments missing, e.g. ${key(firstMissing)}`);
  }

  // Export, validate, import the export: the same codes and segments must come back.
  const exported = await call(first.ctx, 'refi.exportProject', {});
  const qde = strFromU8(unzipSync(Buffer.from(exported.dataBase64, 'base64'))['project.qde']!);
  const schema = schemaErrors(qde, 'Project');
  if (schema.length) problems.push(`the export does not validate: ${schema[0]}`);
  const second = await importInto('second', exported.fileName, exported.dataBase64);
  const same = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  const order = <T extends { source: string; code: string; text: string; start: number; end: number; path: string }>(list: T[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)) || a.start - b.start || a.path.localeCompare(b.path));
  const roundTrip = same(order(second.segments), order(segments)) && same(second.codePaths, codePaths);
  if (!roundTrip) problems.push('the exported project did not import back identically');
  await first.ctx.close();
  await second.ctx.close();

  failures += problems.length ? 1 : 0;
  rows.push([
    fileName,
    `${counts.codes} / ${summary.inFile.codes}`,
    `${counts.sources} (${summary.inFile.textSources} text, ${summary.inFile.otherSources} other)`,
    `${summary.inFile.selections}`,
    `${counts.codings} / ${summary.inFile.codings}`,
    `${counts.memos}`,
    `${counts.cases} / ${counts.themes}`,
    summary.convention.decided ? summary.convention.name : `${summary.convention.name} (undecided)`,
    `${first.seconds.toFixed(2)} s`,
    schema.length ? 'INVALID' : 'valid',
    roundTrip ? 'identical' : 'DIFFERS',
    expected ? (problems.length ? 'FAIL' : 'pass') : 'no expectations',
  ]);
  report[fileName] = { counts, inFile: summary.inFile, convention: summary.convention, seconds: first.seconds, schemaErrors: schema, roundTrip, notes: summary.notes, problems, segmentsChecked: expected?.segments.length ?? 0 };
  console.log(`${fileName} (${summary.origin || 'unknown tool'})`);
  for (const note of summary.notes) console.log(`  - ${note}`);
  for (const s of segments.slice(0, 3)) console.log(`  segment: ${s.source} | ${s.path} | ${JSON.stringify(s.text.length > 90 ? `${s.text.slice(0, 90)}…` : s.text)}`);
  if (expected) console.log(`  expected segments found: ${expected.segments.length - missing} of ${expected.segments.length}`);
  for (const problem of problems) console.log(`  PROBLEM: ${problem}`);
  console.log('');
}

const header = ['file', 'codes / in file', 'sources', 'selections', 'codings placed / in file', 'memos', 'cases / themes', 'positions', 'import', 'export XSD', 'round trip', 'expectations'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
process.exitCode = failures ? 1 : 0;
