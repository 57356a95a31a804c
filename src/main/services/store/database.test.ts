import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { damageTable, fileState } from '../../test-support/damage';
import { tempProjectPath } from '../../test-support/context';
import { createDatabase, latestVersion, migrate, openDatabase } from './database';

/** The error `open` throws, for a closer look than toThrow gives. */
function refusal(open: () => unknown): AppError {
  try {
    open();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was opened');
}

/** A closed project with a few rows in it. */
function projectFile(): string {
  const path = tempProjectPath();
  createDatabase(path, (db) => {
    db.prepare("INSERT INTO project_meta (key, value) VALUES ('name', 'Refusals')").run();
    const insert = db.prepare("INSERT INTO memos (id, title, body, target_kind, target_id, created_at, updated_at) VALUES (?, 'Memo', ?, 'project', NULL, 't', 't')");
    for (let i = 0; i < 200; i++) insert.run(`m${i}`, 'A memo body long enough to fill pages. '.repeat(20));
  });
  return path;
}

describe('openDatabase', () => {
  it('creates a project at the latest schema version with WAL and foreign keys on', () => {
    const path = tempProjectPath();
    const db = openDatabase(path, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const strictTables = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1").pluck().all();
    expect(strictTables).toEqual(expect.arrayContaining(['sources', 'codes', 'codings', 'memos', 'claims', 'verdicts', 'conclusions']));
    db.close();
  });

  it('lets one connection at a time have a project: a second is refused with a clear message until the first closes', () => {
    const path = projectFile();
    const first = openDatabase(path);
    const second = refusal(() => openDatabase(path));
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toMatch(/is open in another Quarry window or process .*Close it there/);
    expect(second.details).toMatchObject({ problem: 'in-use', path });
    first.close();
    openDatabase(path).close();
  });

  it('refuses a damaged file at once, with a sentence and without writing to it', () => {
    const path = projectFile();
    damageTable(path, 'memos');
    const before = fileState(path);
    const error = refusal(() => openDatabase(path));
    expect(error.code).toBe('UNREADABLE');
    expect(error.message).toMatch(/^project\.quarry is damaged \(SQLite's check found: [^\n]+\)\. Quarry has not changed it; restore its latest good backup to go on working\.$/);
    expect(error.details).toMatchObject({ problem: 'damaged' });
    expect(fileState(path)).toBe(before);
  });

  it('refuses a file cut short, and an empty one, as damaged without writing to them', () => {
    const cut = projectFile();
    truncateSync(cut, 5000);
    const cutBefore = fileState(cut);
    expect(refusal(() => openDatabase(cut)).message).toMatch(/is damaged \(the file was cut short at 5,000 bytes\)/);
    expect(fileState(cut)).toBe(cutBefore);
    const paged = projectFile();
    truncateSync(paged, 4096 * 3);
    expect(refusal(() => openDatabase(paged)).message).toMatch(/is damaged \(the file was cut short: it holds 3 of its \d+ pages\)/);
    const empty = tempProjectPath();
    writeFileSync(empty, '');
    const emptyBefore = fileState(empty);
    expect(refusal(() => openDatabase(empty))).toMatchObject({ code: 'UNREADABLE', message: expect.stringMatching(/is damaged \(the file is empty\)/) });
    expect(fileState(empty)).toBe(emptyBefore);
  });

  it('refuses a project written by a newer Quarry, naming both versions, and leaves it untouched', () => {
    const path = tempProjectPath();
    const raw = new Database(path);
    raw.exec('CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT) STRICT; CREATE TABLE future (x INTEGER) STRICT');
    raw.pragma(`user_version = ${latestVersion + 5}`);
    raw.close();
    const before = fileState(path);
    const error = refusal(() => openDatabase(path));
    expect(error.code).toBe('PROJECT_TOO_NEW');
    expect(error.message).toBe(
      `project.quarry was saved by a newer version of Quarry (project format ${latestVersion + 5}; this Quarry reads up to ${latestVersion}). Update Quarry to open it; the file was not changed.`,
    );
    expect(fileState(path)).toBe(before);
  });

  it('refuses a file that is not a database, a database that is not a project and a folder, leaving each as it was', () => {
    const garbage = tempProjectPath();
    writeFileSync(garbage, 'this is not sqlite at all, just some text that happens to be long enough');
    const garbageBefore = fileState(garbage);
    expect(refusal(() => openDatabase(garbage))).toMatchObject({
      code: 'UNREADABLE',
      message: 'project.quarry is not a Quarry project file (it is not an SQLite database). Choose a file Quarry saved, or create a new project.',
      details: { problem: 'not-a-project' },
    });
    expect(fileState(garbage)).toBe(garbageBefore);
    const other = tempProjectPath();
    const raw = new Database(other);
    raw.exec('CREATE TABLE something (x)');
    raw.pragma('user_version = 3');
    raw.close();
    const otherBefore = fileState(other);
    expect(refusal(() => openDatabase(other)).message).toMatch(/is not a Quarry project file \(it is an SQLite database of another program\)/);
    expect(fileState(other)).toBe(otherBefore);
    const blank = tempProjectPath();
    new Database(blank).exec('VACUUM');
    expect(refusal(() => openDatabase(blank)).message).toMatch(/not a Quarry project file \(it is an SQLite database of another program|it is an empty SQLite database\)/);
    const folder = join(dirname(tempProjectPath()), 'folder.quarry');
    mkdirSync(folder);
    expect(refusal(() => openDatabase(folder)).message).toMatch(/is not a Quarry project file \(it is a folder or a device, not a file\)/);
  });

  it('creates a project whole or not at all, and never over an existing file', () => {
    const path = tempProjectPath();
    expect(() => createDatabase(path, () => {
      throw new Error('interrupted');
    })).toThrow('interrupted');
    expect(() => openDatabase(path)).toThrow(/no project file/);
    writeFileSync(path, 'my thesis');
    const before = fileState(path);
    expect(refusal(() => createDatabase(path, () => {}))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('There is already a file or folder at') });
    expect(fileState(path)).toBe(before);
    expect(readdirSync(dirname(path))).toEqual(['project.quarry']);
  });

  it('reports a missing file instead of creating one', () => {
    expect(() => openDatabase(tempProjectPath('missing.quarry'))).toThrow(/no project file/);
  });
});

describe('migrate', () => {
  it('applies all pending migrations in one transaction: a failing one rolls every one back', () => {
    const db = new Database(':memory:');
    const migrations = [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: 'two', sql: 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, migrations)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('a', 'b')").pluck().get()).toBe(0);
  });

  it('applies only the migrations a database lacks', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' }]);
    migrate(db, [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: 'two', sql: 'CREATE TABLE b (x INTEGER) STRICT;' },
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });
});
