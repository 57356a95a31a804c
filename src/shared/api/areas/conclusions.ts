import { z } from 'zod';
import { change, quoted, read } from '../method';
import { conclusionStatuses, type Conclusion } from '../../domain/model';

const id = z.string().min(1).max(100);

export const conclusionsContract = {
  'conclusions.list': read<Conclusion[]>(['conclusions', 'codings', 'audit'])(z.object({}).strict()),
  'conclusions.create': change<Conclusion>()(
    z.object({ statement: z.string().trim().min(1).max(5000), status: z.enum(conclusionStatuses).optional() }).strict(),
    { touches: ['conclusions'], label: (input) => `State conclusion ${quoted(input.statement)}` },
  ),
  'conclusions.update': change<Conclusion>()(
    z.object({ id, statement: z.string().trim().min(1).max(5000).optional(), status: z.enum(conclusionStatuses).optional() }).strict(),
    {
      touches: ['conclusions'],
      label: (input, c) => (input.statement === undefined && input.status ? `Mark conclusion ${quoted(c.statement)} ${c.status}` : `Edit conclusion ${quoted(c.statement)}`),
    },
  ),
  'conclusions.linkEvidence': change<Conclusion>()(
    z
      .object({ id, evidence: z.object({ kind: z.enum(['coding', 'claim']), id, stance: z.enum(['supports', 'contradicts']) }).strict() })
      .strict(),
    {
      touches: ['conclusions'],
      label: (input, c) => `Link ${input.evidence.stance === 'supports' ? 'supporting' : 'contradicting'} evidence to ${quoted(c.statement)}`,
    },
  ),
};
