import { AppError } from '../../../shared/api/errors';
import { contextAround, passageIndexAt } from '../../../shared/domain/segments/context';
import { queryCodeIds, retrieveSegments, segmentStats, type SegmentFilter, type SegmentQuery, type SegmentScope } from '../../../shared/domain/segments/query';
import type { SegmentRow, SummaryTable } from '../../../shared/domain/segments/types';
import type { Db } from '../../services/store/database';
import type { AreaHandlers } from '../kit';
import { sourceText } from '../sources/repository';
import { caseNames, caseScope, codeParents, passageBounds, queryCodings, segmentCodings, sourceAttributeMap, sourceTitles, speakers, speakerTurns, type PassageBounds } from './repository';

/** How much of a segment's words a row carries, and how much context either side. */
const textLimit = 1200;
const contextClip = 320;

/** Runs a query over the project, reading only what its filter needs. */
function retrieve(db: Db, query: SegmentQuery, filter: SegmentFilter = {}) {
  const codes = codeParents(db);
  const sources = sourceTitles(db);
  const scope: SegmentScope = { sourceOrder: sources.map((s) => s.id) };
  if (filter.attributes?.length) scope.sourceAttributes = sourceAttributeMap(db);
  if (filter.caseIds || filter.attributes?.length) scope.cases = caseScope(db);
  if (filter.speakers) scope.turns = speakerTurns(db);
  const segments = retrieveSegments(queryCodings(db, [...queryCodeIds(query, codes)]), codes, query, filter, scope);
  return { segments, sources };
}

/** Each source's text and passages, read once however many rows come from it. */
function sourceReader(db: Db) {
  const cache = new Map<string, { text: string; passages: PassageBounds[] }>();
  return (id: string) => {
    let entry = cache.get(id);
    if (!entry) {
      entry = { text: sourceText(db, id) ?? '', passages: passageBounds(db, id) };
      cache.set(id, entry);
    }
    return entry;
  };
}

export const segmentsHandlers: AreaHandlers<'segments.'> = {
  'segments.query': ({ query, filter, offset = 0, limit = 200 }, ctx) => {
    const { db } = ctx.project;
    const { segments, sources } = retrieve(db, query, filter);
    const page = segments.slice(offset, offset + limit);
    const codings = segmentCodings(db, page.flatMap((s) => s.codingIds));
    const titles = new Map(sources.map((s) => [s.id, s.title]));
    const read = sourceReader(db);
    const rows: SegmentRow[] = page.map((segment) => {
      const { text, passages } = read(segment.sourceId);
      const at = passageIndexAt(passages, segment.start);
      return {
        sourceId: segment.sourceId,
        sourceTitle: titles.get(segment.sourceId) ?? '',
        start: segment.start,
        end: segment.end,
        text: text.slice(segment.start, Math.min(segment.end, segment.start + textLimit)),
        clipped: segment.end - segment.start > textLimit,
        codings: segment.codingIds.map((id) => codings.get(id)!),
        speaker: at >= 0 ? passages[at]!.speaker : null,
        context: contextAround(text, passages, { start: segment.start, end: Math.min(segment.end, segment.start + textLimit) }, 0, contextClip),
      };
    });
    return { total: segments.length, stats: segmentStats(segments), offset, rows };
  },
  'segments.context': ({ sourceId, start, end, passages = 1 }, ctx) => {
    const { db } = ctx.project;
    const text = sourceText(db, sourceId);
    if (text === undefined) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
    if (end > text.length || end < start) throw new AppError('VALIDATION', `The span ${start}–${end} is not inside the source (${text.length} characters).`);
    return contextAround(text, passageBounds(db, sourceId), { start, end }, passages);
  },
  'segments.facets': (_input, ctx) => ({ speakers: speakers(ctx.project.db), cases: caseNames(ctx.project.db) }),
  'segments.summaryTable': ({ codeIds, subcodes, filter }, ctx) => {
    const { db } = ctx.project;
    const columns = [...new Set(codeIds)];
    const cells: SummaryTable['cells'] = [];
    const used = new Set<string>();
    let sources: Array<{ id: string; title: string }> = [];
    for (const codeId of columns) {
      const result = retrieve(db, { op: 'code', codeId, subcodes }, filter);
      sources = result.sources;
      const codings = segmentCodings(db, result.segments.map((s) => s.codingIds[0]!));
      const bySource = new Map<string, SummaryTable['cells'][number]>();
      for (const segment of result.segments) {
        used.add(segment.sourceId);
        let cell = bySource.get(segment.sourceId);
        if (!cell) {
          cell = { codeId, sourceId: segment.sourceId, segments: 0, summaries: [] };
          bySource.set(segment.sourceId, cell);
          cells.push(cell);
        }
        cell.segments++;
        const coding = codings.get(segment.codingIds[0]!)!;
        if (coding.summary.trim()) cell.summaries.push({ codingId: coding.id, summary: coding.summary });
      }
    }
    return { codeIds: columns, sources: sources.filter((s) => used.has(s.id)), cells };
  },
};
