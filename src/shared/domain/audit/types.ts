export interface ParsedReference {
  /** Family names of persons, or whole corporate names, in order. */
  authors: string[];
  /** The editors' family names, for edited volumes and chapters in them. */
  editors: string[];
  year: string | null;
  title: string | null;
  container: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  url: string | null;
}

/**
 * A reference-list entry; `start`/`end` are offsets of `raw` in the audited text. Its `authors`
 * are the names citations use: the authors, or the editors of an edited volume without authors.
 */
export interface AuditReference extends ParsedReference {
  id: string;
  raw: string;
  start: number;
  end: number;
  /** The entry's own number in a numbered list (`[3]`, `3.`), used by numeric citations. */
  label: string | null;
}

export type CitationStatus = 'matched' | 'missing' | 'near-match' | 'year-mismatch' | 'ambiguous';
/** 'note': a numbered note of Chicago's notes and bibliography ("1. Ngozi Okafor, Fishing Cooperatives …, 23.", "Ibid."). */
export type CitationStyle = 'parenthetical' | 'narrative' | 'numeric' | 'note';

export interface AuditCitation {
  text: string;
  authors: string[];
  year: string;
  start: number;
  end: number;
  referenceIds: string[];
  status: CitationStatus;
  style: CitationStyle;
  /** Written with "et al.", so `authors` holds only the first. */
  etAl: boolean;
  /** 0-based index among earlier citations of the same normalized authors and year; keeps keys stable. */
  occurrence: number;
}

/** 'supported-by-adjacent' is no longer given (a neighbour's citation supports no figure) but may be in audits saved before. */
export type ClaimFlag = 'figure' | 'uncited-figure' | 'supported-by-adjacent';

export interface AuditClaim {
  text: string;
  start: number;
  end: number;
  citationIndexes: number[];
  flags: ClaimFlag[];
}

export type FindingKind =
  | 'missing-reference'
  | 'uncited-reference'
  | 'near-match'
  | 'year-mismatch'
  | 'ambiguous'
  | 'duplicate-reference'
  | 'uncited-claim'
  | 'malformed-citation'
  | 'inconsistent-citation'
  | 'malformed-reference';

export interface AuditFinding {
  kind: FindingKind;
  message: string;
  citation?: string;
  referenceId?: string;
  suggestedReferenceId?: string;
  start?: number;
  end?: number;
}

export interface ReferenceListLocation {
  start: number;
  end: number;
  heading: string | null;
}

export interface AuditReport {
  referenceList: ReferenceListLocation | null;
  references: AuditReference[];
  citations: AuditCitation[];
  claims: AuditClaim[];
  findings: AuditFinding[];
  counts: Record<string, number>;
}
