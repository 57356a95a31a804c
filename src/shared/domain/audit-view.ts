// The citation audit of one project source as the UI, the CLI and tests see it: the
// engine's report (./audit) stored in the project, with ids, and with the reviewer's
// verdicts merged in. Offsets are UTF-16 code units into the source's text, end exclusive.
import type { AuditReport, CitationStatus, ClaimFlag, FindingKind, ParsedReference, ReferenceListLocation } from './audit';
import type { SourceFormat } from './model';

export const verdictValues = ['supported', 'partly-supported', 'not-supported', 'cannot-verify'] as const;
export type VerdictValue = (typeof verdictValues)[number];

export const verdictLabels: Record<VerdictValue, string> = {
  supported: 'Supported',
  'partly-supported': 'Partly supported',
  'not-supported': 'Not supported',
  'cannot-verify': 'Cannot verify',
};

/** A passage in another project source that bears on a claim. */
export interface EvidenceSpan {
  sourceId: string;
  start: number;
  end: number;
}

export interface AuditViewReference extends Omit<ParsedReference, 'editors'> {
  id: string;
  ordinal: number;
  raw: string;
  start: number;
  end: number;
  /** Citations that resolve to this entry. */
  citedCount: number;
  /** Unresolved citations (misspelt, wrong year, ambiguous) that point at this entry as a suggestion. */
  suggestedCount: number;
  /** The audit found no citation of any kind pointing here. */
  uncited: boolean;
  /** A project source holding this work's full text, where evidence for claims can be found. */
  fullTextSourceId: string | null;
}

export interface AuditViewCitation {
  id: string;
  /** Position among the source's citations, in text order. */
  index: number;
  /** Stable across re-runs on the same text: verdicts are stored against it. */
  key: string;
  text: string;
  authors: string[];
  year: string;
  start: number;
  end: number;
  status: CitationStatus;
  referenceIds: string[];
}

export interface StoredVerdict {
  claimKey: string;
  citationKey: string;
  verdict: VerdictValue;
  note: string;
  evidence: EvidenceSpan | null;
  decidedAt: string;
}

/** One claim–citation link with the reviewer's decision on it, if any. */
export interface ClaimCitationLink {
  citationId: string;
  citationIndex: number;
  citationKey: string;
  verdict: StoredVerdict | null;
}

export interface AuditViewClaim {
  id: string;
  index: number;
  key: string;
  text: string;
  start: number;
  end: number;
  flags: ClaimFlag[];
  links: ClaimCitationLink[];
}

export interface AuditViewFinding {
  id: string;
  kind: FindingKind;
  message: string;
  /** The citation as written, for findings about a citation. */
  citation: string | null;
  citationId: string | null;
  referenceId: string | null;
  suggestedReferenceId: string | null;
  /** Where to jump to in the text; null only for findings about nothing in particular. */
  start: number | null;
  end: number | null;
}

export interface AuditCounts {
  references: number;
  citations: number;
  claims: number;
  findings: number;
  verdicts: number;
  citationsByStatus: Partial<Record<CitationStatus, number>>;
  findingsByKind: Partial<Record<FindingKind, number>>;
}

export interface AuditView {
  sourceId: string;
  title: string;
  text: string;
  auditedAt: string;
  referenceList: ReferenceListLocation | null;
  references: AuditViewReference[];
  citations: AuditViewCitation[];
  claims: AuditViewClaim[];
  findings: AuditViewFinding[];
  /**
   * Verdicts whose claim or citation no longer appears after the text was audited again
   * (say, an older audit of an edited copy). They are kept, never silently dropped.
   */
  orphanedVerdicts: StoredVerdict[];
  counts: AuditCounts;
}

/** The audit of a file outside any project, as the CLI prints it. */
export interface DocumentAudit extends AuditReport {
  title: string;
  format: SourceFormat;
}
