// The command line: argv in, the same dispatch as the app, JSON or readable text out.
// Results go to stdout and nothing else does, so `--format json` output can be piped.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import { renderAuditMarkdown, type ParsedReference } from '../shared/domain/audit';
import { AppError } from '../shared/api/errors';
import { displayConfigSchema } from '../shared/api/areas/display';
import type { DisplayConfig } from '../shared/domain/display/saved';
import type { Code, SourceSummary } from '../shared/domain/model';
import { AppContext } from './app/context';
import { dispatch } from './app/dispatch';

const usage = `Usage: npm run --silent cli -- <command> [arguments] [--format json|text]

Projects
  create <project.quarry> --name <name>      create a project file
  open <project.quarry>                      show a project's summary
  export-json --project <file>               the whole project as JSON
Sources and coding (each takes --project <file>)
  import <file> [--title T] [--kind K]       import a .txt, .md, .html, .docx or .pdf source
  sources                                    list sources
  codes                                      list the codebook
  new-code <name> [--parent P] [--color #rrggbb]
  code <source> <start> <end> --code <code>  apply a code to a span (source/code by id or name)
Exports (the output's extension picks the format)
  export matrix <project> <out.csv|.svg|.png>  a matrix: --columns sources|cases|attribute|codes, --attribute A,
                                             --measure segments|sources|coverage, --cooccurrence overlap|passage,
                                             --cut name=value
  export chart <project> <out.csv|.svg|.png>   --chart frequency|attribute (with --attribute A), --measure, --cut
  export network <project> <out.csv|.svg|.png> the network; --display <name> uses a saved network's filter and layout
  export display <project> <out.csv|.svg|.png> --display <name>: a saved matrix, chart or network as saved
  export trail <project> <out.md>              --conclusion <id or the statement's first words>: the evidence trail
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

function openProject(ctx: AppContext, options: Options): Promise<unknown> {
  const path = need(options.project ?? process.env.QUARRY_PROJECT, '--project <file> (or QUARRY_PROJECT)');
  return call(ctx, 'project.open', { path: resolve(path) });
}

function byIdOrName<T extends { id: string }>(items: T[], key: string, name: (item: T) => string, what: string): T {
  const found = items.find((item) => item.id === key) ?? items.filter((item) => name(item).toLowerCase() === key.toLowerCase());
  if (!Array.isArray(found)) return found;
  if (found.length === 1) return found[0]!;
  throw new AppError(found.length ? 'CONFLICT' : 'NOT_FOUND', found.length ? `More than one ${what} is called "${key}": use its id.` : `No ${what} is called "${key}".`);
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new AppError('NOT_FOUND', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
}

/** The lines of a text file; a final line break does not start another line. */
function linesOf(bytes: Buffer): string[] {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text === '' ? [] : text.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
}

function referenceLine(reference: ParsedReference): string {
  if (reference.authors.length === 0 && reference.year === null && reference.title === null) return '—';
  return `${reference.authors.join('; ') || '?'} (${reference.year ?? 'n.d.?'}) ${reference.title ?? ''}`.trim();
}

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

const imageFormats = ['.csv', '.svg', '.png'] as const;

/** `export <kind> <project> <out>`: writes the file and says what it wrote. */
async function exportTo(ctx: AppContext, kind: string, out: string, options: Options): Promise<{ json: unknown; text: string }> {
  const extension = extname(out).toLowerCase();
  const write = (bytes: Buffer, what: string) => {
    writeFileSync(out, bytes);
    return { json: { file: resolve(out), bytes: bytes.length }, text: `Wrote ${what} to ${out} (${bytes.length.toLocaleString('en')} bytes)` };
  };
  if (kind === 'trail') {
    if (extension !== '.md') throw new UsageError('The evidence trail is written as Markdown: give a file ending in .md.');
    const key = need(options.conclusion, '--conclusion <id or the first words of its statement>');
    const conclusions = await call(ctx, 'conclusions.list', {});
    const found = conclusions.filter((c) => c.id === key || c.statement.toLowerCase().startsWith(key.toLowerCase()));
    if (found.length !== 1) throw new AppError(found.length ? 'CONFLICT' : 'NOT_FOUND', found.length ? `More than one conclusion starts "${key}": give more words or its id.` : `No conclusion starts "${key}".`);
    const { markdown } = await call(ctx, 'conclusions.trailMarkdown', { id: found[0]!.id });
    return write(Buffer.from(markdown, 'utf8'), 'the evidence trail');
  }
  if (!(imageFormats as readonly string[]).includes(extension)) throw new UsageError(`A display is written as CSV, SVG or PNG: give a file ending in ${imageFormats.join(', ')}.`);
  const format = extension.slice(1) as 'csv' | 'svg' | 'png';
  let name: string;
  let config: DisplayConfig;
  let layout = {};
  if (kind === 'display' || (kind === 'network' && options.display)) {
    const saved = byIdOrName(await call(ctx, 'display.list', {}), need(options.display, '--display <name>'), (d) => d.name, 'saved display');
    if (kind === 'network' && saved.config.kind !== 'network') throw new UsageError(`"${saved.name}" is a ${saved.config.kind}, not a network.`);
    ({ name, config, layout } = saved);
  } else if (kind === 'matrix' || kind === 'chart' || kind === 'network') {
    config = displayFromOptions(kind, options);
    name = basename(out, extension);
  } else {
    throw new UsageError(`Unknown export "${kind}": matrix, chart, network, display or trail.`);
  }
  const file = await call(ctx, 'display.export', { name, config, layout, format });
  return write(Buffer.from(file.dataBase64, 'base64'), `${name} as ${format.toUpperCase()}`);
}

/** Runs one command; returns what to print as JSON and as text. */
async function run(ctx: AppContext, command: string, args: string[], options: Options): Promise<{ json: unknown; text: string }> {
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
    case 'export-json': {
      await openProject(ctx, options);
      const data = await call(ctx, 'project.exportJson', {});
      return { json: data, text: JSON.stringify(data, null, 2) };
    }
    case 'import': {
      await openProject(ctx, options);
      const file = need(args[0], 'the file to import');
      const bytes = readInput(file);
      const kinds = ['paper', 'transcript', 'note', 'manuscript', 'other'] as const;
      const kind = options.kind === undefined ? undefined : kinds.find((k) => k === options.kind);
      if (options.kind !== undefined && !kind) throw new UsageError(`--kind is one of ${kinds.join(', ')}.`);
      const source = await call(ctx, 'sources.import', { fileName: basename(file), dataBase64: bytes.toString('base64'), title: options.title, kind });
      return { json: source, text: `Imported ${sourceLine(source)}` };
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
    case 'export': {
      const [kind, project, out] = args;
      await call(ctx, 'project.open', { path: resolve(need(project, 'the project file')) });
      return exportTo(ctx, need(kind, 'what to export (matrix, chart, network, display or trail)'), need(out, 'the file to write'), options);
    }
    case 'audit': {
      const file = need(args[0], 'the manuscript to audit');
      const report = await call(ctx, 'audit.analyzeDocument', { fileName: basename(file), dataBase64: readInput(file).toString('base64') });
      return { json: report, text: renderAuditMarkdown(report, report.title) };
    }
    case 'parse-references': {
      const lines = linesOf(readInput(need(args[0], 'the file of references')));
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
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
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
    const output = await run(ctx, command, args, options);
    process.stdout.write(options.format === 'json' ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${usage}\n`);
      return 2;
    }
    // One line, whatever the message holds, so scripts can read the error as a whole.
    process.stderr.write(`quarry: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  } finally {
    ctx.close();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
