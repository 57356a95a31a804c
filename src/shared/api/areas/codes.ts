import { z } from 'zod';
import { change, quoted, read } from '../method';
import type { Code } from '../../domain/model';

const id = z.string().min(1).max(100);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb.');
const name = z.string().trim().min(1, 'A code needs a name.').max(200);

/** Which change a codes.update makes, for its undo label. */
function updateLabel(input: { name?: string; color?: string; parentId?: string | null; definition?: string }, code: Code): string {
  const changed = [input.name !== undefined, input.color !== undefined, input.parentId !== undefined, input.definition !== undefined].filter(Boolean).length;
  if (changed !== 1) return `Edit code ${quoted(code.name)}`;
  if (input.name !== undefined) return `Rename code to ${quoted(code.name)}`;
  if (input.color !== undefined) return `Recolour code ${quoted(code.name)}`;
  if (input.parentId !== undefined) return `Move code ${quoted(code.name)}`;
  return `Define code ${quoted(code.name)}`;
}

export const codesContract = {
  'codes.list': read<Code[]>(['codes', 'codings'])(z.object({}).strict()),
  'codes.create': change<Code>()(
    z.object({ name, color: color.optional(), parentId: id.nullable().optional(), definition: z.string().max(5000).optional() }).strict(),
    { touches: ['codes'], label: (input) => `Create code ${quoted(input.name)}` },
  ),
  'codes.update': change<Code>()(
    z
      .object({ id, name: name.optional(), color: color.optional(), parentId: id.nullable().optional(), definition: z.string().max(5000).optional() })
      .strict(),
    { touches: ['codes'], label: (input, code) => updateLabel(input, code) },
  ),
  /** Deletes a code with its sub-codes, their codings and the memos on them. */
  'codes.remove': change<{ removed: true; name: string; codingsRemoved: number }>()(z.object({ id }).strict(), {
    touches: ['codes', 'codings', 'memos', 'conclusions'],
    label: (_input, out) => `Delete code ${quoted(out.name)}${out.codingsRemoved ? ` and its ${out.codingsRemoved === 1 ? 'coding' : `${out.codingsRemoved} codings`}` : ''}`,
  }),
};
