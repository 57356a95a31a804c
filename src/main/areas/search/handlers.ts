import { performance } from 'node:perf_hooks';
import type { ParsedInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { claimWords } from '../../../shared/domain/rules/claim-words';
import type { CodeHitSpan, SearchGroup, SearchHitView, TextSpan } from '../../../shared/domain/search';
import type { SearchFilter, SearchHit } from '../../services/search/types';
import type { Db } from '../../services/store/database';
import { findCode } from '../codes/repository';
import { applyCoding } from '../codings/apply-coding';
import { findSameCoding } from '../codings/repository';
import { citedEntries } from '../audit/repository';
import { libraryFullTextsOf } from '../library/full-texts';
import { inTwoPhases, type AreaContext, type AreaHandlers } from '../kit';
import { sourceText } from '../sources/repository';
import {
  citationSpansOfClaim,
  caseContents,
  citedEntryCount,
  findClaim,
  fullTextsOfClaim,
  locations,
  passagesCodedWith,
  passagesOfSpeakers,
  sourcesAtStages,
  sourcesWithAttribute,
  sourceTitles,
} from './repository';

type Filters = ParsedInput<'search.query'>['filters'];
type CodeHitsInput = ParsedInput<'search.codeHits'>;

const SAMPLE_SPANS = 20;
/** "Code all hits" beyond this many passages is almost surely a query that is too broad. */
const MAX_CODED_PASSAGES = 20_000;
const NO_SOURCE_TITLE = 'Codes and memos';

function given<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

function intersect(current: Set<string> | null, next: Iterable<string>): Set<string> {
  const incoming = new Set(next);
  return current ? new Set([...current].filter((id) => incoming.has(id))) : incoming;
}

/**
 * The engine's filter for the API's filters, or null when no item can pass. Stage and
 * attribute filters become source ids; the code filter becomes the passages overlapping a
 * coding of the codes or their sub-codes, the speaker filter the turns of those speakers, the
 * case filter the sources the cases hold (and of a source held in part, only those parts). An
 * empty list filters nothing.
 */
function engineFilter(db: Db, filters: Filters): SearchFilter | null {
  let sources: Set<string> | null = given(filters.sourceIds) ? new Set(filters.sourceIds) : null;
  if (given(filters.stages)) {
    sources = intersect(sources, sourcesAtStages(db, filters.stages));
  }
  for (const { name, value } of filters.attributes ?? []) {
    sources = intersect(sources, sourcesWithAttribute(db, name, value));
  }
  const cases = given(filters.caseIds) ? caseContents(db, filters.caseIds) : null;
  if (cases) sources = intersect(sources, [...cases.wholeSources, ...cases.partialSources]);
  if (sources?.size === 0) return null;
  const filter: SearchFilter = {};
  if (sources) filter.sourceIds = [...sources];
  if (given(filters.kinds)) filter.kinds = [...filters.kinds];
  // Only passages pass the code and speaker filters: each names the passages it allows.
  let passages: Set<string> | null = null;
  if (given(filters.codeIds)) passages = intersect(passages, passagesCodedWith(db, filters.codeIds));
  if (given(filters.speakers)) passages = intersect(passages, passagesOfSpeakers(db, filters.speakers));
  if (passages?.size === 0) return null;
  const allowed = passages;
  // Of a source a case holds only in part, only the passages of its segments belong to the case.
  const inCase = (id: string, sourceId: string | null) => !cases || sourceId === null || !cases.partialSources.has(sourceId) || cases.passages.has(id);
  if (allowed || cases) filter.allow = (id, sourceId) => (!allowed || allowed.has(id)) && inCase(id, sourceId);
  return filter;
}

/** Engine hits as the API shows them: grouped by source in rank order, with matches as source offsets. */
function groupHits(db: Db, hits: SearchHit[]): SearchGroup[] {
  const located = locations(db, hits.map((h) => h.id));
  const titles = sourceTitles(db, hits.flatMap((h) => (h.sourceId ? [h.sourceId] : [])));
  const groups = new Map<string | null, SearchGroup>();
  for (const hit of hits) {
    const at = located.get(hit.id);
    const sourceTitle = hit.sourceId ? (titles.get(hit.sourceId) ?? hit.title) : NO_SOURCE_TITLE;
    // Claim and passage docs carry their source's title for display: read it afresh, the source may have been renamed.
    const ownTitle = hit.kind === 'passage' || hit.kind === 'claim' ? sourceTitle : hit.title;
    const view: SearchHitView = {
      id: hit.id,
      kind: hit.kind,
      ...(hit.kind === 'passage' ? { passageId: hit.id } : {}),
      start: at?.start ?? null,
      end: at?.end ?? null,
      title: ownTitle,
      snippet: hit.snippet,
      snippetHighlights: hit.snippetHighlights,
      // A claim's or reference's text starts at its offset in the source, like a passage's.
      matches: at ? hit.matches.map(([s, e]): TextSpan => [s + at.start, e + at.start]) : [],
    };
    const group = groups.get(hit.sourceId) ?? { sourceId: hit.sourceId, sourceTitle, hits: [] };
    group.hits.push(view);
    groups.set(hit.sourceId, group);
  }
  return [...groups.values()];
}

function requireCode(db: Db, id: string): void {
  if (!findCode(db, id)) throw new AppError('NOT_FOUND', 'That code no longer exists in this project.');
}

/** The spans "Code all hits" codes: every passage hit whole, or each of its matched words and phrases. */
async function codeHitSpans(ctx: AreaContext, { q, filters, codeId, scope }: CodeHitsInput): Promise<Array<Omit<CodeHitSpan, 'sourceTitle' | 'text'>>> {
  const { db } = ctx.project;
  requireCode(db, codeId);
  if (given(filters.kinds) && !filters.kinds.includes('passage')) return [];
  const filter = engineFilter(db, { ...filters, kinds: ['passage'] });
  if (!filter) return [];
  const service = await ctx.project.search.ready();
  const { total } = service.query(q, { limit: 0, filter });
  if (total > MAX_CODED_PASSAGES) {
    throw new AppError('VALIDATION', `This search finds ${total.toLocaleString('en')} passages; narrow it (at most ${MAX_CODED_PASSAGES.toLocaleString('en')}) before coding all hits.`);
  }
  const { hits } = service.query(q, { limit: total, filter });
  const located = locations(db, hits.map((h) => h.id));
  const spans = new Map<string, Omit<CodeHitSpan, 'sourceTitle' | 'text'>>();
  for (const hit of hits) {
    const at = located.get(hit.id);
    if (!at || !hit.sourceId) continue;
    const ranges = scope === 'passage' ? [[0, at.end - at.start]] : hit.matches;
    for (const [start, end] of ranges as TextSpan[]) {
      const span = { sourceId: hit.sourceId, start: at.start + start, end: at.start + end };
      if (span.end > span.start) spans.set(`${span.sourceId}:${span.start}:${span.end}`, span);
    }
  }
  return [...spans.values()];
}

/** Cited works' full texts for a claim, and the claim's words without its citations (author names would only add noise). */
function claimForSupport(db: Db, claimId: string) {
  const claim = findClaim(db, claimId);
  if (!claim) throw new AppError('NOT_FOUND', 'That claim is no longer in the project; run the audit again.');
  const words = claimWords({ text: claim.text, start: claim.start, citations: citationSpansOfClaim(db, claimId) });
  // Full texts linked to the entries themselves, and those the library holds for the same works.
  const linked = new Map([...fullTextsOfClaim(db, claimId), ...libraryFullTextsOf(db, citedEntries(db, { claimId }))].map((s) => [s.id, s]));
  return { claim: { id: claim.id, sourceId: claim.sourceId, text: claim.text }, words, citedCount: citedEntryCount(db, claimId), linked: [...linked.values()].sort((a, b) => a.title.localeCompare(b.title)) };
}

export const searchHandlers: AreaHandlers<'search.'> = {
  'search.query': async ({ q, limit, offset, filters }, ctx) => {
    const started = performance.now();
    const { db } = ctx.project;
    const service = await ctx.project.search.ready();
    const filter = engineFilter(db, filters);
    // Parse the query even when no item can pass the filters, so a typo is reported either way.
    const result = service.query(q, { limit: filter ? limit : 0, offset, filter: filter ?? { kinds: [] } });
    const groups = filter ? groupHits(db, result.hits) : [];
    return { total: filter ? result.total : 0, tookMs: performance.now() - started, groups };
  },
  'search.previewCodeHits': async (input, ctx) => {
    const { db } = ctx.project;
    const spans = await codeHitSpans(ctx, input);
    const fresh = spans.filter((s) => !findSameCoding(db, s.sourceId, input.codeId, s.start, s.end));
    const shown = fresh.slice(0, SAMPLE_SPANS);
    const titles = sourceTitles(db, shown.map((s) => s.sourceId));
    const texts = new Map<string, string>();
    const sample = shown.map((s): CodeHitSpan => {
      if (!texts.has(s.sourceId)) texts.set(s.sourceId, sourceText(db, s.sourceId) ?? '');
      const words = texts.get(s.sourceId)!.slice(s.start, s.end);
      return { ...s, sourceTitle: titles.get(s.sourceId) ?? '', text: words.length > 200 ? `${words.slice(0, 199)}…` : words };
    });
    return { count: fresh.length, alreadyCoded: spans.length - fresh.length, sourceCount: new Set(fresh.map((s) => s.sourceId)).size, sample };
  },
  'search.codeHits': inTwoPhases({
    // Asking the index is asynchronous, so the spans are found first and coded in one transaction after.
    prepare: (input: CodeHitsInput, ctx) => codeHitSpans(ctx, input),
    apply: (input, spans, ctx) => {
      const { db } = ctx.project;
      const texts = new Map<string, string>();
      const codingIds = spans
        .filter((s) => !findSameCoding(db, s.sourceId, input.codeId, s.start, s.end))
        .map((s) => applyCoding(ctx, { ...s, codeId: input.codeId }, texts).id);
      return { codingIds, count: codingIds.length };
    },
  }),
  'search.findSupport': async ({ claimId, limit }, ctx) => {
    const { db } = ctx.project;
    const { claim, words, citedCount, linked } = claimForSupport(db, claimId);
    const empty = (reason: string) => ({ claim, searchedSources: linked, reason, groups: [] });
    if (citedCount === 0) return empty('This claim cites no entry of the reference list, so there is no cited work to look in.');
    if (linked.length === 0) {
      return empty('None of the works this claim cites is linked to its full text in the project. Link each cited reference to the source that holds it, then try again.');
    }
    const service = await ctx.project.search.ready();
    const result = service.similar(words, { limit: limit ?? 10, filter: { kinds: ['passage'], sourceIds: linked.map((s) => s.id) } });
    if (result.hits.length === 0) return empty(`No passage of ${linked.map((s) => `"${s.title}"`).join(', ')} shares a word with this claim.`);
    return { claim, searchedSources: linked, reason: null, groups: groupHits(db, result.hits) };
  },
  'search.status': (_input, ctx) => ctx.project.search.status(),
};
