import { z } from 'zod';
import { change, quoted, read } from '../method';
import { maxBase64Length } from './sources';
import { verdictLabels, verdictValues, type AuditView, type ClaimCitationLink, type DocumentAudit } from '../../domain/audit-view';

const id = z.string().min(1).max(100);
const key = z.string().min(1).max(300);
const offset = z.number().int().min(0);
const link = { sourceId: id, claimKey: key, citationKey: key };

export const auditContract = {
  /** Audits a project source and stores the result, keeping the verdicts already recorded. */
  'audit.run': change<AuditView>()(z.object({ sourceId: id }).strict(), {
    touches: ['audit'],
    label: (input, _out, names) => `Audit the citations of ${quoted(names.source(input.sourceId))}`,
  }),
  /** The stored audit of a source, or null when it has not been audited yet. */
  'audit.get': read<AuditView | null>(['audit', 'sources'])(z.object({ sourceId: id }).strict()),
  'audit.setVerdict': change<ClaimCitationLink>()(
    z
      .object({
        ...link,
        verdict: z.enum(verdictValues),
        note: z.string().max(20_000),
        evidence: z
          .object({ sourceId: id, start: offset, end: offset })
          .strict()
          .refine((span) => span.end > span.start, 'the evidence must end after it starts')
          .optional(),
      })
      .strict(),
    { touches: ['audit'], label: (input) => `Record verdict “${verdictLabels[input.verdict]}”` },
  ),
  'audit.clearVerdict': change<ClaimCitationLink>()(z.object(link).strict(), { touches: ['audit'], label: () => 'Clear a verdict' }),
  /** Audits a file without a project: what the CLI's `audit` command prints. */
  'audit.analyzeDocument': read<DocumentAudit>([])(
    z.object({ fileName: z.string().trim().min(1).max(500), dataBase64: z.string().max(maxBase64Length) }).strict(),
  ),
};
