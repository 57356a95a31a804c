import type { Memo, MemoTargetKind } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';

interface MemoRow {
  id: string;
  title: string;
  body: string;
  target_kind: MemoTargetKind;
  target_id: string | null;
  created_at: string;
  updated_at: string;
}

const toMemo = (r: MemoRow): Memo => ({
  id: r.id,
  title: r.title,
  body: r.body,
  targetKind: r.target_kind,
  targetId: r.target_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const columns = 'id, title, body, target_kind, target_id, created_at, updated_at';

export function listMemos(db: Db): Memo[] {
  return (db.prepare(`SELECT ${columns} FROM memos ORDER BY created_at, title`).all() as MemoRow[]).map(toMemo);
}

export function findMemo(db: Db, id: string): Memo | undefined {
  const row = db.prepare(`SELECT ${columns} FROM memos WHERE id = ?`).get(id) as MemoRow | undefined;
  return row && toMemo(row);
}

export function insertMemo(db: Db, memo: Memo): void {
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

const targetTables = { source: 'sources', code: 'codes', coding: 'codings' } as const;

/** Whether the thing a memo would be written on exists. */
export function memoTargetExists(db: Db, kind: keyof typeof targetTables, id: string): boolean {
  return db.prepare(`SELECT 1 FROM ${targetTables[kind]} WHERE id = ?`).get(id) !== undefined;
}
