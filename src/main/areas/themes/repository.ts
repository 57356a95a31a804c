import type { Db } from '../../services/store/database';

// Themes and categories group codes beside the hierarchy (REFI-QDA's sets, ATLAS.ti's code
// groups). Only what exchange with other tools needs is here so far.

export interface ThemeRow {
  id: string;
  name: string;
  description: string;
}

export function listThemes(db: Db): ThemeRow[] {
  return db.prepare('SELECT id, name, description FROM themes ORDER BY position, name').all() as ThemeRow[];
}

export function listThemeCodes(db: Db): Array<{ themeId: string; codeId: string }> {
  return db.prepare('SELECT theme_id AS themeId, code_id AS codeId FROM theme_codes ORDER BY rowid').all() as Array<{ themeId: string; codeId: string }>;
}

/** Theme names are unique regardless of case. */
export function findThemeByName(db: Db, name: string): ThemeRow | undefined {
  return db.prepare('SELECT id, name, description FROM themes WHERE lower(name) = lower(?)').get(name) as ThemeRow | undefined;
}

export function insertTheme(db: Db, theme: ThemeRow & { now: string }): void {
  const position = db.prepare('SELECT coalesce(max(position) + 1, 0) FROM themes').pluck().get() as number;
  db.prepare('INSERT INTO themes (id, name, description, position, created_at) VALUES (@id, @name, @description, @position, @now)').run({ ...theme, position });
}

export function addThemeCode(db: Db, themeId: string, codeId: string): void {
  db.prepare('INSERT INTO theme_codes (theme_id, code_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(themeId, codeId);
}
