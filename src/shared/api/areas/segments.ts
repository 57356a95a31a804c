import { z } from 'zod';
import { read } from '../method';
import type { SegmentFilter, SegmentQuery } from '../../domain/segments/query';
import type { SegmentContext, SegmentPage, SummaryTable } from '../../domain/segments/types';

const id = z.string().min(1).max(100);

/** How deep a query may nest and how many codes it may name: enough for any person, and a bound on the work. */
const maxDepth = 12;
const maxNodes = 200;

const segmentQuery: z.ZodType<SegmentQuery> = z.lazy(() =>
  z.union([
    z.object({ op: z.literal('code'), codeId: id, subcodes: z.boolean().optional() }).strict(),
    z.object({ op: z.literal('or'), of: z.array(segmentQuery).min(1).max(50) }).strict(),
    z.object({ op: z.literal('and'), of: z.array(segmentQuery).min(1).max(50) }).strict(),
    z.object({ op: z.literal('not'), of: segmentQuery, without: segmentQuery }).strict(),
    z.object({ op: z.literal('overlap'), of: segmentQuery, with: segmentQuery }).strict(),
    z.object({ op: z.literal('near'), of: segmentQuery, to: segmentQuery, within: z.number().int().nonnegative().max(1_000_000) }).strict(),
  ]),
);

/** Checks size before the recursive schema runs, so a hostile nesting is refused with a sentence rather than a stack overflow. */
function withinBounds(value: unknown): boolean {
  let nodes = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDepth * 2 || ++nodes > maxNodes * 4) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

export const segmentQuerySchema = z
  .unknown()
  .refine(withinBounds, `A coding query may nest ${maxDepth} levels deep and name ${maxNodes} codes at most.`)
  .pipe(segmentQuery);

export const segmentFilterSchema: z.ZodType<SegmentFilter> = z
  .object({
    sourceIds: z.array(id).max(10_000).optional(),
    caseIds: z.array(id).max(10_000).optional(),
    attributes: z.array(z.object({ name: z.string().min(1).max(200), value: z.string().max(2000) }).strict()).max(200).optional(),
    speakers: z.array(z.string().min(1).max(200)).max(1000).optional(),
  })
  .strict();

/** Retrieved segments (the coding query) and the summaries written on them. */
export const segmentsContract = {
  /** One page of the segments a query retrieves, in source order, with counts for the whole result. */
  'segments.query': read<SegmentPage>(['codes', 'codings', 'sources', 'source-text', 'attributes', 'cases'])(
    z
      .object({
        query: segmentQuerySchema,
        filter: segmentFilterSchema.optional(),
        offset: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  /** The text around a span: the passages holding it and `passages` more on each side. */
  'segments.context': read<SegmentContext>(['source-text'])(
    z
      .object({ sourceId: id, start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), passages: z.number().int().min(0).max(50).optional() })
      .strict(),
  ),
  /** What segments can be limited to besides sources and attributes: the speakers of transcripts and the cases. */
  'segments.facets': read<{ speakers: string[]; cases: Array<{ id: string; name: string }> }>(['source-text', 'cases'])(z.object({}).strict()),
  /** The summaries of each code's segments, by source: codes as columns (with their sub-codes' segments when asked), sources as rows. */
  'segments.summaryTable': read<SummaryTable>(['codes', 'codings', 'sources', 'source-text', 'attributes', 'cases'])(
    z.object({ codeIds: z.array(id).min(1).max(200), subcodes: z.boolean().optional(), filter: segmentFilterSchema.optional() }).strict(),
  ),
};
