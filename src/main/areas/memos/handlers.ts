import { AppError } from '../../../shared/api/errors';
import type { Memo } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';
import { deleteEvidenceOf } from '../conclusions/repository';
import type { AreaHandlers } from '../kit';
import { deleteMemo, findMemo, insertMemo, listMemos, memoTargetExists, updateMemo } from './repository';

function requireMemo(db: Db, id: string): Memo {
  const memo = findMemo(db, id);
  if (!memo) throw new AppError('NOT_FOUND', 'That memo no longer exists.');
  return memo;
}

export const memosHandlers: AreaHandlers<'memos.'> = {
  'memos.list': (_input, ctx) => listMemos(ctx.project.db),
  'memos.create': ({ title, body, target }, ctx) => {
    const { db } = ctx.project;
    if (target.kind !== 'project' && !memoTargetExists(db, target.kind, target.id)) {
      throw new AppError('NOT_FOUND', `The ${target.kind} this memo is for no longer exists.`);
    }
    const now = ctx.clock();
    const id = ctx.newId();
    insertMemo(db, { id, title, body, targetKind: target.kind, targetId: target.kind === 'project' ? null : target.id, createdAt: now, updatedAt: now });
    return requireMemo(db, id);
  },
  'memos.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.project;
    requireMemo(db, id);
    updateMemo(db, id, changes, ctx.clock());
    return requireMemo(db, id);
  },
  'memos.remove': ({ id }, ctx) => {
    const { db } = ctx.project;
    const { title } = requireMemo(db, id);
    deleteEvidenceOf(db, 'memo', [id]);
    deleteMemo(db, id);
    return { removed: true, title };
  },
};
