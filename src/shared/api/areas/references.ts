import { z } from 'zod';
import { change, quoted, read } from '../method';
import type { ParsedReference } from '../../domain/audit';
import type { AuditViewReference } from '../../domain/audit-view';

const id = z.string().min(1).max(100);

export const referencesContract = {
  /** One parse per line, in order; a blank line gives an empty parse so positions line up. */
  'references.parse': read<ParsedReference[]>([])(z.object({ lines: z.array(z.string().max(10_000)).max(100_000) }).strict()),
  /** Records which project source holds a reference's full text (null to unlink). */
  'references.linkFullText': change<AuditViewReference>()(z.object({ referenceId: id, sourceId: id.nullable() }).strict(), {
    touches: ['audit'],
    label: (input, _out, names) => (input.sourceId ? `Link ${quoted(names.source(input.sourceId))} as a cited work’s full text` : 'Unlink a cited work’s full text'),
  }),
};
