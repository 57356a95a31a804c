import { AppError } from '../../../shared/api/errors';
import type { CodeMatrix, Memo } from '../../../shared/domain/model';
import {
  evidenceExists,
  findConclusion,
  insertConclusion,
  linkEvidence,
  listConclusions,
  updateConclusion,
} from '../../services/store/repositories/conclusions';
import { deleteMemo, findMemo, insertMemo, listMemos, updateMemo } from '../../services/store/repositories/memos';
import type { Db } from '../../services/store/database';
import type { AreaHandlers } from '../handler-types';

const targetTables = { source: 'sources', code: 'codes', coding: 'codings' } as const;

function assertTargetExists(db: Db, kind: keyof typeof targetTables, id: string): void {
  if (db.prepare(`SELECT 1 FROM ${targetTables[kind]} WHERE id = ?`).get(id) === undefined) {
    throw new AppError('NOT_FOUND', `The ${kind} this memo is for no longer exists.`);
  }
}

function requireMemo(db: Db, id: string): Memo {
  const memo = findMemo(db, id);
  if (!memo) throw new AppError('NOT_FOUND', 'That memo no longer exists.');
  return memo;
}

export function codeMatrix(db: Db): CodeMatrix {
  const sources = db.prepare('SELECT id, title FROM sources ORDER BY created_at, title').all() as Array<{ id: string; title: string }>;
  const column = new Map(sources.map((s, i) => [s.id, i]));
  const codeIds = db.prepare('SELECT id FROM codes ORDER BY position, name').pluck().all() as string[];
  const rows = new Map(codeIds.map((id) => [id, new Array<number>(sources.length).fill(0)]));
  const counts = db.prepare('SELECT code_id, source_id, count(*) AS n FROM codings GROUP BY code_id, source_id').all() as Array<{
    code_id: string;
    source_id: string;
    n: number;
  }>;
  for (const { code_id, source_id, n } of counts) {
    const row = rows.get(code_id);
    const index = column.get(source_id);
    if (row && index !== undefined) row[index] = n;
  }
  return { sources, rows: codeIds.map((codeId) => ({ codeId, counts: rows.get(codeId)! })) };
}

export const memosHandlers: AreaHandlers<'memos.'> = {
  'memos.list': (_input, ctx) => listMemos(ctx.project.db),
  'memos.create': ({ title, body, target }, ctx) => {
    const { db } = ctx.project;
    if (target.kind !== 'project') assertTargetExists(db, target.kind, target.id);
    const now = ctx.clock();
    const memo: Memo = {
      id: ctx.newId(),
      title,
      body,
      targetKind: target.kind,
      targetId: target.kind === 'project' ? null : target.id,
      createdAt: now,
      updatedAt: now,
    };
    ctx.project.search.change({ memoIds: [memo.id] }, () => insertMemo(db, memo));
    return memo;
  },
  'memos.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.project;
    requireMemo(db, id);
    ctx.project.search.change({ memoIds: [id] }, () => updateMemo(db, id, changes, ctx.clock()));
    return requireMemo(db, id);
  },
  'memos.remove': ({ id }, ctx) => {
    if (!ctx.project.search.change({ memoIds: [id] }, () => deleteMemo(ctx.project.db, id))) throw new AppError('NOT_FOUND', 'That memo no longer exists.');
    return { removed: true };
  },
};

export const displayHandlers: AreaHandlers<'display.'> = {
  'display.getMatrix': (_input, ctx) => codeMatrix(ctx.project.db),
};

export const conclusionsHandlers: AreaHandlers<'conclusions.'> = {
  'conclusions.list': (_input, ctx) => listConclusions(ctx.project.db),
  'conclusions.create': ({ statement, status }, ctx) => {
    const { db } = ctx.project;
    const id = ctx.newId();
    insertConclusion(db, { id, statement, status: status ?? 'tentative', now: ctx.clock() });
    return findConclusion(db, id)!;
  },
  'conclusions.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.project;
    if (!updateConclusion(db, id, changes, ctx.clock())) throw new AppError('NOT_FOUND', 'That conclusion no longer exists.');
    return findConclusion(db, id)!;
  },
  'conclusions.linkEvidence': ({ id, evidence }, ctx) => {
    const { db } = ctx.project;
    db.transaction(() => {
      if (!findConclusion(db, id)) throw new AppError('NOT_FOUND', 'That conclusion no longer exists.');
      if (!evidenceExists(db, evidence.kind, evidence.id)) throw new AppError('NOT_FOUND', `That ${evidence.kind} no longer exists.`);
      linkEvidence(db, id, evidence);
    })();
    return findConclusion(db, id)!;
  },
};
