import type { Theme, ThemeKind } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';

interface ThemeRow {
  id: string;
  name: string;
  kind: ThemeKind;
  description: string;
  position: number;
  created_at: string;
  code_ids: string;
}

const selectThemes = `SELECT t.id, t.name, t.kind, t.description, t.position, t.created_at,
  (SELECT json_group_array(tc.code_id) FROM (SELECT tc.code_id FROM theme_codes tc JOIN codes k ON k.id = tc.code_id
     WHERE tc.theme_id = t.id ORDER BY k.position, k.name) tc) AS code_ids
  FROM themes t`;

const toTheme = (row: ThemeRow): Theme => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  description: row.description,
  position: row.position,
  codeIds: JSON.parse(row.code_ids) as string[],
  createdAt: row.created_at,
});

export function listThemes(db: Db): Theme[] {
  return (db.prepare(`${selectThemes} ORDER BY t.position, t.name`).all() as ThemeRow[]).map(toTheme);
}

export function findTheme(db: Db, id: string): Theme | undefined {
  const row = db.prepare(`${selectThemes} WHERE t.id = ?`).get(id) as ThemeRow | undefined;
  return row && toTheme(row);
}

export function findThemeByName(db: Db, name: string): { id: string } | undefined {
  return db.prepare('SELECT id FROM themes WHERE lower(name) = lower(?)').get(name) as { id: string } | undefined;
}

export function insertTheme(db: Db, theme: { id: string; name: string; kind: ThemeKind; description: string; now: string }): void {
  const position = db.prepare('SELECT coalesce(max(position) + 1, 0) FROM themes').pluck().get() as number;
  db.prepare('INSERT INTO themes (id, name, kind, description, position, created_at) VALUES (@id, @name, @kind, @description, @position, @now)').run({
    ...theme,
    position,
  });
}

export function updateTheme(db: Db, id: string, changes: { name?: string; kind?: ThemeKind; description?: string }): void {
  db.prepare('UPDATE themes SET name = coalesce(?, name), kind = coalesce(?, kind), description = coalesce(?, description) WHERE id = ?').run(
    changes.name ?? null,
    changes.kind ?? null,
    changes.description ?? null,
    id,
  );
}

export function deleteTheme(db: Db, id: string): void {
  db.prepare('DELETE FROM themes WHERE id = ?').run(id);
}

export function addThemeCodes(db: Db, id: string, codeIds: readonly string[]): void {
  const add = db.prepare('INSERT OR IGNORE INTO theme_codes (theme_id, code_id) VALUES (?, ?)');
  for (const codeId of codeIds) add.run(id, codeId);
}

export function removeThemeCodes(db: Db, id: string, codeIds: readonly string[]): void {
  const remove = db.prepare('DELETE FROM theme_codes WHERE theme_id = ? AND code_id = ?');
  for (const codeId of codeIds) remove.run(id, codeId);
}

/** Puts `toCodeId` in every theme `fromCodeId` is in (a merged code's themes go to the code it went into). */
export function copyThemeMembership(db: Db, fromCodeId: string, toCodeId: string): void {
  db.prepare('INSERT OR IGNORE INTO theme_codes (theme_id, code_id) SELECT theme_id, ? FROM theme_codes WHERE code_id = ?').run(toCodeId, fromCodeId);
}
