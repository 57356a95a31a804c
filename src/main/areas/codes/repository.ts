import type { Code } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';

interface CodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  shortcut: number | null;
  position: number;
  coding_count: number;
}

const codeColumns = `k.id, k.parent_id, k.name, k.color, k.definition, k.inclusion, k.exclusion, k.example, k.shortcut, k.position,
  (SELECT count(*) FROM codings c WHERE c.code_id = k.id) AS coding_count`;

function toCode(row: CodeRow): Code {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    color: row.color,
    definition: row.definition,
    inclusion: row.inclusion,
    exclusion: row.exclusion,
    example: row.example,
    shortcut: row.shortcut,
    position: row.position,
    codingCount: row.coding_count,
  };
}

export function listCodes(db: Db): Code[] {
  return (db.prepare(`SELECT ${codeColumns} FROM codes k ORDER BY k.position, k.name`).all() as CodeRow[]).map(toCode);
}

export function findCode(db: Db, id: string): Code | undefined {
  const row = db.prepare(`SELECT ${codeColumns} FROM codes k WHERE k.id = ?`).get(id) as CodeRow | undefined;
  return row && toCode(row);
}

export function findSiblingByName(db: Db, parentId: string | null, name: string): { id: string } | undefined {
  return db
    .prepare('SELECT id FROM codes WHERE parent_id IS ? AND lower(name) = lower(?)')
    .get(parentId, name) as { id: string } | undefined;
}

/** The chain from a code up to its root, the code itself first. */
export function ancestorIds(db: Db, id: string): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM codes WHERE id = ?
         UNION ALL SELECT c.id, c.parent_id FROM codes c JOIN up ON c.id = up.parent_id)
       SELECT id FROM up`,
    )
    .pluck()
    .all(id) as string[];
  return rows;
}

export interface CodeCriteria {
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
}

function nextPosition(db: Db, parentId: string | null): number {
  return (db.prepare('SELECT coalesce(max(position) + 1, 0) FROM codes WHERE parent_id IS ?').pluck().get(parentId) as number) ?? 0;
}

export function insertCode(db: Db, code: { id: string; parentId: string | null; name: string; color: string; now: string } & CodeCriteria): void {
  db.prepare(
    `INSERT INTO codes (id, parent_id, name, color, definition, inclusion, exclusion, example, position, created_at)
     VALUES (@id, @parentId, @name, @color, @definition, @inclusion, @exclusion, @example, @position, @now)`,
  ).run({
    ...code,
    definition: code.definition ?? '',
    inclusion: code.inclusion ?? '',
    exclusion: code.exclusion ?? '',
    example: code.example ?? '',
    position: nextPosition(db, code.parentId),
  });
}

type CodeCriteriaFields = Required<Omit<CodeCriteria, 'definition'>>;

/** A code with everything the codebook says about it, for exchange with other tools. */
export interface CodebookEntry extends CodeCriteriaFields {
  id: string;
  parentId: string | null;
  name: string;
  color: string;
  definition: string;
}

/** The whole codebook, parents' order kept (position, then name). */
export function listCodebook(db: Db): CodebookEntry[] {
  return db
    .prepare('SELECT id, parent_id AS parentId, name, color, definition, inclusion, exclusion, example FROM codes ORDER BY position, name')
    .all() as CodebookEntry[];
}

/** Fills a code's definition and criteria where they are empty; what a person wrote is never overwritten. */
export function fillEmptyCriteria(db: Db, id: string, criteria: { definition: string } & CodeCriteriaFields): void {
  db.prepare(
    `UPDATE codes SET
       definition = CASE WHEN definition = '' THEN @definition ELSE definition END,
       inclusion = CASE WHEN inclusion = '' THEN @inclusion ELSE inclusion END,
       exclusion = CASE WHEN exclusion = '' THEN @exclusion ELSE exclusion END,
       example = CASE WHEN example = '' THEN @example ELSE example END
     WHERE id = @id`,
  ).run({ ...criteria, id });
}

export function updateCode(
  db: Db,
  id: string,
  changes: { name?: string; color?: string; parentId?: string | null; shortcut?: number | null } & CodeCriteria,
): void {
  db.prepare(
    `UPDATE codes SET name = coalesce(@name, name), color = coalesce(@color, color), definition = coalesce(@definition, definition),
       inclusion = coalesce(@inclusion, inclusion), exclusion = coalesce(@exclusion, exclusion), example = coalesce(@example, example),
       parent_id = CASE WHEN @setParent THEN @parentId ELSE parent_id END,
       position = CASE WHEN @setParent AND parent_id IS NOT @parentId THEN @position ELSE position END,
       shortcut = CASE WHEN @setShortcut THEN @shortcut ELSE shortcut END
     WHERE id = @id`,
  ).run({
    id,
    name: changes.name ?? null,
    color: changes.color ?? null,
    definition: changes.definition ?? null,
    inclusion: changes.inclusion ?? null,
    exclusion: changes.exclusion ?? null,
    example: changes.example ?? null,
    setParent: changes.parentId !== undefined ? 1 : 0,
    parentId: changes.parentId ?? null,
    position: changes.parentId !== undefined ? nextPosition(db, changes.parentId) : 0,
    setShortcut: changes.shortcut !== undefined ? 1 : 0,
    shortcut: changes.shortcut ?? null,
  });
}

/** Takes a key off whichever code has it, so another can be given it (codes.shortcut is unique). */
export function clearShortcut(db: Db, digit: number, exceptId: string): void {
  db.prepare('UPDATE codes SET shortcut = NULL WHERE shortcut = ? AND id <> ?').run(digit, exceptId);
}

/** Places a code under `parentId` at `index` among its siblings, numbering the siblings' positions afresh. */
export function placeCode(db: Db, id: string, parentId: string | null, index: number): void {
  const siblings = db.prepare('SELECT id FROM codes WHERE parent_id IS ? AND id <> ? ORDER BY position, name').pluck().all(parentId, id) as string[];
  siblings.splice(Math.min(index, siblings.length), 0, id);
  db.prepare('UPDATE codes SET parent_id = ? WHERE id = ?').run(parentId, id);
  const setPosition = db.prepare('UPDATE codes SET position = ? WHERE id = ?');
  siblings.forEach((sibling, position) => setPosition.run(position, sibling));
}

/** The codes directly under a code. */
export function childIds(db: Db, id: string): string[] {
  return db.prepare('SELECT id FROM codes WHERE parent_id = ? ORDER BY position, name').pluck().all(id) as string[];
}

/** Deletes a code; its sub-codes and all their codings go with it (foreign keys cascade). */
export function deleteCode(db: Db, id: string): void {
  db.prepare('DELETE FROM codes WHERE id = ?').run(id);
}

/** The ids of a code and every code below it. */
export function subtreeIds(db: Db, id: string): string[] {
  return db
    .prepare('WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN down ON c.parent_id = down.id) SELECT id FROM down')
    .pluck()
    .all(id) as string[];
}

export function countCodes(db: Db): number {
  return db.prepare('SELECT count(*) FROM codes').pluck().get() as number;
}
