import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { AuditView } from '../../shared/domain/audit-view';
import { displayConfigSchema } from '../../shared/api/areas/display';
import { conclusionStatuses, sourceKinds } from '../../shared/domain/model';
import { AppContext } from './context';
import { dispatch } from './dispatch';

const codeSpec = z.object({ name: z.string(), color: z.string(), definition: z.string() });
const sampleSpec = z.object({
  name: z.string(),
  description: z.string(),
  sources: z.array(
    z.object({
      file: z.string(),
      title: z.string(),
      kind: z.enum(sourceKinds),
      attributes: z.record(z.string(), z.string()).default({}),
    }),
  ),
  codes: z.array(codeSpec.extend({ children: z.array(codeSpec).default([]) })),
  codings: z.array(z.object({ source: z.string(), quote: z.string(), code: z.string() })),
  memos: z.array(
    z.object({
      title: z.string(),
      body: z.string(),
      target: z.union([
        z.object({ kind: z.literal('project') }),
        z.object({ kind: z.literal('code'), code: z.string() }),
        z.object({ kind: z.literal('source'), source: z.string() }),
      ]),
    }),
  ),
  verdicts: z.array(
    z.object({
      source: z.string(),
      claimQuote: z.string(),
      citation: z.string(),
      verdict: z.enum(['supported', 'partly-supported', 'not-supported', 'cannot-verify']),
      note: z.string(),
    }),
  ),
  conclusions: z.array(
    z.object({
      statement: z.string(),
      status: z.enum(conclusionStatuses),
      evidence: z.array(z.object({ source: z.string(), quote: z.string(), stance: z.enum(['supports', 'contradicts']) })),
    }),
  ),
  displays: z.array(z.object({ name: z.string(), config: displayConfigSchema })).default([]),
});
export type SampleSpec = z.infer<typeof sampleSpec>;

export function readSampleSpec(sampleDir: string): SampleSpec {
  return sampleSpec.parse(JSON.parse(readFileSync(join(sampleDir, 'project.json'), 'utf8')));
}

/** Finds a quote in a source, failing loudly: a sample that drifted from its text is a bug. */
function locate(text: string, quote: string, file: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new AppError('INTERNAL', `Sample quote not found in ${file}: "${quote.slice(0, 60)}…"`);
  return { start, end: start + quote.length };
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The claim–citation link a sample verdict is written for, failing loudly like `locate`. */
function verdictLink(view: AuditView, verdict: SampleSpec['verdicts'][number]) {
  const claim = view.claims.find((c) => flat(c.text).includes(flat(verdict.claimQuote)));
  if (!claim) throw new AppError('INTERNAL', `Sample verdict names no audited claim in ${verdict.source}: "${verdict.claimQuote.slice(0, 60)}…"`);
  const link = claim.links.find((l) => {
    const citation = view.citations[l.citationIndex];
    return citation !== undefined && (citation.text.includes(verdict.citation) || citation.authors.join(' ').includes(verdict.citation));
  });
  if (!link) throw new AppError('INTERNAL', `Sample verdict names a citation its claim lacks: ${verdict.citation}`);
  return { claimKey: claim.key, citationKey: link.citationKey };
}

/** Calls the API as any client does; a failure is a bug in the sample, so it fails loudly. */
async function call<M extends MethodName>(ctx: AppContext, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new AppError('INTERNAL', `Building the sample project failed at ${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/**
 * Builds the sample project at `target` from the hand-written files in `sampleDir` by calling
 * the API, as a user's actions do. It is written to a temporary file and moved into place, so
 * an interrupted build never leaves a half-made sample behind, and it opens with an empty undo
 * history: the first Undo a user makes takes back their own work, not the sample's making.
 */
export async function buildSampleProject(sampleDir: string, target: string, options: { clock?: () => string; newId?: () => string } = {}): Promise<void> {
  const spec = readSampleSpec(sampleDir);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const ctx = new AppContext({ ...options, coder: 'sample' });
  try {
    await call(ctx, 'project.create', { path: partial, name: spec.name, description: spec.description });
    const sourceIds = new Map<string, string>();
    for (const source of spec.sources) {
      const dataBase64 = readFileSync(join(sampleDir, source.file)).toString('base64');
      const imported = await call(ctx, 'sources.import', { fileName: source.file, dataBase64, title: source.title, kind: source.kind });
      sourceIds.set(source.file, imported.id);
    }
    const sourceId = (file: string) => {
      const id = sourceIds.get(file);
      if (!id) throw new AppError('INTERNAL', `The sample refers to a source it does not list: ${file}`);
      return id;
    };
    const textOf = async (file: string) => (await call(ctx, 'sources.text', { id: sourceId(file) })).text;
    const codeIds = new Map<string, string>();
    for (const parent of spec.codes) {
      const { children, ...fields } = parent;
      const created = await call(ctx, 'codes.create', fields);
      codeIds.set(parent.name, created.id);
      for (const child of children) {
        const sub = await call(ctx, 'codes.create', { ...child, parentId: created.id });
        codeIds.set(`${parent.name}/${child.name}`, sub.id);
      }
    }
    const codeId = (path: string) => {
      const id = codeIds.get(path);
      if (!id) throw new AppError('INTERNAL', `The sample refers to an unknown code: ${path}`);
      return id;
    };
    for (const coding of spec.codings) {
      const span = locate(await textOf(coding.source), coding.quote, coding.source);
      await call(ctx, 'codings.apply', { sourceId: sourceId(coding.source), codeId: codeId(coding.code), ...span });
    }
    const audits = new Map<string, AuditView>();
    for (const source of spec.sources) {
      if (source.kind === 'manuscript') audits.set(source.file, await call(ctx, 'audit.run', { sourceId: sourceId(source.file) }));
    }
    for (const verdict of spec.verdicts) {
      const view = audits.get(verdict.source);
      if (!view) throw new AppError('INTERNAL', `A sample verdict is about ${verdict.source}, which is not an audited manuscript.`);
      await call(ctx, 'audit.setVerdict', { sourceId: view.sourceId, ...verdictLink(view, verdict), verdict: verdict.verdict, note: verdict.note });
    }
    for (const memo of spec.memos) {
      const target =
        memo.target.kind === 'project'
          ? ({ kind: 'project' } as const)
          : memo.target.kind === 'code'
            ? ({ kind: 'code', id: codeId(memo.target.code) } as const)
            : ({ kind: 'source', id: sourceId(memo.target.source) } as const);
      await call(ctx, 'memos.create', { title: memo.title, body: memo.body, target });
    }
    for (const conclusion of spec.conclusions) {
      const created = await call(ctx, 'conclusions.create', { statement: conclusion.statement, status: conclusion.status });
      for (const evidence of conclusion.evidence) {
        const span = locate(await textOf(evidence.source), evidence.quote, evidence.source);
        const codings = await call(ctx, 'codings.list', { sourceId: sourceId(evidence.source) });
        const coding = codings.find((c) => c.start < span.end && c.end > span.start);
        if (!coding) throw new AppError('INTERNAL', `Sample evidence is not coded in ${evidence.source}: "${evidence.quote.slice(0, 60)}…"`);
        await call(ctx, 'conclusions.linkEvidence', { id: created.id, evidence: { kind: 'coding', id: coding.id, stance: evidence.stance } });
      }
    }
    for (const display of spec.displays) await call(ctx, 'display.save', display);
    for (const source of spec.sources) {
      for (const [name, value] of Object.entries(source.attributes)) await call(ctx, 'sources.setAttribute', { id: sourceId(source.file), name, value });
    }
    await call(ctx, 'history.clear', {});
    // Ship the search index in the file, so the app's first search needs no rebuild.
    await call(ctx, 'search.query', { q: 'sample' });
  } finally {
    // Closing the last connection checkpoints the write-ahead log into the file and removes it.
    await ctx.close();
  }
  renameSync(partial, target);
}

/** The user's copy of the sample project, made on first run; the files in resources/ are never written. */
export async function ensureSampleProject(sampleDir: string, dataDir: string): Promise<string> {
  const target = join(dataDir, 'Sample project.quarry');
  if (!existsSync(target)) {
    mkdirSync(dataDir, { recursive: true });
    await buildSampleProject(sampleDir, target);
  }
  return target;
}

/** ensureSampleProject once: however often it is asked for, the sample is built at most once at a time. */
export function sampleProjectIn(sampleDir: string, dataDir: string): () => Promise<string> {
  let building: Promise<string> | undefined;
  return () => {
    building ??= ensureSampleProject(sampleDir, dataDir).catch((error: unknown) => {
      building = undefined;
      throw error;
    });
    return building;
  };
}
