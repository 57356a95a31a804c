import { AppError } from '../../../shared/api/errors';
import type { AreaHandlers } from '../kit';
import { evidenceExists, findConclusion, insertConclusion, linkEvidence, listConclusions, updateConclusion } from './repository';

const conclusionGone = () => new AppError('NOT_FOUND', 'That conclusion no longer exists.');

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
    if (!updateConclusion(db, id, changes, ctx.clock())) throw conclusionGone();
    return findConclusion(db, id)!;
  },
  'conclusions.linkEvidence': ({ id, evidence }, ctx) => {
    const { db } = ctx.project;
    if (!findConclusion(db, id)) throw conclusionGone();
    if (!evidenceExists(db, evidence.kind, evidence.id)) throw new AppError('NOT_FOUND', `That ${evidence.kind} no longer exists.`);
    linkEvidence(db, id, evidence);
    return findConclusion(db, id)!;
  },
};
