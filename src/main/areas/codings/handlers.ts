import { deleteCodingEvidence } from '../conclusions/repository';
import type { AreaHandlers } from '../kit';
import { deleteMemosOf } from '../memos/repository';
import { applyCoding } from './apply-coding';
import { deleteCodings, listCodings } from './repository';

export const codingsHandlers: AreaHandlers<'codings.'> = {
  'codings.list': (filter, ctx) => listCodings(ctx.project.db, filter),
  'codings.apply': (input, ctx) => applyCoding(ctx, input),
  'codings.remove': ({ ids }, ctx) => {
    const { db } = ctx.project;
    deleteMemosOf(db, 'coding', ids);
    deleteCodingEvidence(db, ids);
    return { removed: deleteCodings(db, ids) };
  },
};
