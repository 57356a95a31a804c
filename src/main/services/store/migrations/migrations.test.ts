import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempProjectPath } from '../../../test-support/context';
import { migrate, openDatabase, type Db } from '../database';
import { migrations } from './index';

// Each migration upgrades a project that holds data written by the version before it: the
// data is written here as that version's Quarry wrote it (plain SQL against that schema),
// then the file is opened by today's Quarry and every row must still be there, intact.

/** A project file at schema `version`, made by applying the migrations up to it. */
function projectAt(version: number): { db: Db; path: string } {
  const path = tempProjectPath();
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  migrate(db, migrations.slice(0, version));
  db.pragma('foreign_keys = ON');
  return { db, path };
}

/** What each version's Quarry wrote, in its own schema; later versions' data builds on earlier ones'. */
const dataOf: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.exec(`
      INSERT INTO project_meta VALUES ('name', 'Old study'), ('language', 'de');
      INSERT INTO sources (id, title, kind, file_name, format, text, stage, created_at, updated_at) VALUES ('s1', 'Interview 1', 'transcript', 'i1.txt', 'txt', 'I: Hello 🙂.\n\nR: Parcels cost too much.', 'reduced', 't1', 't1');
      INSERT INTO sources (id, title, kind, file_name, format, text, stage, created_at, updated_at) VALUES ('m1', 'Manuscript', 'manuscript', 'm.md', 'md', 'Costs rise (Lim, 2020).\n\nReferences\n\nLim, K. (2020). Parcels. Trade, 3, 4–9.', 'collected', 't2', 't2');
      INSERT INTO source_attributes VALUES ('s1', 'country', 'Indonesia');
      INSERT INTO passages (id, source_id, ordinal, kind, level, start, end) VALUES ('p1', 's1', 0, 'paragraph', 0, 0, 12), ('p2', 's1', 1, 'paragraph', 0, 14, 38), ('p3', 'm1', 0, 'heading', 1, 25, 35);
      INSERT INTO codes (id, parent_id, name, color, definition, position, created_at) VALUES ('k1', NULL, 'Costs', '#4e79a7', 'Money matters', 0, 't1'), ('k2', 'k1', 'Shipping', '#f28e2b', '', 0, 't1');
      INSERT INTO codings (id, source_id, code_id, start, end, coder, created_at) VALUES ('c1', 's1', 'k2', 17, 38, 'me', 't3');
      INSERT INTO memos (id, title, body, target_kind, target_id, created_at, updated_at) VALUES ('n1', 'Hunch', 'Costs again', 'coding', 'c1', 't4', 't4'), ('n2', 'Plan', 'Code more', 'project', NULL, 't4', 't4');
      INSERT INTO reference_entries (id, source_id, ordinal, authors, year, title, raw, start, end, full_text_source_id)
        VALUES ('r1', 'm1', 0, '["Lim"]', '2020', 'Parcels', 'Lim, K. (2020). Parcels. Trade, 3, 4–9.', 37, 76, 's1');
      INSERT INTO citations VALUES ('ct1', 'm1', 0, '(Lim, 2020)', '["Lim"]', '2020', 11, 22, 'matched', 'lim|2020');
      INSERT INTO citation_references VALUES ('ct1', 'r1');
      INSERT INTO claims VALUES ('cl1', 'm1', 0, 'Costs rise (Lim, 2020).', 0, 23, '[]', 'costs rise');
      INSERT INTO claim_citations VALUES ('cl1', 'ct1');
      INSERT INTO verdicts VALUES ('v1', 'm1', 'costs rise', 'lim|2020', 'supported', 'ok', 's1', 17, 38, 't5');
      INSERT INTO audit_findings VALUES ('f1', 'm1', 0, 'uncited-claim', 'A figure', NULL, NULL, NULL, 0, 5);
      INSERT INTO conclusions (id, statement, status, created_at, updated_at) VALUES ('x1', 'Costs deter sellers.', 'verified', 't6', 't6'), ('x2', 'Later one.', 'tentative', 't7', 't7');
      INSERT INTO conclusion_evidence (conclusion_id, evidence_kind, evidence_id, stance) VALUES ('x1', 'coding', 'c1', 'supports'), ('x1', 'claim', 'cl1', 'contradicts');
    `);
  },
  2: (db) => {
    db.prepare("INSERT INTO search_segments VALUES (1, 1, 'de', 3, 7, x'00', 8, x'01', x'')").run();
  },
  3: (db) => {
    db.exec("INSERT INTO audit_runs VALUES ('m1', 't5', 25, 76, 'References')");
  },
  4: (db) => {
    db.exec(`
      INSERT INTO history_steps VALUES (1, 'Apply code ‘Shipping’ to 1 passage', 'codings.apply', '["codings","sources"]', 't3', 0);
      INSERT INTO history_ops VALUES (1, 1, 'codings', 'c1', 'DELETE FROM "codings" WHERE rowid = 1');
    `);
  },
  5: (db) => {
    db.exec(`
      UPDATE sources SET authors = '["Lim, K."]', year = '2020' WHERE id = 's1';
      UPDATE codings SET summary = 'Parcels too dear' WHERE id = 'c1';
      INSERT INTO cases VALUES ('cs1', 'Rina', 'A seller', 't8');
      INSERT INTO case_attributes VALUES ('cs1', 'region', 'Lombok');
      INSERT INTO case_members VALUES ('cm1', 'cs1', 's1', NULL, NULL);
      INSERT INTO attribute_definitions VALUES ('region', 'text');
      INSERT INTO themes VALUES ('t1', 'Money', 'theme', '', 0, 't8');
      INSERT INTO theme_codes VALUES ('t1', 'k1');
      INSERT INTO displays VALUES ('d1', 'matrix', 'Costs by interview', '{}', '{}', 't8', 't8');
      INSERT INTO text_marks VALUES ('s1', 0, 2, 'strong', NULL);
      INSERT INTO conclusion_tactics VALUES ('x1', 'triangulating', 1, 'two sources', 't9');
    `);
  },
};

/** Every row of every table, to compare what a migration kept. */
function rowsOf(db: Db, table: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
}

describe('migrations', () => {
  it('are numbered 1..n without gaps, in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('have data written for every version before the latest', () => {
    expect(Object.keys(dataOf).map(Number)).toEqual(migrations.slice(0, -1).map((m) => m.version));
  });

  it.each(migrations.slice(0, -1).map((m) => m.version))('upgrade a project written at version %i, keeping its data', (version) => {
    const { db, path } = projectAt(version);
    for (let v = 1; v <= version; v++) {
      // Data of earlier versions is written in the schema of `version`: it names its columns, so it fits
      // every later schema that kept them.
      dataOf[v]!(db);
    }
    const before = Object.fromEntries(
      (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).map((t) => [t, rowsOf(db, t)]),
    );
    db.close();

    const upgraded = openDatabase(path);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    for (const [table, rows] of Object.entries(before)) {
      const after = rowsOf(upgraded, table) as Array<Record<string, unknown>>;
      expect(after, table).toHaveLength(rows.length);
      // Every column a row had is still there with the same value; new columns take their defaults.
      (rows as Array<Record<string, unknown>>).forEach((row, i) => expect(after[i], `${table} row ${i}`).toMatchObject(row));
    }
    upgraded.close();
  });

  it('give rows of rebuilt tables the defaults the new columns ask for', () => {
    const { db, path } = projectAt(4);
    dataOf[1]!(db);
    db.close();
    const upgraded = openDatabase(path);
    expect(upgraded.prepare("SELECT authors, year FROM sources WHERE id = 's1'").get()).toEqual({ authors: '[]', year: null });
    expect(upgraded.prepare('SELECT id, position FROM conclusions ORDER BY position').all()).toEqual([
      { id: 'x1', position: 0 },
      { id: 'x2', position: 1 },
    ]);
    expect(upgraded.prepare("SELECT evidence_kind, tactic, note, position FROM conclusion_evidence WHERE conclusion_id = 'x1' ORDER BY position").all()).toEqual([
      { evidence_kind: 'coding', tactic: '', note: '', position: 0 },
      { evidence_kind: 'claim', tactic: '', note: '', position: 1 },
    ]);
    expect(upgraded.prepare("SELECT summary FROM codings WHERE id = 'c1'").pluck().get()).toBe('');
    // Cascades still work after the rebuild: a source's passages go with it.
    upgraded.prepare("DELETE FROM sources WHERE id = 's1'").run();
    expect(upgraded.prepare("SELECT count(*) FROM passages WHERE source_id = 's1'").pluck().get()).toBe(0);
    upgraded.close();
  });
});
