import type { Memo, MemoTargetKind } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';

interface MemoRow {
  id: string;
  title: string;
  body: string;
  target_kind: MemoTargetKind;
  target_id: string | null;
  about: string | null;
  created_at: string;
  updated_at: string;
}

const toMemo = (r: MemoRow): Memo => ({
  id: r.id,
  title: r.title,
  body: r.body,
  targetKind: r.target_kind,
  targetId: r.target_id,
  about: r.about,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const columns = 'id, title, body, target_kind, target_id, created_at, updated_at';

/** A memo's columns and the name of what it is about (a coding is named by its code and source). */
const selectMemos = `SELECT m.id, m.title, m.body, m.target_kind, m.target_id, m.created_at, m.updated_at,
  CASE m.target_kind
    WHEN 'source' THEN (SELECT title FROM sources WHERE id = m.target_id)
    WHEN 'code' THEN (SELECT name FROM codes WHERE id = m.target_id)
    WHEN 'coding' THEN (SELECT k.name || ' — ' || s.title FROM codings c JOIN codes k ON k.id = c.code_id JOIN sources s ON s.id = c.source_id WHERE c.id = m.target_id)
    WHEN 'case' THEN (SELECT name FROM cases WHERE id = m.target_id)
    WHEN 'theme' THEN (SELECT name FROM themes WHERE id = m.target_id)
    WHEN 'conclusion' THEN (SELECT statement FROM conclusions WHERE id = m.target_id)
    WHEN 'display' THEN (SELECT name FROM displays WHERE id = m.target_id)
  END AS about
  FROM memos m`;

export function listMemos(db: Db): Memo[] {
  return (db.prepare(`${selectMemos} ORDER BY m.created_at, m.title`).all() as MemoRow[]).map(toMemo);
}

export function findMemo(db: Db, id: string): Memo | undefined {
  const row = db.prepare(`${selectMemos} WHERE m.id = ?`).get(id) as MemoRow | undefined;
  return row && toMemo(row);
}

export function insertMemo(db: Db, memo: Omit<Memo, 'about'>): void {
  db.prepare(
    `INSERT INTO memos (${columns}) VALUES (@id, @title, @body, @targetKind, @targetId, @createdAt, @updatedAt)`,
  ).run(memo);
}

export function updateMemo(db: Db, id: string, changes: { title?: string; body?: string }, now: string): void {
  db.prepare('UPDATE memos SET title = coalesce(?, title), body = coalesce(?, body), updated_at = ? WHERE id = ?').run(
    changes.title ?? null,
    changes.body ?? null,
    now,
    id,
  );
}

export function deleteMemo(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM memos WHERE id = ?').run(id).changes > 0;
}

/** Memos point at rows of several tables, so no foreign key can clear them: do it here. */
export function deleteMemosOf(db: Db, kind: MemoTargetKind, ids: readonly string[]): void {
  const remove = db.prepare('DELETE FROM memos WHERE target_kind = ? AND target_id = ?');
  for (const id of ids) remove.run(kind, id);
}

/** Moves the memos on one thing to another of its kind (a merged code's to the code it went into, say). */
export function retargetMemos(db: Db, kind: MemoTargetKind, fromId: string, toId: string): void {
  db.prepare('UPDATE memos SET target_id = ? WHERE target_kind = ? AND target_id = ?').run(toId, kind, fromId);
}

const targetTables = {
  source: 'sources',
  code: 'codes',
  coding: 'codings',
  case: 'cases',
  theme: 'themes',
  conclusion: 'conclusions',
  display: 'displays',
} as const;

/** Whether the thing a memo would be written on exists. */
export function memoTargetExists(db: Db, kind: keyof typeof targetTables, id: string): boolean {
  return db.prepare(`SELECT 1 FROM ${targetTables[kind]} WHERE id = ?`).get(id) !== undefined;
}
