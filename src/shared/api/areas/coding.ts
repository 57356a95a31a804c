import { z } from 'zod';
import { method } from '../method';
import type { Code, Coding } from '../../domain/model';

const id = z.string().min(1).max(100);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb.');
const offset = z.number().int().nonnegative();

export const codingContract = {
  'codes.list': method<Code[]>()(z.object({}).strict()),
  'codes.create': method<Code>()(
    z
      .object({
        name: z.string().trim().min(1, 'A code needs a name.').max(200),
        color: color.optional(),
        parentId: id.nullable().optional(),
        definition: z.string().max(5000).optional(),
      })
      .strict(),
  ),
  'codes.update': method<Code>()(
    z
      .object({
        id,
        name: z.string().trim().min(1, 'A code needs a name.').max(200).optional(),
        color: color.optional(),
        parentId: id.nullable().optional(),
        definition: z.string().max(5000).optional(),
      })
      .strict(),
  ),
  'codes.remove': method<{ removed: true; codingsRemoved: number }>()(z.object({ id }).strict()),
  'codings.list': method<Coding[]>()(z.object({ sourceId: id.optional(), codeId: id.optional() }).strict()),
  'codings.apply': method<Coding>()(
    z
      .object({ sourceId: id, codeId: id, start: offset, end: offset })
      .strict()
      .refine((v) => v.end > v.start, { message: 'A coding must cover at least one character (end > start).', path: ['end'] }),
  ),
  'codings.remove': method<{ removed: number }>()(z.object({ ids: z.array(id).min(1).max(100_000) }).strict()),
};
