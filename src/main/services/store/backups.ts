import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { backupReasons, type BackupInfo, type BackupReason } from '../../../shared/domain/backups';
import { asProjectFileError, assertChecked, checkProject, inspectFile, nativeBinding, type Db } from './database';

// Rotating backups of a project file, in a folder beside it (review.quarry-backups/). A backup
// is taken with SQLite's online backup API from the project's own connection — the only one its
// exclusive lock allows — a few hundred pages per step, so the event loop keeps running; it is
// written under a temporary name, checked by SQLite in a worker thread, and only then given its
// name, so every backup listed is whole and good. Restoring keeps the current file as a backup
// of its own ('replaced') before the restored one takes its place.

/** The newest backups kept, whatever their age. */
export const keepRecent = 10;
/** Older ones: the newest of each day, for this many days. */
export const keepDays = 30;
/** Pages copied per step: about 1 MB, a few milliseconds of the main thread. */
const pagesPerStep = 256;

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
  return { name, path, at, reason, bytes: statSync(path).size };
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

// CommonJS evaluated in a worker: SQLite's page-by-page check of a whole file, off the main thread.
const quickCheckSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true, nativeBinding: workerData.binding });
try { parentPort.postMessage(db.pragma('quick_check(3)').map((row) => row.quick_check)); } finally { db.close(); }`;

/** SQLite's quick_check of a closed file (rollback journal), in a worker thread; resolves with its findings, ['ok'] when good. */
function quickCheckInWorker(path: string): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(quickCheckSource, { eval: true, workerData: { module: sqliteModule, path, binding: nativeBinding() } });
    worker.once('message', (findings: string[]) => resolvePromise(findings));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the check of ${basename(path)} ended early (${code})`)));
  });
}

/**
 * Makes a copy a file of its own that a read-only connection can open (a rollback journal, with
 * any write-ahead log folded in), refusing what is not a Quarry project Quarry can read, then
 * checks every page of it off the main thread.
 */
async function settleAndCheck(copy: string, shownAs: string): Promise<void> {
  try {
    inspectFile(copy);
    const db = new Database(copy, { nativeBinding: nativeBinding() });
    try {
      checkProject(db, copy, true);
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch (error) {
    throw relabel(asProjectFileError(error, copy), copy, shownAs);
  }
  assertChecked(await quickCheckInWorker(copy), shownAs);
}

/** An error about a temporary copy, told about the file the user knows. */
function relabel(error: unknown, copy: string, shownAs: string): unknown {
  if (!(error instanceof AppError)) return error;
  const details = typeof error.details === 'object' && error.details !== null ? { ...error.details, path: shownAs } : error.details;
  return new AppError(error.code, error.message.replaceAll(basename(copy), basename(shownAs)), details);
}

/** Partial copies being written by this process right now, which rotation must leave alone. */
const inFlight = new Set<string>();

/**
 * Takes a backup of the open project through its connection, checks it and keeps it under its
 * name; then thins out old backups. Throws the project's 'damaged' error if the copy fails its
 * check (the copy is dropped, so no damaged backup ever replaces a good one).
 */
export async function writeBackup(db: Db, projectPath: string, reason: BackupReason, at: Date, cancelled: () => boolean = () => false): Promise<BackupInfo> {
  const folder = backupsFolderOf(projectPath);
  mkdirSync(folder, { recursive: true });
  const name = freeName(folder, at, reason);
  const partial = join(folder, `${name}${partialSuffix}`);
  inFlight.add(partial);
  try {
    await db.backup(partial, {
      progress: () => {
        if (cancelled()) throw new Error('The backup was cancelled: the project was closed.');
        return pagesPerStep;
      },
    });
    await settleAndCheck(partial, projectPath);
    renameSync(partial, join(folder, name));
  } finally {
    inFlight.delete(partial);
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
  }
  rotate(folder, at);
  return infoOf(folder, name)!;
}

/**
 * Keeps the newest `keepRecent` backups and, of older ones, the newest of each day for
 * `keepDays` days; the files restores replaced are kept until the user deletes them. Stray
 * partial copies (of a process that crashed mid-backup) go too.
 */
export function rotate(folder: string, now: Date): void {
  const names = readdirSync(folder);
  for (const name of names) if (name.endsWith(partialSuffix) && !inFlight.has(join(folder, name))) rmSync(join(folder, name), { force: true });
  const automatic = names
    .map((name) => infoOf(folder, name))
    .filter((b): b is BackupInfo => b !== null && b.reason !== 'replaced')
    .sort((a, b) => (a.name < b.name ? 1 : -1));
  const recent = automatic.slice(0, keepRecent);
  const daysKept = new Set(recent.map((b) => b.at.slice(0, 10)));
  const oldest = now.getTime() - keepDays * 86_400_000;
  for (const backup of automatic.slice(keepRecent)) {
    const day = backup.at.slice(0, 10);
    if (!daysKept.has(day) && Date.parse(backup.at) >= oldest) daysKept.add(day);
    else rmSync(backup.path, { force: true });
  }
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
  if (!existsSync(backup)) throw new AppError('NOT_FOUND', `There is no backup at ${backup}.`);
  const staging = join(dirname(project), `.${basename(project)}.restoring-${process.pid}`);
  const moveIn = () => renameSync(staging, project);
  try {
    copyFileSync(backup, staging);
    if (existsSync(`${backup}-wal`)) copyFileSync(`${backup}-wal`, `${staging}-wal`);
    await settleAndCheck(staging, backup);
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
 * write-ahead log, if one is left) and then runs `replace`, holding the project's lock all the
 * while, so no other process writes it meanwhile and no log is left to be mistaken for the new
 * file's. A file too damaged for SQLite to lock is kept as it is: no Quarry can have it open.
 */
function keepAndReplace(project: string, at: Date, replace: () => void): BackupInfo {
  const folder = backupsFolderOf(project);
  mkdirSync(folder, { recursive: true });
  const target = join(folder, freeName(folder, at, 'replaced'));
  const lock = lockForReplacing(project);
  try {
    copyFileSync(project, target);
    if (existsSync(`${project}-wal`)) copyFileSync(`${project}-wal`, `${target}-wal`);
    rmSync(`${project}-wal`, { force: true });
    rmSync(`${project}-shm`, { force: true });
    replace();
  } finally {
    if (lock?.inTransaction) lock.exec('ROLLBACK');
    lock?.close();
  }
  return infoOf(folder, basename(target))!;
}

/** An exclusive transaction on the project, its log folded in first; null when the file is too damaged to lock. */
function lockForReplacing(project: string): Db | null {
  let db: Db | undefined;
  try {
    db = new Database(project, { nativeBinding: nativeBinding() });
    db.pragma('busy_timeout = 1000');
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db?.close();
    const explained = asProjectFileError(error, project);
    if (explained instanceof AppError && (explained.details as { problem?: string } | undefined)?.problem === 'in-use') throw explained;
    return null;
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
