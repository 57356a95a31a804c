import { AppError } from '../../../shared/api/errors';
import type { Code } from '../../../shared/domain/model';
import { colourForNewCode, legibleCodeColour } from '../../../shared/domain/rules/palette';
import type { Db } from '../../services/store/database';
import type { AreaContext } from '../kit';
import { ancestorIds, countCodes, findCode, findSiblingByName, insertCode, type CodeCriteria } from './repository';

// Checks and the making of codes, shared by the codes area's handlers and by other areas that
// make or name codes (in-vivo coding, themes).

export function requireCode(db: Db, id: string): Code {
  const code = findCode(db, id);
  if (!code) throw new AppError('NOT_FOUND', 'That code no longer exists in this project.');
  return code;
}

export function assertUniqueName(db: Db, parentId: string | null, name: string, selfId?: string): void {
  const clash = findSiblingByName(db, parentId, name);
  if (clash && clash.id !== selfId) {
    throw new AppError('CONFLICT', `There is already a code named "${name}" at this level of the codebook.`);
  }
}

/** Refuses to put a code under itself or one of its own sub-codes. */
export function assertCanNestUnder(db: Db, code: Code, parentId: string | null): void {
  if (!parentId) return;
  requireCode(db, parentId);
  if (ancestorIds(db, parentId).includes(code.id)) {
    throw new AppError('CONFLICT', `"${code.name}" cannot be moved under itself or one of its own sub-codes.`);
  }
}

/**
 * Makes a code, inside the caller's change: in-vivo coding and splitting make codes too. Its
 * colour is the next of the palette unless one is given, and is kept legible on the page.
 */
export function createCode(ctx: AreaContext, input: { name: string; color?: string; parentId?: string | null } & CodeCriteria): Code {
  const { db } = ctx.project;
  const parentId = input.parentId ?? null;
  if (parentId) requireCode(db, parentId);
  assertUniqueName(db, parentId, input.name);
  const id = ctx.newId();
  insertCode(db, { ...input, id, parentId, color: legibleCodeColour(input.color ?? colourForNewCode(countCodes(db))), now: ctx.clock() });
  return findCode(db, id)!;
}
