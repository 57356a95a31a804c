import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { backupReasons, type BackupInfo, type BackupReason } from '../../../shared/domain/backups';
import { asProjectFileError, assertChecked, assertProject, inspectFile, lockProject, nativeBinding, projectFileError } from './database';

// Rotating backups of a project file, in a folder beside it (review.quarry-backups/). A backup
// is taken in a worker thread with SQLite's online backup API, from a snapshot, while the main
// thread goes on; it is written under a temporary name, checked by SQLite, and only then given
// its name, so every backup listed is whole and good. Restoring keeps the current file as a
// backup of its own ('replaced') before the restored one takes its place.

/** The newest backups kept, whatever their age. */
export const keepRecent = 10;
/** Older ones: the newest of each day, for this many days. */
export const keepDays = 30;

export const backupsFolderOf = (projectPath: string): string => `${resolve(projectPath)}-backups`;

const namePattern = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z)-(${backupReasons.join('|')})\\.quarry$`);
const partialSuffix = '.partial';

/** 2026-01-05T09-30-00.000Z-open.quarry: names sort by time and say why they were taken. */
const backupName = (at: Date, reason: BackupReason) => `${at.toISOString().replace(/:/g, '-')}-${reason}.quarry`;

function infoOf(folder: string, name: string): BackupInfo | null {
  const match = namePattern.exec(name);
  if (!match) return null;
  const [, stamp, reason] = match as unknown as [string, string, BackupReason];
  const at = stamp.replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3');
  const path = join(folder, name);
  // A backup deleted meanwhile (by a rotation elsewhere) is not listed.
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? { name, path, at, reason, bytes: stat.size } : null;
}

/** A project's backups, newest first; none when it has no backups folder. */
export function listBackups(projectPath: string): BackupInfo[] {
  const folder = backupsFolderOf(projectPath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => infoOf(folder, name))
    .filter((info): info is BackupInfo => info !== null)
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** The newest backup Quarry took of a good project (a 'replaced' one is a file as it was, good or not). */
export function latestGoodBackup(projectPath: string): BackupInfo | null {
  return listBackups(projectPath).find((b) => b.reason !== 'replaced') ?? null;
}

/** A name for a backup at `at` that no file in the folder has yet. */
function freeName(folder: string, at: Date, reason: BackupReason): string {
  let time = at.getTime();
  while (existsSync(join(folder, backupName(new Date(time), reason)))) time++;
  return backupName(new Date(time), reason);
}

const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');

// CommonJS evaluated in a worker thread, so that no part of a backup holds up the main thread.
// Given a `source`, it first copies the project: a read transaction fixes the snapshot (and says
// so), then SQLite's backup API copies it while the main thread goes on writing. Then it makes
// the copy a file of its own (a rollback journal, any write-ahead log folded in, so that a
// read-only connection can open it later), reads its schema version and tables, and runs
// SQLite's check of every page.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const open = (path, readonly) => new Database(path, { readonly, fileMustExist: true, nativeBinding: workerData.binding });
async function copy() {
  const source = open(workerData.source, true);
  try {
    source.pragma('busy_timeout = 5000');
    source.exec('BEGIN');
    source.prepare('SELECT count(*) FROM sqlite_schema').get();
    parentPort.postMessage({ snapshot: true });
    await source.backup(workerData.path, { progress: () => 2 ** 30 });
    source.exec('COMMIT');
  } finally {
    source.close();
  }
}
function settle() {
  const db = open(workerData.path, false);
  try {
    db.pragma('journal_mode = DELETE');
    const version = db.pragma('user_version', { simple: true });
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    const findings = db.pragma('quick_check(3)').map((row) => row.quick_check);
    return { version, tables, findings };
  } finally {
    db.close();
  }
}
(workerData.source ? copy() : Promise.resolve())
  .then(() => parentPort.postMessage(settle()))
  .catch((error) => parentPort.postMessage({ failed: { code: error.code, message: error.message } }));`;

type Settled = { version: number; tables: string[]; findings: string[] } | { failed: { code?: string; message: string } };

/** The worker's job; `cancel` ends it (the copy it was making is then left unfinished) and resolves once the worker, and its connections, are gone. */
interface Job {
  settled: Promise<Settled>;
  cancel(): Promise<void>;
}

function startWorker(path: string, source: string | null, onSnapshot: () => void): Job {
  const worker = new Worker(workerSource, { eval: true, workerData: { module: sqliteModule, binding: nativeBinding(), path, source } });
  const settled = new Promise<Settled>((resolvePromise, reject) => {
    worker.on('message', (message: Settled | { snapshot: true }) => {
      if ('snapshot' in message) onSnapshot();
      else resolvePromise(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the backup worker for ${basename(path)} ended early (${code})`)));
  });
  return { settled, cancel: () => worker.terminate().then(() => undefined) };
}

/** Refuses a settled copy that is not a Quarry project this Quarry can read, or is damaged, naming `shownAs`, the file the user knows. */
function assertGood(copy: string, shownAs: string, settled: Settled): void {
  try {
    if ('failed' in settled) throw Object.assign(new Error(settled.failed.message), { code: settled.failed.code });
    assertProject(settled.version, settled.tables, copy);
    assertChecked(settled.findings, copy);
  } catch (error) {
    throw relabel(asProjectFileError(error, copy), copy, shownAs);
  }
}

/** An error about a temporary copy, told about the file the user knows. */
function relabel(error: unknown, copy: string, shownAs: string): unknown {
  if (!(error instanceof AppError)) return error;
  const details = typeof error.details === 'object' && error.details !== null ? { ...error.details, path: shownAs } : error.details;
  return new AppError(error.code, error.message.replaceAll(basename(copy), basename(shownAs)), details);
}

/** Partial copies being written by this process right now, which rotation must leave alone. */
const inFlight = new Set<string>();

/** A backup being taken: `snapshot` resolves once the state it copies is fixed, `done` once it is checked and named. */
export interface BackupRun {
  snapshot: Promise<void>;
  done: Promise<BackupInfo>;
  /** Drops the backup unfinished (the project is closing); resolves once its worker has let go of the project. */
  cancel(): Promise<void>;
}

/**
 * Takes a backup of a project in a worker thread, checks it and keeps it under its name; then
 * thins out old backups. The copy is of the project as committed when the worker's read began;
 * the main thread writes on meanwhile. `done` fails with the project's 'damaged' error if the copy
 * fails SQLite's check: the copy is dropped, so no damaged backup ever takes a good one's place.
 */
export function startBackup(projectPath: string, reason: BackupReason, at: Date): BackupRun {
  const folder = backupsFolderOf(projectPath);
  mkdirSync(folder, { recursive: true });
  const name = freeName(folder, at, reason);
  const partial = join(folder, `${name}${partialSuffix}`);
  inFlight.add(partial);
  let snapshotTaken!: () => void;
  const snapshot = new Promise<void>((resolvePromise) => (snapshotTaken = resolvePromise));
  const job = startWorker(partial, projectPath, snapshotTaken);
  const done = job.settled
    .then((settled) => {
      assertGood(partial, projectPath, settled);
      renameSync(partial, join(folder, name));
      return rotate(folder, at, name).then(() => infoOf(folder, name)!);
    })
    .finally(() => {
      snapshotTaken();
      inFlight.delete(partial);
      rmSync(partial, { force: true });
      rmSync(`${partial}-journal`, { force: true });
    });
  return { snapshot, done, cancel: job.cancel };
}

/**
 * Keeps the newest `keepRecent` backups and, of older ones, the newest of each day for
 * `keepDays` days; the files restores replaced are kept until the user deletes them, and so is
 * `taken`, the backup just made, even if the clock says others are newer. Stray partial copies
 * (of a process that crashed mid-backup) go too.
 */
export async function rotate(folder: string, now: Date, taken?: string): Promise<void> {
  const names = readdirSync(folder);
  const doomed = names.filter((name) => name.endsWith(partialSuffix) && !inFlight.has(join(folder, name))).map((name) => join(folder, name));
  const automatic = names
    .map((name) => infoOf(folder, name))
    .filter((b): b is BackupInfo => b !== null && b.reason !== 'replaced' && b.name !== taken)
    .sort((a, b) => (a.name < b.name ? 1 : -1));
  const recent = automatic.slice(0, keepRecent);
  const daysKept = new Set(recent.map((b) => b.at.slice(0, 10)));
  const oldest = now.getTime() - keepDays * 86_400_000;
  for (const backup of automatic.slice(keepRecent)) {
    const day = backup.at.slice(0, 10);
    if (!daysKept.has(day) && Date.parse(backup.at) >= oldest) daysKept.add(day);
    else doomed.push(backup.path);
  }
  // Deleting a large file takes the file system a while: not on the main thread.
  await Promise.all(doomed.map((path) => rm(path, { force: true })));
}

/** What a restore did: the backup now in place, and the file it replaced, kept as a backup. */
export interface Restored {
  restored: string;
  kept: BackupInfo | null;
}

/**
 * Puts a backup in the project's place. The backup is copied and checked first (it is never
 * changed itself); then, holding the project's lock, the current file is kept as a 'replaced'
 * backup, and only then does the checked copy take the project's name, by a rename, so a crash
 * leaves either the old file or the restored one. Refused while another process has the project
 * open; the caller closes its own session of it first.
 */
export async function restoreBackup(projectPath: string, backupPath: string, at: Date): Promise<Restored> {
  const project = resolve(projectPath);
  const backup = resolve(backupPath);
  if (backup === project) throw new AppError('VALIDATION', 'A project cannot be restored from itself: choose one of its backups.');
  // What is not a file, or not a project, is refused before anything is copied.
  inspectFile(backup);
  if (existsSync(project) && !statSync(project).isFile()) throw projectFileError('not-a-project', project, 'it is a folder or a device, not a file');
  if (!existsSync(dirname(project))) throw new AppError('NOT_FOUND', `There is no folder ${dirname(project)} to restore the project into.`);
  const staging = join(dirname(project), `.${basename(project)}.restoring-${process.pid}`);
  const moveIn = () => renameSync(staging, project);
  try {
    copyFileSync(backup, staging);
    if (existsSync(`${backup}-wal`)) copyFileSync(`${backup}-wal`, `${staging}-wal`);
    assertGood(staging, backup, await startWorker(staging, null, () => {}).settled);
    if (!existsSync(project)) {
      moveIn();
      return { restored: backup, kept: null };
    }
    return { restored: backup, kept: keepAndReplace(project, at, moveIn) };
  } finally {
    for (const leftover of [staging, `${staging}-wal`, `${staging}-shm`, `${staging}-journal`]) rmSync(leftover, { force: true });
  }
}

/**
 * Keeps the project's current file in its backups folder as a 'replaced' backup (with its
 * write-ahead log folded in, or beside it if it cannot be) and then runs `replace`, holding the
 * project's lock all the while, so no other Quarry opens it meanwhile, and leaving no log behind
 * to be mistaken for the new file's.
 */
function keepAndReplace(project: string, at: Date, replace: () => void): BackupInfo {
  const folder = backupsFolderOf(project);
  mkdirSync(folder, { recursive: true });
  const target = join(folder, freeName(folder, at, 'replaced'));
  const lock = lockProject(project);
  try {
    foldLog(project);
    copyFileSync(project, target);
    if (existsSync(`${project}-wal`)) copyFileSync(`${project}-wal`, `${target}-wal`);
    rmSync(`${project}-wal`, { force: true });
    rmSync(`${project}-shm`, { force: true });
    replace();
  } finally {
    lock.close();
  }
  return infoOf(folder, basename(target))!;
}

/** Folds a project's write-ahead log into its file; a file too damaged for that keeps its log. */
function foldLog(project: string): void {
  try {
    const db = new Database(project, { nativeBinding: nativeBinding() });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch {
    // The log is then copied beside the kept file, so nothing in it is lost.
  }
}

/** A project file as it is now: its size and modification time, and its write-ahead log's. */
export function fingerprint(projectPath: string): string {
  return ['', '-wal']
    .map((side) => {
      const path = `${projectPath}${side}`;
      if (!existsSync(path)) return '-';
      const stat = statSync(path);
      return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
}

const openedFile = '.opened.json';

/** The fingerprint the project had when its last 'open' backup was taken, and that backup's name. */
export function lastOpenBackup(projectPath: string): { fingerprint: string; name: string } | null {
  try {
    return JSON.parse(readFileSync(join(backupsFolderOf(projectPath), openedFile), 'utf8')) as { fingerprint: string; name: string };
  } catch {
    return null;
  }
}

export function rememberOpenBackup(projectPath: string, print: string, name: string): void {
  writeFileSync(join(backupsFolderOf(projectPath), openedFile), JSON.stringify({ fingerprint: print, name }));
}
