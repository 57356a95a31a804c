import { z } from 'zod';
import { method } from '../method';
import { conclusionStatuses, memoTargetKinds, type CodeMatrix, type Conclusion, type Memo } from '../../domain/model';

const id = z.string().min(1).max(100);
const memoTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }).strict(),
  z.object({ kind: z.enum(memoTargetKinds.filter((k) => k !== 'project') as ['source', 'code', 'coding']), id }).strict(),
]);

export const analysisContract = {
  'memos.list': method<Memo[]>()(z.object({}).strict()),
  'memos.create': method<Memo>()(
    z.object({ title: z.string().trim().min(1).max(300), body: z.string().max(200_000), target: memoTarget }).strict(),
  ),
  'memos.update': method<Memo>()(
    z.object({ id, title: z.string().trim().min(1).max(300).optional(), body: z.string().max(200_000).optional() }).strict(),
  ),
  'memos.remove': method<{ removed: true }>()(z.object({ id }).strict()),
  'display.getMatrix': method<CodeMatrix>()(z.object({}).strict()),
  'conclusions.list': method<Conclusion[]>()(z.object({}).strict()),
  'conclusions.create': method<Conclusion>()(
    z.object({ statement: z.string().trim().min(1).max(5000), status: z.enum(conclusionStatuses).optional() }).strict(),
  ),
  'conclusions.update': method<Conclusion>()(
    z.object({ id, statement: z.string().trim().min(1).max(5000).optional(), status: z.enum(conclusionStatuses).optional() }).strict(),
  ),
  'conclusions.linkEvidence': method<Conclusion>()(
    z
      .object({ id, evidence: z.object({ kind: z.enum(['coding', 'claim']), id, stance: z.enum(['supports', 'contradicts']) }).strict() })
      .strict(),
  ),
};
