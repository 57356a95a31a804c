import { z } from 'zod';
import { change, quoted, read } from '../method';
import { memoTargetKinds, type Memo, type MemoTargetKind } from '../../domain/model';

const id = z.string().min(1).max(100);
const memoTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }).strict(),
  z.object({ kind: z.enum(memoTargetKinds.filter((k) => k !== 'project') as [Exclude<MemoTargetKind, 'project'>, ...Array<Exclude<MemoTargetKind, 'project'>>]), id }).strict(),
]);

export const memosContract = {
  'memos.list': read<Memo[]>(['memos', 'sources', 'codes', 'codings', 'cases', 'themes', 'conclusions', 'displays'])(z.object({}).strict()),
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
