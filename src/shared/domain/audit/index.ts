export type {
  AuditCitation,
  AuditClaim,
  AuditFinding,
  AuditReference,
  AuditReport,
  CitationStatus,
  CitationStyle,
  ClaimFlag,
  FindingKind,
  ParsedReference,
  ReferenceListLocation,
} from './types';
export { auditSourceText, auditText, citationKey, claimKey, type AuditProgress } from './audit';
export { parseReference } from './parse-reference';
export { findReferenceList, type ReferenceEntry } from './reference-list';
export { renderAuditMarkdown } from './render-markdown';
export { splitSentences, type Sentence } from './sentences';
export { foldName, editDistance } from './normalize';
