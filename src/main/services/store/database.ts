import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import { latestVersion, migrations } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

/**
 * Where the native module lives. Tests and the CLI use the Node build that npm installs;
 * the Electron shell sets QUARRY_SQLITE_BINDING to a copy built for Electron's ABI, so
 * the two builds live side by side and neither replaces the other.
 */
function nativeBinding(): string | undefined {
  const path = process.env.QUARRY_SQLITE_BINDING;
  return path && existsSync(path) ? path : undefined;
}

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise a missing file is NOT_FOUND). */
  create?: boolean;
  readonly?: boolean;
}

/** Opens a project file, refusing files from a newer Quarry, and migrates older ones. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (!options.create && path !== ':memory:' && !existsSync(path)) {
    throw new AppError('NOT_FOUND', `There is no project file at ${path}.`);
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, nativeBinding: nativeBinding() });
  } catch (error) {
    throw new AppError('UNREADABLE', `Quarry could not open ${path}: ${(error as Error).message}.`);
  }
  try {
    assertIsProject(db, path);
    db.pragma('busy_timeout = 5000');
    if (!options.readonly && path !== ':memory:') db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL is durable against application crashes, which is
    // what "closing the app mid-way loses nothing" needs; FULL adds an fsync per commit.
    db.pragma('synchronous = NORMAL');
    // Keys are off while migrations run, so a migration can rebuild a table (SQLite's
    // procedure for changing a constraint); migrate() checks them before it commits.
    db.pragma('foreign_keys = OFF');
    migrate(db, migrations, path);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertIsProject(db: Db, path: string): void {
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0 && tables.length > 0) {
      throw new AppError('UNREADABLE', `${path} is an SQLite database but not a Quarry project.`);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UNREADABLE', `${path} is not a Quarry project file (${(error as Error).message}).`);
  }
}

/** Applies every pending migration in one transaction: a project is never half-migrated. */
export function migrate(db: Db, all: readonly Migration[], path = 'This project'): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = all.length;
  if (current > latest) {
    throw new AppError(
      'PROJECT_TOO_NEW',
      `${path} was saved by a newer version of Quarry (project format ${current}; this Quarry reads up to ${latest}). Update Quarry to open it.`,
      { fileVersion: current, supportedVersion: latest },
    );
  }
  const pending = all.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`Migrating left ${broken.length} rows pointing at rows that do not exist.`);
  })();
}

export { latestVersion };
