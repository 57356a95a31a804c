import type { Coding } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';

interface CodingRow {
  id: string;
  source_id: string;
  code_id: string;
  start: number;
  end: number;
  coder: string;
  created_at: string;
  summary: string;
}

const columns = 'id, source_id, code_id, start, end, coder, created_at, summary';

function toCoding(row: CodingRow): Coding {
  return { id: row.id, sourceId: row.source_id, codeId: row.code_id, start: row.start, end: row.end, coder: row.coder, createdAt: row.created_at, summary: row.summary };
}

export function listCodings(db: Db, filter: { sourceId?: string; codeId?: string } = {}): Coding[] {
  const rows = db
    .prepare(
      `SELECT ${columns} FROM codings
       WHERE (@sourceId IS NULL OR source_id = @sourceId) AND (@codeId IS NULL OR code_id = @codeId)
       ORDER BY source_id, start, end`,
    )
    .all({ sourceId: filter.sourceId ?? null, codeId: filter.codeId ?? null }) as CodingRow[];
  return rows.map(toCoding);
}

export function findCoding(db: Db, id: string): Coding | undefined {
  const row = db.prepare(`SELECT ${columns} FROM codings WHERE id = ?`).get(id) as CodingRow | undefined;
  return row && toCoding(row);
}

/** The coding of this code on exactly this span, other than `exceptId`. */
export function findSameCoding(db: Db, sourceId: string, codeId: string, start: number, end: number, exceptId = ''): Coding | undefined {
  const row = db
    .prepare(`SELECT ${columns} FROM codings WHERE source_id = ? AND code_id = ? AND start = ? AND end = ? AND id <> ? ORDER BY created_at, id LIMIT 1`)
    .get(sourceId, codeId, start, end, exceptId) as CodingRow | undefined;
  return row && toCoding(row);
}

export function insertCoding(db: Db, coding: Coding): void {
  insertCodings(db, [coding]);
}

/** Inserts many codings with one prepared statement (an import brings tens of thousands). */
export function insertCodings(db: Db, codings: readonly Coding[]): void {
  const insert = db.prepare(
    `INSERT INTO codings (${columns})
     VALUES (@id, @sourceId, @codeId, @start, @end, @coder, @createdAt, @summary)`,
  );
  for (const coding of codings) insert.run(coding);
}

export function deleteCodings(db: Db, ids: readonly string[]): number {
  const remove = db.prepare('DELETE FROM codings WHERE id = ?');
  let removed = 0;
  for (const id of ids) removed += remove.run(id).changes;
  return removed;
}

/** The codings of any of these codes. */
export function codingIdsOfCodes(db: Db, codeIds: readonly string[]): string[] {
  return db.prepare('SELECT id FROM codings WHERE code_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(codeIds)) as string[];
}

export function codingIdsOfSource(db: Db, sourceId: string): string[] {
  return db.prepare('SELECT id FROM codings WHERE source_id = ?').pluck().all(sourceId) as string[];
}

/** The codings of any of these codes, in place order. */
export function codingsOfCodes(db: Db, codeIds: readonly string[]): Coding[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM codings WHERE code_id IN (SELECT value FROM json_each(?)) ORDER BY source_id, start, end`)
    .all(JSON.stringify(codeIds)) as CodingRow[];
  return rows.map(toCoding);
}

/** Sets a coding's code, span and summary as given. */
export function rewriteCoding(db: Db, coding: Pick<Coding, 'id' | 'codeId' | 'start' | 'end' | 'summary'>): void {
  db.prepare('UPDATE codings SET code_id = @codeId, start = @start, end = @end, summary = @summary WHERE id = @id').run(coding);
}
