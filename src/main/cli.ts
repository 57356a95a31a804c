// The command line: argv in, the same dispatch as the app, JSON or readable text out.
// Results go to stdout and nothing else does, so `--format json` output can be piped.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import { renderAuditMarkdown, type ParsedReference } from '../shared/domain/audit';
import { AppError } from '../shared/api/errors';
import { counted } from '../shared/api/method';
import type { BackupInfo } from '../shared/domain/backups';
import type { Code, SourceSummary } from '../shared/domain/model';
import { AppContext } from './app/context';
import { dispatch } from './app/dispatch';

const usage = `Usage: npm run --silent cli -- <command> [arguments] [--format json|text]

Projects
  create <project.quarry> --name <name>      create a project file
  open <project.quarry>                      show a project's summary
  export-json --project <file>               the whole project as JSON
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

const backupLine = (b: BackupInfo) => `${b.at.replace('T', ' ').slice(0, 19)} UTC  ${b.reason.padEnd(8)}  ${(b.bytes / 1e6).toFixed(1).padStart(7)} MB  ${b.path}`;

const sourceLine = (s: SourceSummary) => `${s.id}  ${s.title}  [${s.kind}, ${s.stage}, ${s.codingCount} coding${s.codingCount === 1 ? '' : 's'}]`;

function codeLines(codes: Code[], parentId: string | null = null, depth = 0): string[] {
  return codes
    .filter((c) => c.parentId === parentId)
    .flatMap((c) => [`${'  '.repeat(depth)}${c.name}  ${c.color}  (${c.codingCount})  ${c.id}`, ...codeLines(codes, c.id, depth + 1)]);
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
    case 'export-json': {
      await openProject(ctx, options);
      const data = await call(ctx, 'project.exportJson', {});
      return { json: data, text: JSON.stringify(data, null, 2) };
    }
    case 'import': {
      need(args[0], 'the file to import');
      if (args.length > 1 && options.title) throw new UsageError('--title names one source: import one file with it.');
      const kinds = ['paper', 'transcript', 'note', 'manuscript', 'other'] as const;
      const kind = options.kind === undefined ? undefined : kinds.find((k) => k === options.kind);
      if (options.kind !== undefined && !kind) throw new UsageError(`--kind is one of ${kinds.join(', ')}.`);
      await openProject(ctx, options);
      // One file, one transaction: what was imported before a failure (or a crash) stays imported.
      const imported: SourceSummary[] = [];
      for (const file of args) {
        try {
          const bytes = readInput(file);
          imported.push(await call(ctx, 'sources.import', { fileName: basename(file), dataBase64: bytes.toString('base64'), title: options.title, kind }));
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
    const say = (line: string) => options.format === 'text' && process.stdout.write(`${line}\n`);
    const output = await run(ctx, command, args, options, say);
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(output.json, null, 2)}\n`);
    else if (output.text !== null) process.stdout.write(`${output.text}\n`);
    // A backup begun on opening the project is finished before the process ends.
    await ctx.settle();
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
