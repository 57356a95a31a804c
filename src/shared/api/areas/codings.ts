import { z } from 'zod';
import { change, counted, quoted, read } from '../method';
import type { Code, Coding } from '../../domain/model';

const id = z.string().min(1).max(100);
const offset = z.number().int().nonnegative();
const endAfterStart = { message: 'A coding must cover at least one character (end > start).', path: ['end'] };

/** Which change a codings.update makes, for its undo label. */
function updateLabel(input: { codeId?: string; start?: number; end?: number; summary?: string }, codeName: string | undefined): string {
  if (input.codeId !== undefined && input.start === undefined && input.end === undefined && input.summary === undefined) return `Recode a passage as ${quoted(codeName)}`;
  if (input.summary !== undefined && input.codeId === undefined && input.start === undefined && input.end === undefined) {
    return input.summary.trim() ? `Summarise a segment of ${quoted(codeName)}` : `Clear the summary of a segment of ${quoted(codeName)}`;
  }
  if (input.summary === undefined && input.codeId === undefined) return `Resize a coding of ${quoted(codeName)}`;
  return `Edit a coding of ${quoted(codeName)}`;
}

export const codingsContract = {
  'codings.list': read<Coding[]>(['codings'])(z.object({ sourceId: id.optional(), codeId: id.optional() }).strict()),
  /** Applies a code to a span; applying the same code to the same span again changes nothing. */
  'codings.apply': change<Coding>()(
    z.object({ sourceId: id, codeId: id, start: offset, end: offset }).strict().refine((v) => v.end > v.start, endAfterStart),
    // Coding a collected source moves it on to the reduced stage.
    { touches: ['codings', 'sources'], label: (input, _out, names) => `Apply code ${quoted(names.code(input.codeId))} to 1 passage` },
  ),
  /** Applies several codes to one span in one step. */
  'codings.applyCodes': change<Coding[]>()(
    z
      .object({ sourceId: id, codeIds: z.array(id).min(1).max(100), start: offset, end: offset })
      .strict()
      .refine((v) => v.end > v.start, endAfterStart),
    {
      touches: ['codings', 'sources'],
      label: (input, _out, names) =>
        new Set(input.codeIds).size === 1 ? `Apply code ${quoted(names.code(input.codeIds[0]!))} to 1 passage` : `Apply ${counted(new Set(input.codeIds).size, 'code')} to 1 passage`,
    },
  ),
  /**
   * In-vivo coding: the span's own words become a code's name (under `parentId` when given) and
   * the span is coded with it; a code of that name already there is used instead of a second one.
   */
  'codings.codeInVivo': change<{ code: Code; coding: Coding; created: boolean }>()(
    z
      .object({ sourceId: id, start: offset, end: offset, parentId: id.nullable().optional() })
      .strict()
      .refine((v) => v.end > v.start, endAfterStart),
    { touches: ['codes', 'codings', 'sources'], label: (_input, out) => `Code ${quoted(out.code.name)} in vivo` },
  ),
  /**
   * Changes a coding's code or boundaries, or writes its segment's summary. When the change makes
   * it the same as another coding (same code, same span), the two become one, keeping both
   * summaries, memos and evidence links.
   */
  'codings.update': change<Coding>()(
    z
      .object({ id, codeId: id.optional(), start: offset.optional(), end: offset.optional(), summary: z.string().max(5000).optional() })
      .strict()
      .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, endAfterStart),
    { touches: ['codings', 'memos', 'conclusions'], label: (input, coding, names) => updateLabel(input, names.code(coding.codeId)) },
  ),
  /** Removes codings with the memos written on them and their links as evidence (conclusions.affectedBy says which conclusions lose one). */
  'codings.remove': change<{ removed: number }>()(z.object({ ids: z.array(id).min(1).max(100_000) }).strict(), {
    touches: ['codings', 'memos', 'conclusions'],
    label: (_input, out) => `Remove ${counted(out.removed, 'coding')}`,
  }),
};
