import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { openDatabase, type Db } from './database';

/**
 * Writes a copy of an open project to `target`, a file that must not exist yet, as one
 * consistent snapshot (SQLite's VACUUM INTO, which also leaves out free pages), then lets
 * `adjust` write to the copy alone (its own name, say). A copy that fails half-way is removed.
 */
export function copyProject(db: Db, target: string, adjust: (copy: Db) => void): void {
  if (existsSync(target)) throw new AppError('CONFLICT', `There is already a file at ${target}; choose another name, or move that file away first.`);
  if (!statSync(dirname(target), { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError('NOT_FOUND', `The folder ${dirname(target)} does not exist; choose a folder that does.`);
  }
  try {
    db.prepare('VACUUM INTO ?').run(target);
    const copy = openDatabase(target);
    try {
      adjust(copy);
    } finally {
      copy.close();
    }
  } catch (error) {
    rmSync(target, { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('UNREADABLE', `Quarry could not write a copy to ${target}: ${(error as Error).message}.`);
  }
}
