import type { Db } from '../../services/store/database';

const idsParam = (ids: Iterable<string>) => JSON.stringify([...ids]);

export function sourcesAtStages(db: Db, stages: readonly string[]): string[] {
  return db.prepare('SELECT id FROM sources WHERE stage IN (SELECT value FROM json_each(?))').pluck().all(idsParam(stages)) as string[];
}

export function sourcesWithAttribute(db: Db, name: string, value: string): string[] {
  return db.prepare('SELECT source_id FROM source_attributes WHERE name = ? AND value = ?').pluck().all(name, value) as string[];
}

/** Passages overlapping a coding of one of these codes or of their sub-codes. */
export function passagesCodedWith(db: Db, codeIds: readonly string[]): string[] {
  return db
    .prepare(
      `WITH RECURSIVE down(id) AS (SELECT value FROM json_each(?) UNION SELECT c.id FROM codes c JOIN down ON c.parent_id = down.id)
       SELECT DISTINCT p.id FROM codings g JOIN passages p ON p.source_id = g.source_id AND p.start < g.end AND p.end > g.start
       WHERE g.code_id IN down`,
    )
    .pluck()
    .all(idsParam(codeIds)) as string[];
}

/** The turns that one of these speakers takes. */
export function passagesOfSpeakers(db: Db, speakers: readonly string[]): string[] {
  return db.prepare('SELECT id FROM passages WHERE speaker IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(speakers)) as string[];
}

/**
 * What cases hold: the sources they hold whole, and the passages overlapping a segment they
 * hold of another source (where only part of a source belongs to a case, only that part does).
 */
export function caseContents(db: Db, caseIds: readonly string[]): { wholeSources: Set<string>; partialSources: Set<string>; passages: Set<string> } {
  const ids = JSON.stringify(caseIds);
  const wholeSources = new Set(db.prepare('SELECT DISTINCT source_id FROM case_members WHERE start IS NULL AND case_id IN (SELECT value FROM json_each(?))').pluck().all(ids) as string[]);
  const segments = db
    .prepare(
      `SELECT DISTINCT p.id, p.source_id AS sourceId FROM case_members m JOIN passages p ON p.source_id = m.source_id AND p.start < m.end AND p.end > m.start
       WHERE m.start IS NOT NULL AND m.case_id IN (SELECT value FROM json_each(?))`,
    )
    .all(ids) as Array<{ id: string; sourceId: string }>;
  const partial = segments.filter((s) => !wholeSources.has(s.sourceId));
  return { wholeSources, partialSources: new Set(partial.map((s) => s.sourceId)), passages: new Set(partial.map((s) => s.id)) };
}

export interface Location {
  start: number;
  end: number;
}

/** Where passages, claims and references sit in their sources. */
export function locations(db: Db, ids: string[]): Map<string, Location> {
  const rows = db
    .prepare(
      `SELECT id, start, end FROM passages WHERE id IN (SELECT value FROM json_each(@ids))
       UNION ALL SELECT id, start, end FROM claims WHERE id IN (SELECT value FROM json_each(@ids))
       UNION ALL SELECT id, start, end FROM reference_entries WHERE id IN (SELECT value FROM json_each(@ids)) AND start IS NOT NULL`,
    )
    .all({ ids: idsParam(ids) }) as Array<{ id: string } & Location>;
  return new Map(rows.map((r) => [r.id, { start: r.start, end: r.end }]));
}

export function sourceTitles(db: Db, ids: Iterable<string>): Map<string, string> {
  const rows = db.prepare('SELECT id, title FROM sources WHERE id IN (SELECT value FROM json_each(?))').all(idsParam(ids)) as Array<{ id: string; title: string }>;
  return new Map(rows.map((r) => [r.id, r.title]));
}

export interface ClaimRow {
  id: string;
  sourceId: string;
  text: string;
  start: number;
}

export function findClaim(db: Db, claimId: string): ClaimRow | undefined {
  return db.prepare('SELECT id, source_id AS sourceId, text, start FROM claims WHERE id = ?').get(claimId) as ClaimRow | undefined;
}

/** Where each citation of a claim sits in the source. */
export function citationSpansOfClaim(db: Db, claimId: string): Location[] {
  return db.prepare('SELECT c.start, c.end FROM claim_citations cc JOIN citations c ON c.id = cc.citation_id WHERE cc.claim_id = ?').all(claimId) as Location[];
}

/** How many entries of the reference list a claim cites. */
export function citedEntryCount(db: Db, claimId: string): number {
  return db
    .prepare('SELECT count(DISTINCT cr.reference_id) FROM claim_citations cc JOIN citation_references cr ON cr.citation_id = cc.citation_id WHERE cc.claim_id = ?')
    .pluck()
    .get(claimId) as number;
}

/** The sources linked as full texts of the works a claim cites. */
export function fullTextsOfClaim(db: Db, claimId: string): Array<{ id: string; title: string }> {
  return db
    .prepare(
      `SELECT DISTINCT s.id, s.title FROM claim_citations cc
       JOIN citation_references cr ON cr.citation_id = cc.citation_id
       JOIN reference_entries r ON r.id = cr.reference_id
       JOIN sources s ON s.id = r.full_text_source_id
       WHERE cc.claim_id = ? ORDER BY s.title`,
    )
    .all(claimId) as Array<{ id: string; title: string }>;
}
