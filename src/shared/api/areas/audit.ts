import { z } from 'zod';
import { method } from '../method';
import { maxBase64Length } from './sources';
import type { ParsedReference } from '../../domain/audit';
import { verdictValues, type AuditView, type AuditViewReference, type ClaimCitationLink, type DocumentAudit } from '../../domain/audit-view';

const id = z.string().min(1).max(100);
const key = z.string().min(1).max(300);
const offset = z.number().int().min(0);
const link = { sourceId: id, claimKey: key, citationKey: key };

export const auditContract = {
  /** Audits a project source and stores the result, keeping the verdicts already recorded. */
  'audit.run': method<AuditView>()(z.object({ sourceId: id }).strict()),
  /** The stored audit of a source, or null when it has not been audited yet. */
  'audit.get': method<AuditView | null>()(z.object({ sourceId: id }).strict()),
  'audit.setVerdict': method<ClaimCitationLink>()(
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
  ),
  'audit.clearVerdict': method<ClaimCitationLink>()(z.object(link).strict()),
  /** Audits a file without a project: what the CLI's `audit` command prints. */
  'audit.analyzeDocument': method<DocumentAudit>()(
    z.object({ fileName: z.string().trim().min(1).max(500), dataBase64: z.string().max(maxBase64Length) }).strict(),
  ),
  /** One parse per line, in order; a blank line gives an empty parse so positions line up. */
  'references.parse': method<ParsedReference[]>()(z.object({ lines: z.array(z.string().max(10_000)).max(100_000) }).strict()),
  /** Records which project source holds a reference's full text (null to unlink). */
  'references.linkFullText': method<AuditViewReference>()(z.object({ referenceId: id, sourceId: id.nullable() }).strict()),
};
