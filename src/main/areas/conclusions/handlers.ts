import { AppError } from '../../../shared/api/errors';
import { trailMarkdown } from '../../../shared/domain/conclude/trail';
import { exportFileName } from '../../../shared/domain/display/saved';
import type { AreaHandlers } from '../kit';
import { advanceSources } from '../sources/advance-stage';
import {
  conclusionsAffected,
  conclusionTrail,
  deleteConclusion,
  evidenceCandidates,
  evidenceProblem,
  evidenceSources,
  findConclusion,
  insertConclusion,
  linkEvidence,
  listConclusions,
  moveConclusion,
  setTactic,
  unlinkEvidence,
  updateConclusion,
  updateEvidence,
} from './repository';

const conclusionGone = () => new AppError('NOT_FOUND', 'That conclusion no longer exists.');
const linkGone = () => new AppError('NOT_FOUND', 'That evidence is no longer linked to this conclusion.');

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
  'conclusions.remove': ({ id }, ctx) => {
    const { db } = ctx.project;
    const conclusion = findConclusion(db, id);
    if (!conclusion) throw conclusionGone();
    deleteConclusion(db, id);
    return { removed: true, statement: conclusion.statement };
  },
  'conclusions.move': ({ id, position }, ctx) => {
    const { db } = ctx.project;
    if (!findConclusion(db, id)) throw conclusionGone();
    moveConclusion(db, id, position);
    return findConclusion(db, id)!;
  },
  'conclusions.linkEvidence': ({ id, evidence }, ctx) => {
    const { db } = ctx.project;
    if (!findConclusion(db, id)) throw conclusionGone();
    const problem = evidenceProblem(db, evidence.kind, evidence.id);
    if (problem) throw new AppError('NOT_FOUND', problem);
    linkEvidence(db, id, evidence, ctx.clock());
    advanceSources(db, evidenceSources(db, evidence.kind, evidence.id), 'concluded');
    return findConclusion(db, id)!;
  },
  'conclusions.updateEvidence': ({ id, evidence, ...changes }, ctx) => {
    const { db } = ctx.project;
    if (!findConclusion(db, id)) throw conclusionGone();
    if (!updateEvidence(db, id, evidence, changes, ctx.clock())) throw linkGone();
    return findConclusion(db, id)!;
  },
  'conclusions.unlinkEvidence': ({ id, evidence }, ctx) => {
    const { db } = ctx.project;
    if (!findConclusion(db, id)) throw conclusionGone();
    if (!unlinkEvidence(db, id, evidence, ctx.clock())) throw linkGone();
    return findConclusion(db, id)!;
  },
  'conclusions.setTactic': ({ id, tactic, ...changes }, ctx) => {
    const { db } = ctx.project;
    if (!findConclusion(db, id)) throw conclusionGone();
    setTactic(db, id, tactic, changes, ctx.clock());
    return findConclusion(db, id)!;
  },
  'conclusions.affectedBy': (items, ctx) => conclusionsAffected(ctx.project.db, items),
  'conclusions.evidenceCandidates': ({ kind, query, limit }, ctx) => evidenceCandidates(ctx.project.db, kind, query, limit),
  'conclusions.trail': ({ id }, ctx) => {
    const trail = conclusionTrail(ctx.project.db, id);
    if (!trail) throw conclusionGone();
    return trail;
  },
  'conclusions.trailMarkdown': ({ id }, ctx) => {
    const trail = conclusionTrail(ctx.project.db, id);
    if (!trail) throw conclusionGone();
    return { fileName: exportFileName(`Evidence trail - ${trail.statement.slice(0, 60)}`, 'md'), markdown: trailMarkdown(trail, ctx.project.name) };
  },
};
