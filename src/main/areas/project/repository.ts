import type { Db } from '../../services/store/database';
import { tableTopics } from '../../services/store/tables';

export function readMeta(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM project_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Several settings at once, all or none: a new project's name, description and date. */
export function writeMetas(db: Db, entries: Record<string, string>): void {
  db.transaction(() => {
    for (const [key, value] of Object.entries(entries)) writeMeta(db, key, value);
  })();
}

const countedTables = ['sources', 'codes', 'codings', 'memos', 'cases', 'claims', 'conclusions'] as const;

export function countRows(db: Db): Record<(typeof countedTables)[number], number> {
  return db.prepare(`SELECT ${countedTables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`).get() as Record<(typeof countedTables)[number], number>;
}

/** Every row of the project's tables, read in one transaction so the snapshot is consistent. */
export function dumpTables(db: Db): Record<string, unknown[]> {
  return db.transaction(() => {
    const tables: Record<string, unknown[]> = {};
    // Every table a person's work lives in; the search index and the undo history are left out, being derived or about the work.
    for (const table of Object.keys(tableTopics)) {
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Array<Record<string, unknown>>;
      // The undo depth is a setting of the history, not part of the work.
      tables[table] = table === 'project_meta' ? rows.filter((r) => r.key !== 'history_depth') : rows;
    }
    return tables;
  })();
}
