import { AppError } from '../../../shared/api/errors';
import { colourForNewCode } from '../../../shared/domain/rules/palette';
import type { Db } from '../../services/store/database';
import { codingIdsOfCodes } from '../codings/repository';
import { deleteCodingEvidence } from '../conclusions/repository';
import type { AreaHandlers } from '../kit';
import { deleteMemosOf } from '../memos/repository';
import { ancestorIds, countCodes, deleteCode, findCode, findSiblingByName, insertCode, listCodes, subtreeIds, updateCode } from './repository';

export function requireCode(db: Db, id: string) {
  const code = findCode(db, id);
  if (!code) throw new AppError('NOT_FOUND', 'That code no longer exists in this project.');
  return code;
}

function assertUniqueName(db: Db, parentId: string | null, name: string, selfId?: string): void {
  const clash = findSiblingByName(db, parentId, name);
  if (clash && clash.id !== selfId) {
    throw new AppError('CONFLICT', `There is already a code named "${name}" at this level of the codebook.`);
  }
}

export const codesHandlers: AreaHandlers<'codes.'> = {
  'codes.list': (_input, ctx) => listCodes(ctx.project.db),
  'codes.create': ({ name, color, parentId, definition }, ctx) => {
    const { db } = ctx.project;
    if (parentId) requireCode(db, parentId);
    assertUniqueName(db, parentId ?? null, name);
    const id = ctx.newId();
    insertCode(db, { id, parentId: parentId ?? null, name, color: color ?? colourForNewCode(countCodes(db)), definition: definition ?? '', now: ctx.clock() });
    return findCode(db, id)!;
  },
  'codes.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.project;
    const code = requireCode(db, id);
    const parentId = changes.parentId === undefined ? code.parentId : changes.parentId;
    if (parentId) {
      requireCode(db, parentId);
      if (ancestorIds(db, parentId).includes(id)) {
        throw new AppError('CONFLICT', `"${code.name}" cannot be moved under itself or one of its own sub-codes.`);
      }
    }
    assertUniqueName(db, parentId, changes.name ?? code.name, id);
    updateCode(db, id, changes);
    return findCode(db, id)!;
  },
  'codes.remove': ({ id }, ctx) => {
    const { db } = ctx.project;
    const { name } = requireCode(db, id);
    const subtree = subtreeIds(db, id);
    const codingIds = codingIdsOfCodes(db, subtree);
    // Memos point at rows of several tables, so no foreign key takes them along.
    deleteMemosOf(db, 'coding', codingIds);
    deleteMemosOf(db, 'code', subtree);
    deleteCodingEvidence(db, codingIds);
    deleteCode(db, id);
    return { removed: true, name, codingsRemoved: codingIds.length };
  },
};
