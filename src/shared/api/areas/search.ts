import { z } from 'zod';
import { change, counted, quoted, read } from '../method';
import { stages } from '../../domain/model';
import { searchKinds, type CodeHitsPreview, type FindSupportResult, type SearchResponse, type SearchStatus } from '../../domain/search';

const id = z.string().min(1).max(100);
const ids = z.array(id).max(10_000);

export const searchFilters = z
  .object({
    kinds: z.array(z.enum(searchKinds)).optional(),
    sourceIds: ids.optional(),
    /** Passages overlapping a coding of one of these codes or of their sub-codes. */
    codeIds: ids.optional(),
    /** Items of sources at one of these stages. */
    stages: z.array(z.enum(stages)).optional(),
    /** Passages that are turns of one of these speakers (as transcripts name them). */
    speakers: z.array(z.string().min(1).max(200)).max(200).optional(),
    /** Items of sources one of these cases holds; of a source it holds only segments of, the passages of those segments. */
    caseIds: ids.optional(),
    /** Items of sources carrying every one of these attributes. */
    attributes: z.array(z.object({ name: z.string().min(1).max(200), value: z.string().max(2000) }).strict()).max(50).optional(),
  })
  .strict();

const query = z.string().max(2000);
const codeHitsInput = z
  .object({
    q: query.trim().min(1, 'Type a search before coding its hits.'),
    filters: searchFilters.default({}),
    codeId: id,
    /** 'passage' codes each matching passage whole; 'match' codes only the matched words. */
    scope: z.enum(['passage', 'match']),
  })
  .strict();

/** Everything a search hit can come from. */
const searched = ['project', 'sources', 'source-text', 'attributes', 'codes', 'codings', 'memos', 'audit'] as const;

export const searchContract = {
  /** lunr's query language plus "quoted phrases"; hits grouped by source, best group first. */
  'search.query': read<SearchResponse>(searched)(
    z
      .object({
        q: query,
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
        filters: searchFilters.default({}),
      })
      .strict(),
  ),
  /** What "Code all hits" would do, without doing it. */
  'search.previewCodeHits': read<CodeHitsPreview>(searched)(codeHitsInput),
  /** Codes every hit in one step, which one undo takes back. */
  'search.codeHits': change<{ codingIds: string[]; count: number }>()(codeHitsInput, {
    touches: ['codings', 'sources'],
    label: (input, out, names) => `Apply code ${quoted(names.code(input.codeId))} to ${counted(out.count, 'passage')}`,
  }),
  /** Passages of the sources linked to a claim's cited references, ranked by likeness to the claim. */
  'search.findSupport': read<FindSupportResult>(searched)(z.object({ claimId: id, limit: z.number().int().min(1).max(100).optional() }).strict()),
  'search.status': read<SearchStatus>(['project', 'sources', 'source-text', 'codes', 'memos', 'audit'])(z.object({}).strict()),
};
