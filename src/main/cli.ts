// The command line: argv in, the same dispatch as the app, JSON or readable text out.
// Results go to stdout and nothing else does, so `--format json` output can be piped.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import { renderAuditMarkdown, type ParsedReference } from '../shared/domain/audit';
import { AppError } from '../shared/api/errors';
import type { Code, SourceSummary } from '../shared/domain/model';
import type { RefiImportSummary } from '../shared/domain/refi/import-plan';
import { AppContext } from './app/context';
import { dispatch } from './app/dispatch';

/**
 * `export <kind> <project-file> <out>`: every kind of file the command line writes, in this one
 * table, so the usage lists them all and each is written and reported the same way.
 */
const exportKinds: Record<string, { describe: string; write(ctx: AppContext, options: Options): Promise<{ bytes: Uint8Array; json: unknown; text: string }> }> = {
  qdpx: {
    describe: 'the project as REFI-QDA (.qdpx), for NVivo, ATLAS.ti, MAXQDA and QualCoder',
    write: async (ctx) => {
      const { dataBase64, counts } = await call(ctx, 'refi.exportProject', {});
      const text = `${counts.codes} codes, ${counts.sources} sources, ${counts.codings} codings, ${counts.memos} memos, ${counts.cases} cases, ${counts.sets} sets`;
      return { bytes: Buffer.from(dataBase64, 'base64'), json: counts, text };
    },
  },
  qdc: {
    describe: 'the codebook as REFI-QDA (.qdc)',
    write: async (ctx) => {
      const { dataBase64 } = await call(ctx, 'refi.exportCodebook', {});
      const codes = (await call(ctx, 'codes.list', {})).length;
      return { bytes: Buffer.from(dataBase64, 'base64'), json: { codes }, text: `${codes} codes` };
    },
  },
};

const usage = `Usage: npm run --silent cli -- <command> [arguments] [--format json|text]

Projects
  create <project.quarry> --name <name>      create a project file
  open <project.quarry>                      show a project's summary
  stats <project.quarry>                     count sources, codes, codings, memos and cases
  export-json --project <file>               the whole project as JSON
Exchange
  import-qdpx <file.qdpx|.qdc> <project.quarry>
                                             a new project from a REFI-QDA project or codebook
  export <kind> <project.quarry> <out>       write a file of one of these kinds:
${Object.entries(exportKinds)
  .map(([kind, k]) => `    ${kind.padEnd(39)}${k.describe}`)
  .join('\n')}
Sources and coding (each takes --project <file>, or the project file as its first argument where shown)
  import <file> [--title T] [--kind K]       import a .txt, .md, .html, .docx or .pdf source
  sources                                    list sources
  codes                                      list the codebook
  segments <project.quarry>                  every coded segment: source, code, text, start, end, coder
  new-code <name> [--parent P] [--color #rrggbb]
  code <source> <start> <end> --code <code>  apply a code to a span (source/code by id or name)
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
      const bytes = readInput(file);
      await call(ctx, 'project.create', { path, name: basename(file).replace(/\.[^.]+$/, '') });
      try {
        const summary = await call(ctx, 'refi.import', { fileName: basename(file), dataBase64: bytes.toString('base64'), adoptProjectDetails: true });
        return { json: { project: path, ...summary }, text: importLines(summary, path) };
      } catch (error) {
        // A file that cannot be imported leaves no half-made project behind.
        ctx.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
        throw error;
      }
    }
    case 'export': {
      const [kind = '', project, out] = args;
      const exporter = exportKinds[kind];
      if (!exporter) throw new UsageError(`export writes one of: ${Object.keys(exportKinds).join(', ')}${kind ? `, not "${kind}"` : ''}.`);
      await openProject(ctx, options, need(project, 'the project file'));
      const target = resolve(need(out, 'the file to write'));
      const written = await exporter.write(ctx, options);
      writeOutput(target, written.bytes);
      return { json: { file: target, kind, bytes: written.bytes.length, ...(written.json as object) }, text: `Wrote ${target}: ${written.text}` };
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
