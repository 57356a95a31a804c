import { AppError } from '../../../shared/api/errors';
import type { Coding } from '../../../shared/domain/model';
import {
  ancestorIds,
  deleteCode,
  deleteCodings,
  findCode,
  findSameCoding,
  findSiblingByName,
  insertCode,
  insertCoding,
  listCodes,
  listCodings,
  updateCode,
} from '../../services/store/repositories/codes';
import { deleteMemosOf } from '../../services/store/repositories/memos';
import { sourceText } from '../../services/store/repositories/sources';
import type { Db } from '../../services/store/database';
import type { AppContext } from '../context';
import type { AreaHandlers } from '../handler-types';

// Tableau 10: distinct hues that stay readable behind dark text.
const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

function requireCode(db: Db, id: string) {
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

/** Applies a code to a span; applying the same code to the same span twice is a no-op. */
export function applyCoding(ctx: AppContext, input: { sourceId: string; codeId: string; start: number; end: number }): Coding {
  const { db } = ctx.project;
  return db.transaction(() => {
    const text = sourceText(db, input.sourceId);
    if (text === undefined) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
    requireCode(db, input.codeId);
    if (input.end > text.length) {
      throw new AppError('VALIDATION', `The span ${input.start}–${input.end} runs past the end of the source (${text.length} characters).`);
    }
    const existing = findSameCoding(db, input.sourceId, input.codeId, input.start, input.end);
    if (existing) return existing;
    const coding: Coding = { id: ctx.newId(), ...input, coder: ctx.coder, createdAt: ctx.clock() };
    insertCoding(db, coding);
    // Coding a collected source is data reduction: the source has reached that stage.
    db.prepare("UPDATE sources SET stage = 'reduced' WHERE id = ? AND stage = 'collected'").run(input.sourceId);
    return coding;
  })();
}

export const codesHandlers: AreaHandlers<'codes.'> = {
  'codes.list': (_input, ctx) => listCodes(ctx.project.db),
  'codes.create': ({ name, color, parentId, definition }, ctx) => {
    const { db, search } = ctx.project;
    const id = ctx.newId();
    search.change({ codeIds: [id] }, db.transaction(() => {
      if (parentId) requireCode(db, parentId);
      assertUniqueName(db, parentId ?? null, name);
      const count = db.prepare('SELECT count(*) FROM codes').pluck().get() as number;
      insertCode(db, {
        id,
        parentId: parentId ?? null,
        name,
        color: color ?? palette[count % palette.length]!,
        definition: definition ?? '',
        now: ctx.clock(),
      });
    }));
    return findCode(db, id)!;
  },
  'codes.update': ({ id, ...changes }, ctx) => {
    const { db, search } = ctx.project;
    search.change({ codeIds: [id] }, db.transaction(() => {
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
    }));
    return findCode(db, id)!;
  },
  'codes.remove': ({ id }, ctx) => {
    const { db, search } = ctx.project;
    const codingsRemoved = search.change({ codeIds: [id] }, db.transaction(() => {
      requireCode(db, id);
      const subtree = db
        .prepare('WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN down ON c.parent_id = down.id) SELECT id FROM down')
        .pluck()
        .all(id) as string[];
      const codingIds = subtree.flatMap((codeId) => listCodings(db, { codeId }).map((c) => c.id));
      deleteMemosOf(db, 'coding', codingIds);
      deleteMemosOf(db, 'code', subtree);
      return deleteCode(db, id);
    }));
    return { removed: true, codingsRemoved };
  },
};

export const codingsHandlers: AreaHandlers<'codings.'> = {
  'codings.list': (filter, ctx) => listCodings(ctx.project.db, filter),
  'codings.apply': (input, ctx) => applyCoding(ctx, input),
  'codings.remove': ({ ids }, ctx) => {
    const { db } = ctx.project;
    const removed = db.transaction(() => {
      deleteMemosOf(db, 'coding', ids);
      return deleteCodings(db, ids);
    })();
    return { removed };
  },
};
