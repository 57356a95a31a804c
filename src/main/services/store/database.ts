import Database from 'better-sqlite3';
import { closeSync, existsSync, linkSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { BackupInfo, ProjectFileIssue, ProjectFileProblem } from '../../../shared/domain/backups';
import { latestVersion, migrations } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

/**
 * Where the native module lives. Tests and the CLI use the Node build that npm installs;
 * the Electron shell sets QUARRY_SQLITE_BINDING to a copy built for Electron's ABI, so
 * the two builds live side by side and neither replaces the other.
 */
export function nativeBinding(): string | undefined {
  const path = process.env.QUARRY_SQLITE_BINDING;
  return path && existsSync(path) ? path : undefined;
}

/** The page cache of a project's connections, in KiB (negative: SQLite's unit for a size in KiB). */
const CACHE_KIB = -65_536;

/** What every connection to a project sets, the app's own and a worker thread's alike. */
function tune(db: Db): void {
  // WAL with synchronous=NORMAL is durable against application crashes, which is
  // what "closing the app mid-way loses nothing" needs; FULL adds an fsync per commit.
  db.pragma('synchronous = NORMAL');
  // Up to 64 MiB of pages in memory (SQLite's default is 2 MiB): reading back a book's
  // thousands of new passages for the search index by id, or a large display, then hits memory.
  db.pragma(`cache_size = ${CACHE_KIB}`);
}

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise a missing file is NOT_FOUND). */
  create?: boolean;
}

const emptyFile = 'the file is empty';

/**
 * A project file Quarry refuses, and why: the message is for the user, the details for the UI.
 * For a damaged file, `backup` is its newest good backup (null: it has none; undefined: not looked for).
 */
export function projectFileError(problem: ProjectFileProblem, path: string, why?: string, backup?: BackupInfo | null): AppError {
  const name = basename(path);
  const because = why ? ` (${why})` : '';
  const details: ProjectFileIssue = { problem, path, ...(why ? { why } : {}), ...(backup !== undefined ? { backup } : {}) };
  switch (problem) {
    case 'in-use':
      return new AppError(
        'CONFLICT',
        `${name} is open in another Quarry window or process (the app, browser mode or the command line). Close it there and try again: one program at a time writes a project, so no change is lost.`,
        details,
      );
    case 'damaged': {
      const offer =
        backup === undefined
          ? 'restore its latest good backup to go on working'
          : backup !== null
            ? `restore its latest good backup, taken ${backup.at.replace('T', ' ').slice(0, 16)} UTC, to go on working (the damaged file is kept beside it)`
            : why === emptyFile
              ? 'it has no backups to restore, and an empty file holds nothing to recover: create a new project'
              : 'it has no backups to restore, so open a copy of it with an SQLite recovery tool (sqlite3 .recover)';
      return new AppError('UNREADABLE', `${name} is damaged${because}. Quarry has not changed it; ${offer}.`, details);
    }
    case 'not-a-project':
      return new AppError('UNREADABLE', `${name} is not a Quarry project file${because}. Choose a file Quarry saved, or create a new project.`, details);
  }
}

/** SQLite's own words for a damaged file, turned into a clear error; other errors are returned as they are. */
export function asProjectFileError(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (error instanceof AppError || typeof code !== 'string') return error;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ') {
    return projectFileError('damaged', path, `SQLite says: ${(error as Error).message}`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return projectFileError('in-use', path);
  return error;
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Looks at a file before SQLite opens it, so that a file Quarry refuses is never written:
 * SQLite would make an empty file a new database, and a cut-short one shows its damage only
 * when a missing page is read.
 */
export function inspectFile(path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw projectFileError('not-a-project', path, 'it is a folder or a device, not a file');
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `There is no project file at ${path}.`);
    if (error instanceof AppError) throw error;
    throw new AppError('UNREADABLE', `Quarry could not read ${path}: ${(error as Error).message}.`);
  }
  if (size === 0) throw projectFileError('damaged', path, emptyFile);
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, 16).equals(sqliteMagic)) throw projectFileError('not-a-project', path, 'it is not an SQLite database');
  if (size < 100) throw projectFileError('damaged', path, `the file was cut short at ${size} bytes`);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw projectFileError('damaged', path, 'its header is garbled');
  if (size % pageSize !== 0) throw projectFileError('damaged', path, `the file was cut short at ${size.toLocaleString('en')} bytes`);
  // The header's page count is trustworthy when its 'valid-for' stamp matches the change counter;
  // with a write-ahead log beside it, the log may hold pages the file has not received yet.
  const headerPages = header.readUInt32BE(28);
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  const walBytes = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
  if (countValid && walBytes === 0 && size < headerPages * pageSize) {
    throw projectFileError('damaged', path, `the file was cut short: it holds ${size / pageSize} of its ${headerPages} pages`);
  }
}

/**
 * The lock that makes one process at a time the writer of a project: SQLite's exclusive lock
 * (locking_mode=EXCLUSIVE, taken by an empty exclusive transaction) on a small file beside it,
 * review.quarry-lock, held until it is closed. A second process — the CLI while the app runs, a
 * second app — is refused with a clear message instead of interleaving its writes and working
 * from a stale search index and undo history. The operating system drops the lock when a process
 * ends, even by a crash, so none is ever left behind. The file itself stays: deleting a lock file
 * lets two processes each lock a file of that name.
 *
 * The lock is beside the project, not the project's own connection in exclusive mode, so that a
 * worker thread can read the project too: backups are taken there, off the main thread.
 */
export function lockProject(path: string): Db {
  let lock: Db | undefined;
  try {
    lock = new Database(`${path}-lock`, { nativeBinding: nativeBinding() });
    lock.pragma('locking_mode = EXCLUSIVE');
    // A process that is just closing the project lets go within moments: wait that long, no longer.
    lock.pragma('busy_timeout = 1000');
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
    return lock;
  } catch (error) {
    lock?.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) throw projectFileError('in-use', path);
    throw new AppError('UNREADABLE', `Quarry could not lock ${basename(path)} for writing (${(error as Error).message}): check that its folder can be written, or delete ${basename(path)}-lock if it is not Quarry's.`);
  }
}

/** A project's connection, which lets go of the project's lock, once it has taken it, when it closes. */
class ProjectDatabase extends Database {
  private lock: Db | null = null;

  constructor(path: string) {
    super(path, { nativeBinding: nativeBinding() });
  }

  takeLock(path: string): void {
    this.lock = lockProject(path);
  }

  override close(): this {
    try {
      if (this.open) super.close();
    } finally {
      if (this.lock?.open) this.lock.close();
    }
    return this;
  }
}

/**
 * Opens a project file for this process alone (see lockProject), refusing files from a newer
 * Quarry, files that are not projects and damaged ones — all before anything is written, and
 * those that are not projects before even a lock file is made beside them — and migrates older
 * ones. With `create`, makes a new database where there is no file yet, unlocked: createDatabase
 * gives it its name only once it is whole.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (exists && options.create) throw new AppError('CONFLICT', `There is already a file or folder at ${path}. Open it, or choose another name for the new project.`);
  if (!options.create) inspectFile(path);
  let db: ProjectDatabase;
  try {
    db = new ProjectDatabase(path);
  } catch (error) {
    throw new AppError('UNREADABLE', `Quarry could not open ${path}: ${(error as Error).message}.`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = checkProject(db, path, exists);
    if (exists) {
      db.takeLock(path);
      quickCheck(db, path);
    }
    db.pragma('journal_mode = WAL');
    tune(db);
    // Keys are off while migrations run, so a migration can rebuild a table (SQLite's
    // procedure for changing a constraint); migrate() checks them before it commits.
    db.pragma('foreign_keys = OFF');
    if (version < latestVersion) migrate(db, migrations, path);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw asProjectFileError(error, path);
  }
}

/** Reads the schema version, refusing what Quarry cannot open. */
function checkProject(db: Db, path: string, exists: boolean): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  if (exists) assertProject(version, tables, path);
  return version;
}

/** Refuses a database newer than this Quarry or not one of its projects, from its schema version and tables. */
export function assertProject(version: number, tables: readonly string[], path: string): void {
  if (version > latestVersion) throw tooNew(path, version, latestVersion);
  if (version === 0 || !tables.includes('project_meta')) {
    throw projectFileError('not-a-project', path, tables.length ? 'it is an SQLite database of another program' : 'it is an empty SQLite database');
  }
}

/** SQLite's quick check of every page (about 0.5 s per 200 MB): damage is found at open, not in the middle of work. */
function quickCheck(db: Db, path: string): void {
  assertChecked((db.pragma('quick_check(3)') as Array<{ quick_check: string }>).map((row) => row.quick_check), path);
}

/** Turns what quick_check found into the 'damaged' error, naming its first finding; 'ok' passes. */
export function assertChecked(findings: readonly string[], path: string): void {
  if (findings[0] === 'ok') return;
  const first = (findings[0] ?? 'no answer').replace(/^\*\*\* in database \w+ \*\*\*\s*/, '').split('\n')[0]!;
  throw projectFileError('damaged', path, `SQLite's check found: ${first}`);
}

/**
 * Creates a project file whole or not at all: it is built under a temporary name, filled by
 * `init`, closed, and only then given its name — never over a file that appeared meanwhile.
 * A crash while creating leaves at most a stray temporary file, never a half-made project.
 */
export function createDatabase(path: string, init: (db: Db) => void): void {
  const partial = `${path}.creating-${process.pid}`;
  rmSync(partial, { force: true });
  const db = openDatabase(partial, { create: true });
  try {
    db.transaction(() => init(db))();
  } finally {
    // Closing checkpoints the write-ahead log into the file and removes it.
    db.close();
  }
  try {
    linkSync(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('CONFLICT', `There is already a file or folder at ${path}. Open it, or choose another name for the new project.`);
    }
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
}

function tooNew(path: string, fileVersion: number, supportedVersion: number): AppError {
  return new AppError(
    'PROJECT_TOO_NEW',
    `${basename(path)} was saved by a newer version of Quarry (project format ${fileVersion}; this Quarry reads up to ${supportedVersion}). Update Quarry to open it; the file was not changed.`,
    { fileVersion, supportedVersion, path },
  );
}

/** Applies every pending migration in one transaction: a project is never half-migrated. */
export function migrate(db: Db, all: readonly Migration[], path = 'This project'): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > all.length) throw tooNew(path, current, all.length);
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

/**
 * Another connection to a project this process has open (and locked), for a worker thread that
 * writes to it (or, `readonly`, reads it): set up as openDatabase sets up its own, without
 * taking the lock again.
 */
export function joinProject(path: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(path, { fileMustExist: true, readonly: options.readonly ?? false, nativeBinding: nativeBinding() });
  db.pragma('busy_timeout = 5000');
  tune(db);
  db.pragma('foreign_keys = ON');
  return db;
}
