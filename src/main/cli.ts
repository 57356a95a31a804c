// The command line: argv in, the same dispatch as the app, JSON or readable text out.
// Results go to stdout and nothing else does, so `--format json` output can be piped.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import { renderAuditMarkdown, type ParsedReference } from '../shared/domain/audit';
import { AppError } from '../shared/api/errors';
import type { ExportFile } from '../shared/api/areas/exports';
import { citationStyleIds, type CitationStyle } from '../shared/domain/citation-styles';
import { referenceLabel } from '../shared/domain/library';
import { counted } from '../shared/api/method';
import type { BackupInfo } from '../shared/domain/backups';
import type { HistoryStep } from '../shared/domain/history';
import { sourceKinds, type Code, type SourceSummary } from '../shared/domain/model';
import type { RefiImportSummary } from '../shared/domain/refi/import-plan';
import { displayConfigSchema } from '../shared/api/areas/display';
import type { DisplayConfig } from '../shared/domain/display/saved';
import { AppContext } from './app/context';
import { dispatch } from './app/dispatch';
import { checkFileSize } from './services/import/extract';
import { readImportFile, readRegularFile } from './services/import';

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

interface ExportKind {
  /** One line for the usage. */
  about: string;
  /** Output file extensions and the format each writes; the first is the default. */
  formats: Readonly<Record<string, string>>;
  write(call: Call, format: string, choice: ExportChoice): Promise<ExportFile & { counts?: Record<string, number> }>;
}

/** What the options of `export` narrow, resolved to ids. */
interface ExportChoice {
  style: CitationStyle;
  sourceIds?: string[];
  codeIds?: string[];
  /** The audited manuscript of an audit report. */
  manuscriptId: () => Promise<string>;
  /** The options as given, for the displays drawn from them. */
  options: Options;
  /** The output file's name without its extension: the title of a display drawn from options. */
  name: string;
}

/** A display (matrix, chart, network or a saved one) as CSV, SVG or PNG, through display.export. */
async function drawDisplay(call: Call, kind: 'matrix' | 'chart' | 'network' | 'display', format: string, c: ExportChoice): Promise<ExportFile> {
  const { options } = c;
  if (kind === 'display' || (kind === 'network' && options.display)) {
    const saved = byIdOrName(await call('display.list', {}), need(options.display, '--display <name>'), (d) => d.name, 'saved display');
    if (kind === 'network' && saved.config.kind !== 'network') throw new UsageError(`"${saved.name}" is a ${saved.config.kind}, not a network.`);
    return call('display.export', { name: saved.name, config: saved.config, layout: saved.layout, format: format as 'csv' | 'svg' | 'png' });
  }
  return call('display.export', { name: c.name, config: displayFromOptions(kind, options), layout: {}, format: format as 'csv' | 'svg' | 'png' });
}

const drawn = { csv: 'csv', svg: 'svg', png: 'png' };

/**
 * Every kind of export the CLI writes, in one table: the usage, the check of the output's
 * extension and the call each makes all come from it.
 */
const exportKinds: Readonly<Record<string, ExportKind>> = {
  summary: {
    about: 'annotated summary: references, coded passages, claims, conclusions, bibliography (--sources, --codes, --style)',
    formats: { md: 'md', markdown: 'md', html: 'html', htm: 'html', docx: 'docx', pdf: 'pdf' },
    write: (call, format, c) => call('exports.summary', { format: format as 'md' | 'html' | 'docx' | 'pdf', style: c.style, sourceIds: c.sourceIds, codeIds: c.codeIds }),
  },
  segments: {
    about: 'coded segments, one row each: source, code path, text, start, end, coder, memo, summary, case, attributes',
    formats: { csv: 'csv', xlsx: 'xlsx' },
    write: (call, format, c) => call('exports.segments', { format: format as 'csv' | 'xlsx', sourceIds: c.sourceIds, codeIds: c.codeIds }),
  },
  codebook: { about: 'the codebook with definitions and criteria', formats: { csv: 'csv', md: 'md', markdown: 'md' }, write: (call, format) => call('exports.codebook', { format: format as 'csv' | 'md' }) },
  matrix: {
    about: 'a matrix as the Display view draws it (code × source unless --columns)',
    formats: { ...drawn, xlsx: 'xlsx' },
    write: (call, format, c) => {
      if (format !== 'xlsx') return drawDisplay(call, 'matrix', format, c);
      const config = displayFromOptions('matrix', c.options);
      return call('exports.matrix', { format: 'xlsx', matrix: config.kind === 'matrix' ? config.matrix : undefined });
    },
  },
  chart: { about: 'a chart: code frequency, or codes by an attribute (--chart attribute --attribute A)', formats: drawn, write: (call, format, c) => drawDisplay(call, 'chart', format, c) },
  network: { about: 'the network of themes, codes, cases and conclusions (--display: a saved one as arranged)', formats: drawn, write: (call, format, c) => drawDisplay(call, 'network', format, c) },
  display: { about: 'a saved display as saved (--display <name>)', formats: drawn, write: (call, format, c) => drawDisplay(call, 'display', format, c) },
  trail: {
    about: 'a conclusion’s evidence trail (--conclusion <id or the first words of its statement>)',
    formats: { md: 'md', markdown: 'md' },
    write: async (call, _format, c) => {
      const key = need(c.options.conclusion, '--conclusion <id or the first words of its statement>');
      const found = (await call('conclusions.list', {})).filter((conclusion) => conclusion.id === key || conclusion.statement.toLowerCase().startsWith(key.toLowerCase()));
      if (found.length !== 1) throw new AppError(found.length ? 'CONFLICT' : 'NOT_FOUND', found.length ? `More than one conclusion starts "${key}": give more words or its id.` : `No conclusion starts "${key}".`);
      const { markdown } = await call('conclusions.trailMarkdown', { id: found[0]!.id });
      return { fileName: `${c.name}.md`, mimeType: 'text/markdown', dataBase64: Buffer.from(markdown, 'utf8').toString('base64') };
    },
  },
  'audit-report': {
    about: 'a manuscript’s citation audit: findings, claims, verdicts (--source when several are audited)',
    formats: { md: 'md', markdown: 'md', html: 'html', htm: 'html', docx: 'docx' },
    write: async (call, format, c) => call('exports.auditReport', { sourceId: await c.manuscriptId(), format: format as 'md' | 'html' | 'docx' }),
  },
  bibtex: { about: 'the reference library as BibTeX (--sources: the works they cite)', formats: { bib: 'bibtex' }, write: (call, _f, c) => call('exports.references', { format: 'bibtex', citedBy: c.sourceIds }) },
  ris: { about: 'the reference library as RIS (--sources: the works they cite)', formats: { ris: 'ris' }, write: (call, _f, c) => call('exports.references', { format: 'ris', citedBy: c.sourceIds }) },
  'csl-json': { about: 'the reference library as CSL-JSON (--sources: the works they cite)', formats: { json: 'csl-json' }, write: (call, _f, c) => call('exports.references', { format: 'csl-json', citedBy: c.sourceIds }) },
  qdpx: {
    about: 'the project as REFI-QDA, for NVivo, ATLAS.ti, MAXQDA and QualCoder',
    formats: { qdpx: 'qdpx' },
    write: (call) => call('refi.exportProject', {}),
  },
  qdc: { about: 'the codebook as REFI-QDA', formats: { qdc: 'qdc' }, write: (call) => call('refi.exportCodebook', {}) },
  bibliography: {
    about: 'a formatted bibliography (--style; --sources: the works they cite)',
    formats: { md: 'md', markdown: 'md', html: 'html', htm: 'html' },
    write: (call, format, c) => call('exports.bibliography', { format: format as 'md' | 'html', style: c.style, citedBy: c.sourceIds }),
  },
};

const exportUsage = Object.entries(exportKinds)
  .map(([kind, spec]) => `  ${`${kind} (.${[...new Set(Object.keys(spec.formats))].join(', .')})`.padEnd(41)}  ${spec.about}`)
  .join('\n');

const usage = () => `Usage: npm run --silent cli -- <command> [arguments] [--format json|text]

Projects
  create <project.quarry> --name <name>      create a project file
  open <project.quarry>                      show a project's summary
  stats <project.quarry>                     count sources, codes, codings, memos and cases
  export-json --project <file>               the whole project as JSON
  history --project <file>                   the steps undo and redo would take, newest first
  undo --project <file>                      undo the newest step (kept in the project file)
  redo --project <file>                      redo the step undone last
Exchange
  import-qdpx <file.qdpx|.qdc> <project.quarry>
                                             a new project from a REFI-QDA project or codebook
                                             (export qdpx and qdc write REFI-QDA files; see Exports)
Backups (kept in <project.quarry>-backups/ beside the project)
  backups <project.quarry>                   list a project's backups, newest first
  backup <project.quarry>                    take a backup now
  restore <backup> <project.quarry>          put a backup in the project's place; the file it
                                             replaces is kept among the backups
Sources and coding (each takes --project <file>)
  import <file>... [--title T] [--kind K]    import .txt, .md, .html, .docx or .pdf sources, each
                                             saved (and printed) as soon as it is imported
  sources                                    list sources
  codes                                      list the codebook
  segments <project.quarry>                  every coded segment: source, code, text, start, end, coder
  new-code <name> [--parent P] [--color #rrggbb]
  code <source> <start> <end> --code <code>  apply a code to a span (source/code by id or name)
Reference library (each takes --project <file>)
  import-references <file.bib|.ris|.json>    import BibTeX/BibLaTeX, RIS or CSL-JSON; prints what was added, merged
                                             (same DOI, or same authors + year + title) and skipped, by line;
                                             files the records attach (a Zotero export's files/) become sources.
                                             --keep-duplicates adds duplicates as new references instead of merging
  references                                 list the library
Exports: export <kind> <project-file> <out> [options]; the output's extension picks the format
${exportUsage}
  Options of matrix and chart: --columns sources|cases|attribute|codes, --attribute A,
  --measure segments|sources|coverage, --cooccurrence overlap|passage, --cut name=value,
  --chart frequency|attribute; network and display: --display <saved display's name>
Citation audit (no project needed)
  audit <file> [--format json|md]            check citations against the reference list; md is a review report
  parse-references <file> [--format json]    parse one reference per line; every line of the file gives one
                                             object, so a blank line gives an empty one and positions line up`;

interface Options {
  format: 'json' | 'text';
  project?: string;
  name?: string;
  title?: string;
  kind?: string;
  parent?: string;
  color?: string;
  code?: string;
  style?: string;
  sources?: string;
  codes?: string;
  source?: string;
  'keep-duplicates'?: boolean;
  columns?: string;
  attribute?: string;
  measure?: string;
  cooccurrence?: string;
  cut?: string;
  chart?: string;
  display?: string;
  conclusion?: string;
}

class UsageError extends Error {}

async function call<M extends MethodName>(ctx: AppContext, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value as MethodOutput<M>;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new UsageError(`Missing ${what}.`);
  return value;
}

function openProject(ctx: AppContext, options: Options, given?: string): Promise<unknown> {
  const path = need(given ?? options.project ?? process.env.QUARRY_PROJECT, 'the project file (or --project <file>, or QUARRY_PROJECT)');
  return call(ctx, 'project.open', { path: resolve(path) });
}

function writeOutput(file: string, bytes: Uint8Array): void {
  try {
    writeFileSync(file, bytes);
  } catch (error) {
    throw new AppError('UNREADABLE', `Cannot write ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}.`);
  }
}

/** An import as a person reads it: what came in, and a line for each thing left out or worth checking. */
function importLines(summary: RefiImportSummary, path: string): string {
  const merged = summary.codes.merged ? ` (${summary.codes.merged} merged with codes already there)` : '';
  return [
    `Imported ${summary.fileName}${summary.origin ? ` from ${summary.origin}` : ''} into ${path}:`,
    `  ${summary.codes.created + summary.codes.merged} codes${merged}, ${summary.sources} sources, ${summary.codings} codings, ${summary.memos} memos,`,
    `  ${summary.cases.created + summary.cases.merged} cases, ${summary.themes.created + summary.themes.merged} themes, ${summary.attributes} attribute values`,
    ...summary.notes.map((note) => `- ${note}`),
  ].join('\n');
}

function byIdOrName<T extends { id: string }>(items: T[], key: string, name: (item: T) => string, what: string): T {
  const found = items.find((item) => item.id === key) ?? items.filter((item) => name(item).toLowerCase() === key.toLowerCase());
  if (!Array.isArray(found)) return found;
  if (found.length === 1) return found[0]!;
  throw new AppError(found.length ? 'CONFLICT' : 'NOT_FOUND', found.length ? `More than one ${what} is called "${key}": use its id.` : `No ${what} is called "${key}".`);
}

/** A file's bytes as base64 for the API; only a regular file within the import limits is read. */
async function readDocument(file: string): Promise<string> {
  return Buffer.from(await readImportFile(file)).toString('base64');
}

/** The lines of a text file; a final line break does not start another line. */
function linesOf(bytes: Uint8Array): string[] {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text === '' ? [] : text.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
}

function referenceLine(reference: ParsedReference): string {
  if (reference.authors.length === 0 && reference.year === null && reference.title === null) return '—';
  return `${reference.authors.join('; ') || '?'} (${reference.year ?? 'n.d.?'}) ${reference.title ?? ''}`.trim();
}

const backupLine = (b: BackupInfo) => `${b.at.replace('T', ' ').slice(0, 19)} UTC  ${b.reason.padEnd(8)}  ${(b.bytes / 1e6).toFixed(1).padStart(7)} MB  ${b.path}`;

const sourceLine = (s: SourceSummary) => `${s.id}  ${s.title}  [${s.kind}, ${s.stage}, ${s.codingCount} coding${s.codingCount === 1 ? '' : 's'}]`;

function codeLines(codes: Code[], parentId: string | null = null, depth = 0): string[] {
  return codes
    .filter((c) => c.parentId === parentId)
    .flatMap((c) => [`${'  '.repeat(depth)}${c.name}  ${c.color}  (${c.codingCount})  ${c.id}`, ...codeLines(codes, c.id, depth + 1)]);
}

/** A display's configuration from the command line, checked by the same schema as the API's. */
function displayFromOptions(kind: 'matrix' | 'chart' | 'network', options: Options): DisplayConfig {
  const [cutName, ...cutValue] = options.cut?.split('=') ?? [];
  if (options.cut !== undefined && (!cutName || cutValue.length === 0)) throw new UsageError('--cut is name=value, such as --cut country=Indonesia.');
  const matrix = {
    columns: options.columns ?? (kind === 'chart' && options.chart === 'attribute' ? 'attribute' : 'sources'),
    measure: options.measure ?? 'segments',
    ...(options.attribute ? { attribute: options.attribute } : {}),
    ...(options.cooccurrence ? { cooccurrence: options.cooccurrence } : {}),
    ...(cutName ? { filter: { name: cutName.trim(), value: cutValue.join('=').trim() } } : {}),
  };
  const candidate =
    kind === 'network'
      ? { kind, network: { kinds: ['theme', 'code', 'case', 'claim', 'conclusion'], minWeight: 1, hideIsolated: false, cooccurrence: options.cooccurrence ?? 'overlap' } }
      : kind === 'chart'
        ? { kind, chart: options.chart ?? 'frequency', matrix, collapsed: [] }
        : { kind, matrix, collapsed: [] };
  const parsed = displayConfigSchema.safeParse(candidate);
  if (!parsed.success) throw new UsageError(`That ${kind} cannot be drawn: ${parsed.error.issues.map((i) => `${i.path.join('.') || kind} ${i.message}`).join('; ')}.`);
  return parsed.data;
}

/**
 * Runs one command; returns what to print as JSON and as text. `say` prints a line of text at
 * once, for work done in steps (each import is saved as it finishes, and says so).
 */
async function run(ctx: AppContext, command: string, args: string[], options: Options, say: (line: string) => void): Promise<{ json: unknown; text: string | null }> {
  switch (command) {
    case 'create': {
      const info = await call(ctx, 'project.create', { path: resolve(need(args[0], 'the project file')), name: need(options.name, '--name') });
      return { json: info, text: `Created ${info.name} at ${info.path}` };
    }
    case 'open': {
      const info = await call(ctx, 'project.open', { path: resolve(need(args[0] ?? options.project, 'the project file')) });
      const c = info.counts;
      return { json: info, text: `${info.name}\n${info.path}\n${c.sources} sources, ${c.codes} codes, ${c.codings} codings, ${c.memos} memos, ${c.claims} claims, ${c.conclusions} conclusions` };
    }
    case 'stats': {
      await openProject(ctx, options, args[0]);
      const info = await call(ctx, 'project.getInfo', {});
      const { sources, codes, codings, memos, cases } = info.counts;
      return { json: { project: info.name, ...info.counts }, text: `${info.name}: ${sources} sources, ${codes} codes, ${codings} codings, ${memos} memos, ${cases} cases` };
    }
    case 'segments': {
      await openProject(ctx, options, args[0]);
      const [sources, codes, codings] = await Promise.all([call(ctx, 'sources.list', {}), call(ctx, 'codes.list', {}), call(ctx, 'codings.list', {})]);
      const titles = new Map(sources.map((s) => [s.id, s.title]));
      const names = new Map(codes.map((c) => [c.id, c.name]));
      const texts = new Map<string, string>();
      for (const id of new Set(codings.map((c) => c.sourceId))) texts.set(id, (await call(ctx, 'sources.text', { id })).text);
      const segments = codings.map((c) => ({ source: titles.get(c.sourceId)!, code: names.get(c.codeId)!, text: texts.get(c.sourceId)!.slice(c.start, c.end), start: c.start, end: c.end, coder: c.coder }));
      return { json: segments, text: segments.map((s) => `${s.source} [${s.start}–${s.end}] ${s.code} (${s.coder}): ${s.text.replace(/\s+/g, ' ')}`).join('\n') || 'No coded segments yet.' };
    }
    case 'import-qdpx': {
      const file = need(args[0], 'the REFI-QDA file (.qdpx, .qde or .qdc)');
      const path = resolve(need(args[1], 'the project file to create'));
      if (existsSync(path)) throw new AppError('CONFLICT', `${path} already exists: give the name of a new project file.`);
      const bytes = Buffer.from(await readRegularFile(file, (size) => checkFileSize('docx', size, file)));
      await call(ctx, 'project.create', { path, name: basename(file).replace(/\.[^.]+$/, '') });
      try {
        const summary = await call(ctx, 'refi.import', { fileName: basename(file), dataBase64: bytes.toString('base64'), adoptProjectDetails: true });
        return { json: { project: path, ...summary }, text: importLines(summary, path) };
      } catch (error) {
        // A file that cannot be imported leaves no half-made project behind.
        await ctx.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
        throw error;
      }
    }
    case 'history': {
      await openProject(ctx, options);
      const history = await call(ctx, 'history.list', {});
      const line = (step: HistoryStep) => `  ${step.at}  ${step.label}`;
      const text = [
        history.undo.length ? `Undo (newest first):\n${history.undo.map(line).join('\n')}` : 'Nothing to undo.',
        history.redo.length ? `Redo (next first):\n${history.redo.map(line).join('\n')}` : 'Nothing to redo.',
      ].join('\n');
      return { json: history, text };
    }
    case 'undo':
    case 'redo': {
      await openProject(ctx, options);
      const step = await call(ctx, command === 'undo' ? 'history.undo' : 'history.redo', {});
      const verb = command === 'undo' ? 'Undid' : 'Redid';
      return { json: step, text: step ? `${verb}: ${step.label}` : `Nothing to ${command}.` };
    }
    case 'export-json': {
      await openProject(ctx, options);
      const data = await call(ctx, 'project.exportJson', {});
      return { json: data, text: JSON.stringify(data, null, 2) };
    }
    case 'import': {
      need(args[0], 'the file to import');
      if (args.length > 1 && options.title) throw new UsageError('--title names one source: import one file with it.');
      const kinds = sourceKinds;
      const kind = options.kind === undefined ? undefined : kinds.find((k) => k === options.kind);
      if (options.kind !== undefined && !kind) throw new UsageError(`--kind is one of ${kinds.join(', ')}.`);
      await openProject(ctx, options);
      // One file, one transaction: what was imported before a failure (or a crash) stays imported.
      const imported: SourceSummary[] = [];
      for (const file of args) {
        try {
          imported.push(await call(ctx, 'sources.import', { fileName: basename(file), dataBase64: await readDocument(file), title: options.title, kind }));
        } catch (error) {
          if (!(error instanceof AppError) || args.length === 1) throw error;
          throw new AppError(error.code, `${error.message} The import stopped at ${file}; the ${counted(imported.length, 'file')} before it ${imported.length === 1 ? 'is' : 'are'} imported.`);
        }
        say(`Imported ${sourceLine(imported.at(-1)!)}`);
      }
      return { json: args.length === 1 ? imported[0] : imported, text: null };
    }
    case 'sources': {
      await openProject(ctx, options);
      const sources = await call(ctx, 'sources.list', {});
      return { json: sources, text: sources.map(sourceLine).join('\n') || 'No sources yet.' };
    }
    case 'codes': {
      await openProject(ctx, options);
      const codes = await call(ctx, 'codes.list', {});
      return { json: codes, text: codeLines(codes).join('\n') || 'The codebook is empty.' };
    }
    case 'new-code': {
      await openProject(ctx, options);
      const codes = await call(ctx, 'codes.list', {});
      const parentId = options.parent ? byIdOrName(codes, options.parent, (c) => c.name, 'code').id : undefined;
      const code = await call(ctx, 'codes.create', { name: need(args[0], 'the code name'), parentId, color: options.color });
      return { json: code, text: `Created code ${code.name} (${code.id})` };
    }
    case 'code': {
      await openProject(ctx, options);
      const [sourceKey, startText, endText] = args;
      const source = byIdOrName(await call(ctx, 'sources.list', {}), need(sourceKey, 'the source'), (s) => s.title, 'source');
      const code = byIdOrName(await call(ctx, 'codes.list', {}), need(options.code, '--code'), (c) => c.name, 'code');
      const [start, end] = [Number(need(startText, 'the start offset')), Number(need(endText, 'the end offset'))];
      if (!Number.isInteger(start) || !Number.isInteger(end)) throw new UsageError('Offsets are whole numbers.');
      const coding = await call(ctx, 'codings.apply', { sourceId: source.id, codeId: code.id, start, end });
      return { json: coding, text: `Coded ${source.title} ${start}–${end} with ${code.name} (${coding.id})` };
    }
    case 'backups': {
      const backups = await call(ctx, 'backups.list', { project: resolve(need(args[0] ?? options.project, 'the project file')) });
      return { json: backups, text: backups.map(backupLine).join('\n') || 'This project has no backups yet.' };
    }
    case 'backup': {
      await call(ctx, 'project.open', { path: resolve(need(args[0] ?? options.project, 'the project file')) });
      const backup = await call(ctx, 'backups.create', {});
      return { json: backup, text: `Backed up to ${backup.path}` };
    }
    case 'restore': {
      const backup = resolve(need(args[0], 'the backup to restore'));
      const project = resolve(need(args[1] ?? options.project, 'the project file'));
      const restored = await call(ctx, 'backups.restore', { backup, project });
      const kept = restored.kept ? `; the file it replaced is kept as ${restored.kept.path}` : '';
      return { json: restored, text: `Restored ${project} from ${backup}${kept}` };
    }
    case 'audit': {
      const file = need(args[0], 'the manuscript to audit');
      const report = await call(ctx, 'audit.analyzeDocument', { fileName: basename(file), dataBase64: await readDocument(file) });
      return { json: report, text: renderAuditMarkdown(report, report.title) };
    }
    case 'import-references': {
      await openProject(ctx, options);
      const file = need(args[0], 'the reference file (.bib, .ris or .json)');
      const fileName = basename(file);
      const text = new TextDecoder('utf-8').decode(await readRegularFile(file, (size) => checkFileSize('txt', size, file)));
      // The files the records attach (a Zotero export's files/…) are read from beside the reference file.
      const preview = await call(ctx, 'library.previewImport', { fileName, text });
      const named = [...new Set(preview.records.flatMap((record) => record.attachments.map((a) => a.path)))];
      const onDiskFiles = named
        .map((path) => ({ path, onDisk: isAbsolute(path) ? path : join(dirname(resolve(file)), path) }))
        .filter(({ onDisk }) => existsSync(onDisk));
      const attachments = await Promise.all(
        onDiskFiles.map(async ({ path, onDisk }) => ({ path, dataBase64: Buffer.from(await readImportFile(onDisk)).toString('base64') })),
      );
      const keepApart = options['keep-duplicates'] ? preview.records.filter((r) => r.duplicateOf || r.repeats !== null).map((r) => r.index) : [];
      const result = await call(ctx, 'library.import', { fileName, text, attachments, keepApart });
      const lines = [
        `${fileName} (${result.format}): ${result.added.length} added, ${result.merged.length} merged, ${result.skipped.filter((s) => !s.kept).length} skipped${result.fullTexts.length ? `, ${result.fullTexts.length} full texts imported` : ''}`,
        ...result.added.map((a) => `  added   line ${a.line}: ${a.label}`),
        ...result.merged.map((m) => `  merged  line ${m.line}: into ${m.label}`),
        ...result.skipped.map((s) => `  ${s.kept ? 'note   ' : 'skipped'} ${s.line === s.endLine ? `line ${s.line}` : `lines ${s.line}–${s.endLine}`}: ${s.reason}`),
        ...result.fullTexts.map((f) => `  full text ${f.fileName}`),
        ...result.missingFiles.map((m) => `  missing line ${m.line}: ${m.path} (${m.reason})`),
      ];
      return { json: result, text: lines.join('\n') };
    }
    case 'references': {
      await openProject(ctx, options);
      const library = await call(ctx, 'library.list', {});
      const json = library.map(({ id, type, authors, year, title, doi, citationKey, fullTextSourceId, origin }) => ({ id, type, authors, year, title, doi, citationKey, fullTextSourceId, origin }));
      return { json, text: library.map((r) => `${r.id}  ${referenceLabel(r)}${r.doi ? `  doi:${r.doi}` : ''}  [${r.type}]`).join('\n') || 'The reference library is empty.' };
    }
    case 'export': {
      const kind = need(args[0], `what to export (${Object.keys(exportKinds).join(', ')})`);
      const spec = exportKinds[kind];
      if (!spec) throw new UsageError(`There is no export called "${kind}": use one of ${Object.keys(exportKinds).join(', ')}.`);
      const projectFile = need(args[1] ?? options.project, 'the project file');
      const out = need(args[2], 'the file to write');
      const extension = extname(out).slice(1).toLowerCase();
      const format = spec.formats[extension];
      if (!format) throw new UsageError(`An export of ${kind} is written as .${[...new Set(Object.keys(spec.formats))].join(', .')}; ${basename(out)} has ${extension ? `the extension .${extension}` : 'no extension'}.`);
      await call(ctx, 'project.open', { path: resolve(projectFile) });
      const style = (options.style ?? 'apa') as CitationStyle;
      if (!citationStyleIds.includes(style)) throw new UsageError(`--style is one of ${citationStyleIds.join(', ')}.`);
      const list = (value: string | undefined) => value?.split(',').map((part) => part.trim()).filter(Boolean);
      const sources = list(options.sources) && (await call(ctx, 'sources.list', {}));
      const codes = list(options.codes) && (await call(ctx, 'codes.list', {}));
      const choice: ExportChoice = {
        options,
        name: basename(out, extname(out)),
        style,
        sourceIds: sources ? list(options.sources)!.map((key) => byIdOrName(sources, key, (s) => s.title, 'source').id) : undefined,
        codeIds: codes ? list(options.codes)!.map((key) => byIdOrName(codes, key, (c) => c.name, 'code').id) : undefined,
        manuscriptId: async () => {
          const all = await call(ctx, 'sources.list', {});
          if (options.source) return byIdOrName(all, options.source, (s) => s.title, 'source').id;
          const audited = [];
          for (const source of all) if (await call(ctx, 'audit.get', { sourceId: source.id })) audited.push(source);
          if (audited.length === 1) return audited[0]!.id;
          throw new UsageError(audited.length === 0 ? 'No source in this project has been audited yet.' : `Several sources are audited: choose one with --source (${audited.map((s) => `"${s.title}"`).join(', ')}).`);
        },
      };
      const stopProgress = ctx.onEvent((name, payload) => {
        if (name === 'progress' && process.stderr.isTTY) process.stderr.write(`${(payload as { label: string }).label}…\n`);
      });
      const written = await spec.write(<M extends MethodName>(method: M, input: MethodInput<M>) => call(ctx, method, input), format, choice).finally(stopProgress);
      const bytes = Buffer.from(written.dataBase64, 'base64');
      writeOutput(out, bytes);
      const counts = written.counts ?? {};
      const json = { kind, format, path: resolve(out), bytes: bytes.length, ...counts };
      const contents = Object.entries(counts).map(([what, n]) => `${n} ${what}`).join(', ');
      return { json, text: `Wrote ${out} (${kind}, ${format}, ${(bytes.length / 1024).toFixed(1)} KB${contents ? `: ${contents}` : ''})` };
    }
    case 'parse-references': {
      const file = need(args[0], 'the file of references');
      const lines = linesOf(await readRegularFile(file, (size) => checkFileSize('txt', size, file)));
      const parsed = await call(ctx, 'references.parse', { lines });
      return { json: parsed, text: parsed.map(referenceLine).join('\n') };
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        project: { type: 'string' },
        name: { type: 'string' },
        title: { type: 'string' },
        kind: { type: 'string' },
        parent: { type: 'string' },
        color: { type: 'string' },
        code: { type: 'string' },
        style: { type: 'string' },
        sources: { type: 'string' },
        codes: { type: 'string' },
        source: { type: 'string' },
        'keep-duplicates': { type: 'boolean' },
        columns: { type: 'string' },
        attribute: { type: 'string' },
        measure: { type: 'string' },
        cooccurrence: { type: 'string' },
        cut: { type: 'string' },
        chart: { type: 'string' },
        display: { type: 'string' },
        conclusion: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage()}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (values.format !== 'json' && values.format !== 'text' && values.format !== 'md') {
    process.stderr.write('--format is json, text or md (md and text are the same readable output).\n');
    return 2;
  }
  const options: Options = { ...values, format: values.format === 'json' ? 'json' : 'text' };
  const ctx = new AppContext({ coder: process.env.USER ?? 'cli', logger: { error: (m, e) => process.stderr.write(`${m}: ${String(e)}\n`), info: () => {} } });
  try {
    const [command = '', ...args] = positionals;
    const say = (line: string) => options.format === 'text' && process.stdout.write(`${line}\n`);
    const output = await run(ctx, command, args, options, say);
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(output.json, null, 2)}\n`);
    else if (output.text !== null) process.stdout.write(`${output.text}\n`);
    // A backup begun on opening the project is finished before the process ends.
    await ctx.settle();
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${usage()}\n`);
      return 2;
    }
    // One line, whatever the message holds, so scripts can read the error as a whole.
    process.stderr.write(`quarry: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  } finally {
    await ctx.close();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
