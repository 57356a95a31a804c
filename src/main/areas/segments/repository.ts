import type { QueryCoding, SegmentScope } from '../../../shared/domain/segments/query';
import type { SegmentCoding } from '../../../shared/domain/segments/types';
import type { Db } from '../../services/store/database';

/** Every code's place in the tree, for expanding a query's codes to their sub-codes. */
export function codeParents(db: Db): Array<{ id: string; parentId: string | null }> {
  return db.prepare('SELECT id, parent_id AS parentId FROM codes').all() as Array<{ id: string; parentId: string | null }>;
}

/** The codings of these codes, as the query reads them. */
export function queryCodings(db: Db, codeIds: readonly string[]): QueryCoding[] {
  return db
    .prepare('SELECT id, source_id AS sourceId, code_id AS codeId, start, end FROM codings WHERE code_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(codeIds)) as QueryCoding[];
}

/** What the rows show of each coding. */
export function segmentCodings(db: Db, ids: readonly string[]): Map<string, SegmentCoding> {
  const rows = db
    .prepare('SELECT id, code_id AS codeId, start, end, coder, created_at AS createdAt, summary FROM codings WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as SegmentCoding[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** Sources in the order the app lists them, with their titles. */
export function sourceTitles(db: Db): Array<{ id: string; title: string }> {
  return db.prepare('SELECT id, title FROM sources ORDER BY created_at, title').all() as Array<{ id: string; title: string }>;
}

export function sourceAttributeMap(db: Db): NonNullable<SegmentScope['sourceAttributes']> {
  const map = new Map<string, Record<string, string>>();
  for (const row of db.prepare('SELECT source_id, name, value FROM source_attributes').raw().all() as Array<[string, string, string]>) {
    const [sourceId, name, value] = row;
    map.set(sourceId, { ...map.get(sourceId), [name]: value });
  }
  return map;
}

export function caseScope(db: Db): NonNullable<SegmentScope['cases']> {
  const cases = new Map<string, { id: string; attributes: Record<string, string>; members: Array<{ sourceId: string; start: number | null; end: number | null }> }>();
  for (const id of db.prepare('SELECT id FROM cases').pluck().all() as string[]) cases.set(id, { id, attributes: {}, members: [] });
  for (const [caseId, name, value] of db.prepare('SELECT case_id, name, value FROM case_attributes').raw().all() as Array<[string, string, string]>) {
    cases.get(caseId)!.attributes[name] = value;
  }
  for (const [caseId, sourceId, start, end] of db.prepare('SELECT case_id, source_id, start, end FROM case_members').raw().all() as Array<
    [string, string, number | null, number | null]
  >) {
    cases.get(caseId)!.members.push({ sourceId, start, end });
  }
  return [...cases.values()];
}

export function speakerTurns(db: Db): NonNullable<SegmentScope['turns']> {
  return db.prepare('SELECT source_id AS sourceId, start, end, speaker FROM passages WHERE speaker IS NOT NULL').all() as NonNullable<SegmentScope['turns']>;
}

export interface PassageBounds {
  start: number;
  end: number;
  speaker: string | null;
}

/** A source's passages in order, for finding the text around a segment and who speaks there. */
export function passageBounds(db: Db, sourceId: string): PassageBounds[] {
  return db.prepare('SELECT start, end, speaker FROM passages WHERE source_id = ? ORDER BY ordinal').all(sourceId) as PassageBounds[];
}

/** Everyone who speaks in a transcript, by name. */
export function speakers(db: Db): string[] {
  return db.prepare('SELECT DISTINCT speaker FROM passages WHERE speaker IS NOT NULL ORDER BY speaker').pluck().all() as string[];
}

export function caseNames(db: Db): Array<{ id: string; name: string }> {
  return db.prepare('SELECT id, name FROM cases ORDER BY name').all() as Array<{ id: string; name: string }>;
}
