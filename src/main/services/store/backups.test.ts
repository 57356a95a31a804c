import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import type { BackupReason } from '../../../shared/domain/backups';
import { tempProjectPath } from '../../test-support/context';
import { damageTable, fileState } from '../../test-support/damage';
import { backupsFolderOf, keepDays, keepRecent, latestGoodBackup, listBackups, restoreBackup, rotate, startBackup } from './backups';
import { createDatabase, openDatabase, type Db } from './database';

function projectNamed(name: string): string {
  const path = tempProjectPath();
  createDatabase(path, (db) => db.prepare("INSERT INTO project_meta (key, value) VALUES ('name', ?)").run(name));
  return path;
}

const nameIn = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT value FROM project_meta WHERE key = 'name'").pluck().get();
  } finally {
    db.close();
  }
};

/** Enough memos to give their table pages of its own. */
function fillMemos(path: string): void {
  const db = new Database(path);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
    INSERT INTO memos (id, title, body, target_kind, target_id, created_at, updated_at)
    SELECT 'm' || i, 'Memo', printf('%.500c', 'x'), 'project', NULL, 't', 't' FROM n`);
  db.close();
}

const rename = (db: Db, name: string) => db.prepare("UPDATE project_meta SET value = ? WHERE key = 'name'").run(name);

const backUp = (path: string, reason: BackupReason, at: Date) => startBackup(path, reason, at).done;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('it succeeded');
}

describe('backups', () => {
  it('are taken from the open project into a folder beside it, checked, named by time and reason, and hold the project as it was when they began', async () => {
    const path = projectNamed('Before');
    const db = openDatabase(path);
    const run = startBackup(path, 'manual', new Date('2026-03-04T05:06:07.089Z'));
    await run.snapshot;
    // The project is written on while the worker copies it; the copy keeps the state it began with.
    rename(db, 'After');
    const info = await run.done;
    db.close();
    expect(info).toMatchObject({ name: '2026-03-04T05-06-07.089Z-manual.quarry', at: '2026-03-04T05:06:07.089Z', reason: 'manual' });
    expect(info.path).toBe(`${backupsFolderOf(path)}/${info.name}`);
    expect(info.bytes).toBeGreaterThan(4096);
    expect(listBackups(path)).toEqual([info]);
    // Only the finished backup is in the folder: no partial copy, journal or log.
    expect(readdirSync(backupsFolderOf(path))).toEqual([info.name]);
    expect(nameIn(info.path)).toBe('Before');
    expect(nameIn(path)).toBe('After');
  });

  it('of a damaged project are refused and dropped, so a damaged copy never takes a good one’s place', async () => {
    const path = projectNamed('Good');
    const db = openDatabase(path);
    const good = await backUp(path, 'open', new Date('2026-01-01T00:00:00Z'));
    db.close();
    fillMemos(path);
    // Opened before the damage, as a session would be when its disk fails under it.
    const open = openDatabase(path);
    open.close();
    damageTable(path, 'memos');
    const error = await refusal(backUp(path, 'timed', new Date('2026-01-01T00:10:00Z')));
    expect(error).toMatchObject({ code: 'UNREADABLE', details: { problem: 'damaged' } });
    expect(error.message).toMatch(/is damaged \(SQLite's check found: /);
    expect(listBackups(path)).toEqual([good]);
    expect(latestGoodBackup(path)).toEqual(good);
  });

  it('rotate: the newest ten stay, then the newest of each day for a month; replaced files and running copies are never removed', async () => {
    const path = projectNamed('Many');
    const folder = backupsFolderOf(path);
    const now = new Date('2026-06-30T12:00:00Z');
    const stamps: string[] = [];
    // Three backups a day (09:00, 10:00, 11:00), every day for 45 days, newest first, and one replaced file from long ago.
    for (let day = 0; day < 45; day++) {
      for (const hoursBefore of [1, 2, 3]) stamps.push(new Date(now.getTime() - day * 86_400_000 - hoursBefore * 3_600_000).toISOString());
    }
    mkdirSync(folder, { recursive: true });
    for (const at of stamps) writeFileSync(`${folder}/${at.replace(/:/g, '-')}-timed.quarry`, 'x');
    writeFileSync(`${folder}/2025-01-01T00-00-00.000Z-replaced.quarry`, 'x');
    writeFileSync(`${folder}/2026-06-30T11-30-00.000Z-timed.quarry.partial`, 'x');
    await rotate(folder, now);
    const left = listBackups(path);
    const automatic = left.filter((b) => b.reason !== 'replaced');
    expect(automatic.slice(0, keepRecent).map((b) => b.at)).toEqual(stamps.slice(0, keepRecent));
    const older = automatic.slice(keepRecent);
    const days = older.map((b) => b.at.slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
    expect(older.every((b) => Date.parse(b.at) >= now.getTime() - keepDays * 86_400_000)).toBe(true);
    // Days 0–3 are covered by the ten newest; days 4–29 keep their newest, of 11:00.
    expect(older.map((b) => b.at.slice(11, 13))).toEqual(Array(older.length).fill('11'));
    expect(older.length).toBe(keepDays - 4);
    expect(left.filter((b) => b.reason === 'replaced').map((b) => b.name)).toEqual(['2025-01-01T00-00-00.000Z-replaced.quarry']);
    expect(existsSync(`${folder}/2026-06-30T11-30-00.000Z-timed.quarry.partial`)).toBe(false);
    // A backup just taken stays even when a wrong clock gave ten others later names.
    const early = '2026-06-01T00-00-00.000Z-timed.quarry';
    writeFileSync(`${folder}/${early}`, 'x');
    await rotate(folder, now, early);
    expect(existsSync(`${folder}/${early}`)).toBe(true);
  });
});

describe('restoring a backup', () => {
  it('puts the backup in the project’s place and keeps the file it replaced, write-ahead log and all', async () => {
    const path = projectNamed('Monday');
    const db = openDatabase(path);
    const monday = await backUp(path, 'timed', new Date('2026-01-05T10:00:00Z'));
    rename(db, 'Tuesday');
    // The process is killed here: its last change is only in the write-ahead log.
    const wal = `${path}-wal`;
    expect(existsSync(wal)).toBe(true);
    const copy = `${path}.crashed`;
    copyFileSync(path, copy);
    copyFileSync(wal, `${copy}-wal`);
    db.close();
    copyFileSync(copy, path);
    copyFileSync(`${copy}-wal`, wal);
    const backupBefore = fileState(monday.path);

    const { kept } = await restoreBackup(path, monday.path, new Date('2026-01-06T09:00:00Z'));
    expect(nameIn(path)).toBe('Monday');
    expect(existsSync(wal)).toBe(false);
    expect(kept).toMatchObject({ reason: 'replaced', at: '2026-01-06T09:00:00.000Z' });
    expect(nameIn(kept!.path)).toBe('Tuesday');
    expect(fileState(monday.path)).toBe(backupBefore);
    expect(listBackups(path).map((b) => b.reason)).toEqual(['replaced', 'timed']);
    const reopened = openDatabase(path);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('is refused while another connection has the project open, leaving both files as they were', async () => {
    const path = projectNamed('Busy');
    const db = openDatabase(path);
    const backup = await backUp(path, 'manual', new Date('2026-01-05T10:00:00Z'));
    const error = await refusal(restoreBackup(path, backup.path, new Date('2026-01-05T11:00:00Z')));
    expect(error).toMatchObject({ code: 'CONFLICT', details: { problem: 'in-use' } });
    rename(db, 'Still mine');
    db.close();
    expect(nameIn(path)).toBe('Still mine');
    expect(listBackups(path).map((b) => b.reason)).toEqual(['manual']);
  });

  it('replaces a damaged or foreign file, keeping it as it was', async () => {
    const path = projectNamed('Good');
    const db = openDatabase(path);
    const backup = await backUp(path, 'open', new Date('2026-01-05T10:00:00Z'));
    db.close();
    writeFileSync(path, 'the disk returned garbage here');
    const { kept } = await restoreBackup(path, backup.path, new Date('2026-01-05T11:00:00Z'));
    expect(nameIn(path)).toBe('Good');
    expect(readFileSync(kept!.path, 'utf8')).toBe('the disk returned garbage here');
  });

  it('refuses a backup that is not a good project without touching the project', async () => {
    const path = projectNamed('Untouched');
    const before = fileState(path);
    const notes = `${path}.txt`;
    writeFileSync(notes, 'shopping list');
    const error = await refusal(restoreBackup(path, notes, new Date('2026-01-05T11:00:00Z')));
    expect(error).toMatchObject({ code: 'UNREADABLE', message: `${basename(notes)} is not a Quarry project file (it is not an SQLite database). Choose a file Quarry saved, or create a new project.` });
    const damaged = projectNamed('Damaged backup');
    fillMemos(damaged);
    damageTable(damaged, 'memos');
    expect(await refusal(restoreBackup(path, damaged, new Date('2026-01-05T11:00:00Z')))).toMatchObject({ code: 'UNREADABLE', details: { problem: 'damaged' } });
    expect(await refusal(restoreBackup(path, path, new Date()))).toMatchObject({ code: 'VALIDATION' });
    expect(fileState(path)).toBe(before);
    expect(listBackups(path)).toEqual([]);
    expect(readdirSync(dirname(path))).toEqual(['project.quarry', 'project.quarry.txt']);
  });
});
