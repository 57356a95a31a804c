import { z } from 'zod';
import { change, quoted, read } from '../method';
import type { Memo } from '../../domain/model';

const id = z.string().min(1).max(100);
const memoTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }).strict(),
  z.object({ kind: z.enum(['source', 'code', 'coding']), id }).strict(),
]);

export const memosContract = {
  'memos.list': read<Memo[]>(['memos'])(z.object({}).strict()),
  'memos.create': change<Memo>()(
    z.object({ title: z.string().trim().min(1).max(300), body: z.string().max(200_000), target: memoTarget }).strict(),
    { touches: ['memos'], label: (input) => `Write memo ${quoted(input.title)}` },
  ),
  'memos.update': change<Memo>()(
    z.object({ id, title: z.string().trim().min(1).max(300).optional(), body: z.string().max(200_000).optional() }).strict(),
    { touches: ['memos'], label: (_input, memo) => `Edit memo ${quoted(memo.title)}` },
  ),
  'memos.remove': change<{ removed: true; title: string }>()(z.object({ id }).strict(), {
    touches: ['memos', 'conclusions'],
    label: (_input, out) => `Delete memo ${quoted(out.title)}`,
  }),
};
