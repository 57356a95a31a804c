import { performance } from 'node:perf_hooks';
import type { ParsedInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { CodeHitSpan, SearchGroup, SearchHitView, TextSpan } from '../../../shared/domain/search';
import type { SearchFilter, SearchHit } from '../../services/search/types';
import { findCode, findSameCoding } from '../../services/store/repositories/codes';
import type { Db } from '../../services/store/database';
import { sourceText } from '../../services/store/repositories/sources';
import type { AppContext } from '../context';
import type { AreaHandlers } from '../handler-types';
import { applyCoding } from './coding';

type Filters = ParsedInput<'search.query'>['filters'];
type CodeHitsInput = ParsedInput<'search.codeHits'>;

const SAMPLE_SPANS = 20;
/** "Code all hits" beyond this many passages is almost surely a query that is too broad. */
const MAX_CODED_PASSAGES = 20_000;
const NO_SOURCE_TITLE = 'Codes and memos';

const idsParam = (ids: Iterable<string>) => JSON.stringify([...ids]);

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
 * coding of the codes or their sub-codes. An empty list filters nothing.
 */
function engineFilter(db: Db, filters: Filters): SearchFilter | null {
  let sources: Set<string> | null = given(filters.sourceIds) ? new Set(filters.sourceIds) : null;
  if (given(filters.stages)) {
    sources = intersect(sources, db.prepare('SELECT id FROM sources WHERE stage IN (SELECT value FROM json_each(?))').pluck().all(idsParam(filters.stages)) as string[]);
  }
  for (const { name, value } of filters.attributes ?? []) {
    sources = intersect(sources, db.prepare('SELECT source_id FROM source_attributes WHERE name = ? AND value = ?').pluck().all(name, value) as string[]);
  }
  if (sources?.size === 0) return null;
  const filter: SearchFilter = {};
  if (sources) filter.sourceIds = [...sources];
  if (given(filters.kinds)) filter.kinds = [...filters.kinds];
  if (given(filters.codeIds)) {
    const passages = new Set(
      db
        .prepare(
          `WITH RECURSIVE down(id) AS (SELECT value FROM json_each(?) UNION SELECT c.id FROM codes c JOIN down ON c.parent_id = down.id)
           SELECT DISTINCT p.id FROM codings g JOIN passages p ON p.source_id = g.source_id AND p.start < g.end AND p.end > g.start
           WHERE g.code_id IN down`,
        )
        .pluck()
        .all(idsParam(filters.codeIds)) as string[],
    );
    if (passages.size === 0) return null;
    filter.allow = (id) => passages.has(id);
  }
  return filter;
}

interface Location {
  start: number;
  end: number;
}

/** Where passages, claims and references sit in their sources. */
function locations(db: Db, ids: string[]): Map<string, Location> {
  const rows = db
    .prepare(
      `SELECT id, start, end FROM passages WHERE id IN (SELECT value FROM json_each(@ids))
       UNION ALL SELECT id, start, end FROM claims WHERE id IN (SELECT value FROM json_each(@ids))
       UNION ALL SELECT id, start, end FROM reference_entries WHERE id IN (SELECT value FROM json_each(@ids)) AND start IS NOT NULL`,
    )
    .all({ ids: idsParam(ids) }) as Array<{ id: string } & Location>;
  return new Map(rows.map((r) => [r.id, { start: r.start, end: r.end }]));
}

function sourceTitles(db: Db, ids: Iterable<string>): Map<string, string> {
  const rows = db.prepare('SELECT id, title FROM sources WHERE id IN (SELECT value FROM json_each(?))').all(idsParam(ids)) as Array<{ id: string; title: string }>;
  return new Map(rows.map((r) => [r.id, r.title]));
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
async function codeHitSpans(ctx: AppContext, { q, filters, codeId, scope }: CodeHitsInput): Promise<Array<Omit<CodeHitSpan, 'sourceTitle' | 'text'>>> {
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
  const claim = db.prepare('SELECT id, source_id AS sourceId, text, start FROM claims WHERE id = ?').get(claimId) as
    | { id: string; sourceId: string; text: string; start: number }
    | undefined;
  if (!claim) throw new AppError('NOT_FOUND', 'That claim is no longer in the project; run the audit again.');
  const citations = db
    .prepare('SELECT c.start, c.end FROM claim_citations cc JOIN citations c ON c.id = cc.citation_id WHERE cc.claim_id = ? ORDER BY c.start DESC')
    .all(claimId) as Location[];
  let words = claim.text;
  for (const c of citations) {
    const from = c.start - claim.start;
    if (from >= 0 && c.end - claim.start <= words.length) words = `${words.slice(0, from)} ${words.slice(c.end - claim.start)}`;
  }
  const citedCount = db
    .prepare('SELECT count(DISTINCT cr.reference_id) FROM claim_citations cc JOIN citation_references cr ON cr.citation_id = cc.citation_id WHERE cc.claim_id = ?')
    .pluck()
    .get(claimId) as number;
  const linked = db
    .prepare(
      `SELECT DISTINCT s.id, s.title FROM claim_citations cc
       JOIN citation_references cr ON cr.citation_id = cc.citation_id
       JOIN reference_entries r ON r.id = cr.reference_id
       JOIN sources s ON s.id = r.full_text_source_id
       WHERE cc.claim_id = ? ORDER BY s.title`,
    )
    .all(claimId) as Array<{ id: string; title: string }>;
  return { claim: { id: claim.id, sourceId: claim.sourceId, text: claim.text }, words, citedCount, linked };
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
  'search.codeHits': async (input, ctx) => {
    const spans = await codeHitSpans(ctx, input);
    const { db } = ctx.project;
    const codingIds = db.transaction(() =>
      spans
        .filter((s) => !findSameCoding(db, s.sourceId, input.codeId, s.start, s.end))
        .map((s) => applyCoding(ctx, { ...s, codeId: input.codeId }).id),
    )();
    return { codingIds, count: codingIds.length };
  },
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
