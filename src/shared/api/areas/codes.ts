import { z } from 'zod';
import { change, counted, quoted, read } from '../method';
import type { Code } from '../../domain/model';

const id = z.string().min(1).max(100);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb.');
const name = z.string().trim().min(1, 'A code needs a name.').max(200);
const criterion = z.string().max(5000);

const criteria = { definition: criterion.optional(), inclusion: criterion.optional(), exclusion: criterion.optional(), example: criterion.optional() };

type CodeChanges = { name?: string; color?: string; parentId?: string | null; definition?: string; inclusion?: string; exclusion?: string; example?: string; shortcut?: number | null };

/** Which change a codes.update makes, for its undo label. */
function updateLabel(input: CodeChanges & { id: string }, code: Code): string {
  const fields = (Object.keys(input) as Array<keyof typeof input>).filter((k) => k !== 'id' && input[k] !== undefined);
  if (fields.length !== 1) return `Edit code ${quoted(code.name)}`;
  switch (fields[0]) {
    case 'name':
      return `Rename code to ${quoted(code.name)}`;
    case 'color':
      return `Recolour code ${quoted(code.name)}`;
    case 'parentId':
      return `Move code ${quoted(code.name)}`;
    case 'shortcut':
      return input.shortcut === null ? `Take the key off code ${quoted(code.name)}` : `Give code ${quoted(code.name)} the key ${input.shortcut}`;
    default:
      return `Define code ${quoted(code.name)}`;
  }
}

export const codesContract = {
  'codes.list': read<Code[]>(['codes', 'codings'])(z.object({}).strict()),
  'codes.create': change<Code>()(z.object({ name, color: color.optional(), parentId: id.nullable().optional(), ...criteria }).strict(), {
    touches: ['codes'],
    label: (input) => `Create code ${quoted(input.name)}`,
  }),
  /** Colours are kept legible: one with less than 3:1 contrast on the page is darkened (rules/palette.ts). A key taken by another code moves to this one. */
  'codes.update': change<Code>()(
    z
      .object({ id, name: name.optional(), color: color.optional(), parentId: id.nullable().optional(), ...criteria, shortcut: z.number().int().min(1).max(9).nullable().optional() })
      .strict(),
    { touches: ['codes'], label: (input, code) => updateLabel(input, code) },
  ),
  /** Puts a code under `parentId` (null: the top level) at `index` among its new siblings. */
  'codes.move': change<Code>()(z.object({ id, parentId: id.nullable(), index: z.number().int().nonnegative() }).strict(), {
    touches: ['codes'],
    label: (_input, code) => `Move code ${quoted(code.name)}`,
  }),
  /**
   * Merges codes into another: their codings move to it (a coding of a span it already codes
   * collapses into that one, keeping both summaries, memos and evidence links), their sub-codes,
   * memos and themes follow, and the merged codes are deleted.
   */
  'codes.merge': change<{ into: Code; mergedNames: string[]; codingsMoved: number; duplicatesCollapsed: number }>()(
    z.object({ ids: z.array(id).min(1).max(500), intoId: id }).strict(),
    {
      touches: ['codes', 'codings', 'memos', 'themes', 'conclusions'],
      label: (_input, out) =>
        out.mergedNames.length === 1 ? `Merge code ${quoted(out.mergedNames[0])} into ${quoted(out.into.name)}` : `Merge ${counted(out.mergedNames.length, 'code')} into ${quoted(out.into.name)}`,
    },
  ),
  /** Splits a code: the chosen codings of it move to a new code, by default beside it. */
  'codes.split': change<{ code: Code; from: string; moved: number }>()(
    z.object({ id, codingIds: z.array(id).min(1).max(100_000), name, parentId: id.nullable().optional() }).strict(),
    { touches: ['codes', 'codings'], label: (_input, out) => `Split code ${quoted(out.from)}: move ${counted(out.moved, 'coding')} to ${quoted(out.code.name)}` },
  ),
  /** Deletes a code with its sub-codes, their codings and the memos on them. */
  'codes.remove': change<{ removed: true; name: string; codingsRemoved: number }>()(z.object({ id }).strict(), {
    touches: ['codes', 'codings', 'memos', 'themes', 'conclusions'],
    label: (_input, out) => `Delete code ${quoted(out.name)}${out.codingsRemoved ? ` and its ${out.codingsRemoved === 1 ? 'coding' : `${out.codingsRemoved} codings`}` : ''}`,
  }),
};
