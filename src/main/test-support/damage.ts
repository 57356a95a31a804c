import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { Db } from '../services/store/database';

/** Which of SQLite's side files (write-ahead log, its index, a rollback journal) exist beside a project file. */
export function sideFiles(path: string): string[] {
  return ['-wal', '-shm', '-journal'].filter((side) => existsSync(`${path}${side}`));
}

/** The bytes of a project file and which of SQLite's side files exist: to show a refused file was left as it was. */
export function fileState(path: string): string {
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
  return `${hash} ${sideFiles(path).join(',')}`;
}

/**
 * Overwrites the root page of `table` in a project file with noise, as a failing disk would.
 * `open` is the connection that holds the file, if one does (its log is folded in first);
 * otherwise the file must be closed.
 */
export function damageTable(path: string, table: string, open?: Db): void {
  const db = open ?? new Database(path);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  if (!open) db.close();
  const noise = Buffer.alloc(pageSize);
  for (let i = 0; i < pageSize; i++) noise[i] = (i * 151 + 7) & 0xff;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, noise, 0, pageSize, (root - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
