import { z } from 'zod';
import { change, counted, quoted, read } from '../method';
import type { Coding } from '../../domain/model';

const id = z.string().min(1).max(100);
const offset = z.number().int().nonnegative();

export const codingsContract = {
  'codings.list': read<Coding[]>(['codings'])(z.object({ sourceId: id.optional(), codeId: id.optional() }).strict()),
  /** Applies a code to a span; applying the same code to the same span again changes nothing. */
  'codings.apply': change<Coding>()(
    z
      .object({ sourceId: id, codeId: id, start: offset, end: offset })
      .strict()
      .refine((v) => v.end > v.start, { message: 'A coding must cover at least one character (end > start).', path: ['end'] }),
    // Coding a collected source moves it on to the reduced stage.
    { touches: ['codings', 'sources'], label: (input, _out, names) => `Apply code ${quoted(names.code(input.codeId))} to 1 passage` },
  ),
  /** Removes codings with the memos written on them and their links as evidence (conclusions.affectedBy says which conclusions lose one). */
  'codings.remove': change<{ removed: number }>()(z.object({ ids: z.array(id).min(1).max(100_000) }).strict(), {
    touches: ['codings', 'memos', 'conclusions'],
    label: (_input, out) => `Remove ${counted(out.removed, 'coding')}`,
  }),
};
