import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { tempProjectPath } from '../../test-support/context';
import { latestVersion, migrate, openDatabase } from './database';

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

  it('refuses a project written by a newer Quarry, naming both versions, and leaves it untouched', () => {
    const path = tempProjectPath();
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x INTEGER) STRICT');
    raw.pragma(`user_version = ${latestVersion + 5}`);
    raw.close();
    const error = (() => {
      try {
        openDatabase(path);
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('PROJECT_TOO_NEW');
    expect(error.message).toContain('newer version of Quarry');
    expect(error.message).toContain(String(latestVersion + 5));
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(latestVersion + 5);
    after.close();
  });

  it('refuses a file that is not a database, and a database that is not a project', () => {
    const garbage = tempProjectPath();
    writeFileSync(garbage, 'this is not sqlite at all, just some text that happens to be long enough');
    expect(() => openDatabase(garbage)).toThrow(/not a Quarry project|could not open/);
    const other = tempProjectPath();
    const raw = new Database(other);
    raw.exec('CREATE TABLE something (x)');
    raw.close();
    expect(() => openDatabase(other)).toThrow(/not a Quarry project/);
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
