import type { Topic } from '../../../shared/api/method';
import type { HistoryState, HistoryStep } from '../../../shared/domain/history';
import type { Db } from './database';
import { tableTopics, unrecordedTables } from './tables';

// Undo and redo of every change, after SQLite's own note on automatic undo/redo with
// triggers: while a change runs, temporary triggers on every table write, for each row it
// inserts, updates or deletes, the SQL statement that puts the row back. Undoing a step runs
// its statements newest first — and, because the triggers are still listening, records the
// statements that make the step again, which become its redo. Everything happens in the
// change's own transaction, so the history can never disagree with the data.
//
// A row whose parent was inserted in the same step, by a key that deletes it with its parent
// (ON DELETE CASCADE), needs no statement of its own: undoing the parent's insert takes it
// along. An import is one source row and thousands of passages, so its step holds one
// statement, and redoing it (the passages deleted by the cascade are recorded then) puts them
// back. The parents inserted so far in a step are noted in a temporary table while it runs.

export const defaultDepth = 500;

/** A row a step changed: which table, and its key (its id, where it has one). */
export interface RowChange {
  table: string;
  key: string | null;
}

export interface StepMeta {
  method: string;
  touches: readonly Topic[];
  at: string;
}

interface StepRow {
  id: number;
  label: string;
  method: string;
  touches: string;
  at: string;
}

const toStep = (row: StepRow): HistoryStep => ({ id: row.id, label: row.label, method: row.method, at: row.at, touches: JSON.parse(row.touches) as Topic[] });

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
  on_delete: string;
}

/** A table's key column: its id, its primary key or its key. */
function keyColumnOf(db: Db, table: string): string | undefined {
  const columns = db.pragma(`table_info(${ident(table)})`) as Array<{ name: string; pk: number }>;
  return (columns.find((c) => c.name === 'id') ?? columns.find((c) => c.pk === 1) ?? columns.find((c) => c.name === 'key'))?.name;
}

/** The keys by which a table's rows are deleted with a parent row: its column, and the parent's table and column. */
function cascadesOf(db: Db, table: string): Array<{ column: string; parent: string; parentColumn: string }> {
  return (db.pragma(`foreign_key_list(${ident(table)})`) as ForeignKey[])
    .filter((fk) => fk.on_delete === 'CASCADE')
    .map((fk) => ({ column: fk.from, parent: fk.table, parentColumn: fk.to ?? keyColumnOf(db, fk.table)! }));
}

/**
 * The temporary triggers that record one table's changes; temporary, so each connection makes
 * its own and a project file holds none. `cascades` are the keys this table's rows go with a
 * parent by; `parentColumns` are this table's columns that other tables' rows cascade from: an
 * insert notes them for those rows' triggers.
 */
function triggersFor(db: Db, table: string, cascades: ReturnType<typeof cascadesOf>, parentColumns: readonly string[]): string {
  const columns = db.pragma(`table_info(${ident(table)})`) as Array<{ name: string; pk: number }>;
  const keyColumn = keyColumnOf(db, table);
  const key = (row: 'new' | 'old') => (keyColumn ? `${row}.${ident(keyColumn)}` : 'NULL');
  const t = ident(table);
  const names = columns.map((c) => ident(c.name));
  const record = (name: string, event: string, row: 'new' | 'old', statement: string, when = '', also = '') => `
CREATE TEMP TRIGGER ${ident(`history_${table}_${name}`)} AFTER ${event} ON main.${t}
WHEN EXISTS (SELECT 1 FROM temp.history_recording)${when}
BEGIN
  INSERT INTO main.history_ops (step_id, table_name, row_key, statement)
  SELECT step_id, ${literal(table)}, ${key(row)}, ${statement} FROM temp.history_recording;${also}
END;`;
  const restore = columns.map((c) => `${literal(`${ident(c.name)} = `)} || quote(old.${ident(c.name)})`).join(` || ', ' || `);
  const values = columns.map((c) => `quote(old.${ident(c.name)})`).join(` || ', ' || `);
  // An update that leaves every value as it was is no change, and leaves no step.
  const changed = ` AND (${names.map((n) => `old.${n} IS NOT new.${n}`).join(' OR ')})`;
  const orphanless = cascades
    .map(
      ({ column, parent, parentColumn }) =>
        ` AND NOT EXISTS (SELECT 1 FROM temp.history_new_parents WHERE table_name = ${literal(parent)} AND column_name = ${literal(parentColumn)} AND value = new.${ident(column)})`,
    )
    .join('');
  const noteParent = parentColumns
    .map((column) => `
  INSERT OR IGNORE INTO temp.history_new_parents VALUES (${literal(table)}, ${literal(column)}, new.${ident(column)});`)
    .join('');
  return [
    record('insert', 'INSERT', 'new', `${literal(`DELETE FROM ${t} WHERE rowid = `)} || new.rowid`, orphanless, noteParent),
    record('update', 'UPDATE', 'new', `${literal(`UPDATE ${t} SET `)} || ${restore} || ' WHERE rowid = ' || old.rowid`, changed),
    record('delete', 'DELETE', 'old', `${literal(`INSERT INTO ${t} (rowid, ${names.join(', ')}) VALUES (`)} || old.rowid || ', ' || ${values} || ')'`),
  ].join('\n');
}

/** The undo history of one open project file. */
export class History {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
    const tables = db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const recorded = tables.filter((t) => !unrecordedTables.includes(t));
    const unknown = recorded.filter((t) => !(t in tableTopics));
    if (unknown.length) throw new Error(`No topic is declared for the table(s) ${unknown.join(', ')} in services/store/tables.ts.`);
    db.exec('CREATE TEMP TABLE IF NOT EXISTS history_recording (step_id INTEGER NOT NULL)');
    db.exec('CREATE TEMP TABLE IF NOT EXISTS history_new_parents (table_name TEXT NOT NULL, column_name TEXT NOT NULL, value, PRIMARY KEY (table_name, column_name, value)) WITHOUT ROWID');
    const cascades = new Map(recorded.map((t) => [t, cascadesOf(db, t)]));
    const parentColumns = new Map<string, Set<string>>();
    for (const table of recorded) {
      for (const { parent, parentColumn } of cascades.get(table)!) {
        if (!parentColumns.has(parent)) parentColumns.set(parent, new Set());
        parentColumns.get(parent)!.add(parentColumn);
      }
    }
    db.exec(recorded.map((t) => triggersFor(db, t, cascades.get(t)!, [...(parentColumns.get(t) ?? [])])).join('\n'));
  }

  /**
   * Runs `write` in one transaction and records what it changed as one step, named by
   * `label` from its output. A write that changes nothing leaves no step. Refuses (and rolls
   * back) a write that changes a table outside the topics it declared.
   */
  record<T>(meta: StepMeta, write: () => T, label: (output: T) => string): { output: T; step: HistoryStep | null; changes: RowChange[] } {
    return this.db.transaction(() => {
      const id = Number(
        this.db.prepare('INSERT INTO history_steps (label, method, touches, at) VALUES (?, ?, ?, ?)').run('', meta.method, JSON.stringify(meta.touches), meta.at)
          .lastInsertRowid,
      );
      const output = this.recording(id, write);
      const changes = this.changesOf(id);
      if (changes.length === 0) {
        this.db.prepare('DELETE FROM history_steps WHERE id = ?').run(id);
        return { output, step: null, changes };
      }
      const undeclared = [...new Set(changes.map((c) => c.table))].filter((t) => !meta.touches.includes(tableTopics[t]!));
      if (undeclared.length) {
        throw new Error(`${meta.method} wrote ${undeclared.map((t) => `${t} (${tableTopics[t]})`).join(', ')} without declaring it in its contract's touches.`);
      }
      // A new change forgets what was undone before it, as in every editor.
      this.db.prepare('DELETE FROM history_steps WHERE undone = 1').run();
      this.db.prepare('UPDATE history_steps SET label = ? WHERE id = ?').run(label(output), id);
      this.prune();
      return { output, step: this.step(id), changes };
    })();
  }

  /** Takes back the newest step; null when there is none. */
  undo(): { step: HistoryStep; changes: RowChange[] } | null {
    return this.replay('SELECT id, label, method, touches, at FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1', 1);
  }

  /** Makes the step undone last again; null when there is none. */
  redo(): { step: HistoryStep; changes: RowChange[] } | null {
    return this.replay('SELECT id, label, method, touches, at FROM history_steps WHERE undone = 1 ORDER BY id LIMIT 1', 0);
  }

  list(): HistoryState {
    const depth = this.depth();
    const undo = (this.db.prepare('SELECT id, label, method, touches, at FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT ?').all(depth) as StepRow[]).map(toStep);
    const redo = (this.db.prepare('SELECT id, label, method, touches, at FROM history_steps WHERE undone = 1 ORDER BY id').all() as StepRow[]).map(toStep);
    return { undo, redo, depth };
  }

  setDepth(depth: number): HistoryState {
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO project_meta (key, value) VALUES ('history_depth', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(depth));
      this.prune();
    })();
    return this.list();
  }

  /** Forgets every step; the project's data stays as it is. */
  clear(): HistoryState {
    this.db.prepare('DELETE FROM history_steps').run();
    return this.list();
  }

  private depth(): number {
    const stored = this.db.prepare("SELECT value FROM project_meta WHERE key = 'history_depth'").pluck().get() as string | undefined;
    return stored ? Number(stored) : defaultDepth;
  }

  private prune(): void {
    this.db
      .prepare('DELETE FROM history_steps WHERE undone = 0 AND id NOT IN (SELECT id FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT ?)')
      .run(this.depth());
  }

  private step(id: number): HistoryStep {
    return toStep(this.db.prepare('SELECT id, label, method, touches, at FROM history_steps WHERE id = ?').get(id) as StepRow);
  }

  private recording<T>(stepId: number, write: () => T): T {
    this.db.prepare('INSERT INTO temp.history_recording (step_id) VALUES (?)').run(stepId);
    try {
      return write();
    } finally {
      this.db.prepare('DELETE FROM temp.history_recording').run();
      this.db.prepare('DELETE FROM temp.history_new_parents').run();
    }
  }

  private changesOf(stepId: number): RowChange[] {
    return (this.db.prepare('SELECT DISTINCT table_name AS "table", row_key AS key FROM history_ops WHERE step_id = ?').all(stepId) as RowChange[]).map((c) => ({
      table: c.table,
      key: c.key === null ? null : String(c.key),
    }));
  }

  /** Runs a step's statements newest first, recording their inverse as the step's statements for the way back. */
  private replay(select: string, undone: 0 | 1): { step: HistoryStep; changes: RowChange[] } | null {
    return this.db.transaction(() => {
      const row = this.db.prepare(select).get() as StepRow | undefined;
      if (!row) return null;
      const statements = this.db.prepare('SELECT statement FROM history_ops WHERE step_id = ? ORDER BY id DESC').pluck().all(row.id) as string[];
      this.db.prepare('DELETE FROM history_ops WHERE step_id = ?').run(row.id);
      // Rows come back one at a time, a child possibly before its parent: check the keys at commit.
      this.db.pragma('defer_foreign_keys = ON');
      this.recording(row.id, () => {
        // In batches: one exec per statement would compile each of thousands separately.
        for (let i = 0; i < statements.length; i += 500) this.db.exec(statements.slice(i, i + 500).join(';\n'));
      });
      this.db.prepare('UPDATE history_steps SET undone = ? WHERE id = ?').run(undone, row.id);
      return { step: toStep(row), changes: this.changesOf(row.id) };
    })();
  }
}
