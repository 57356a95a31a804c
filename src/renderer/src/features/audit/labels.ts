import type { CitationStatus, FindingKind } from '../../../../shared/domain/audit';
import type { AuditViewCitation, VerdictValue } from '../../../../shared/domain/audit-view';

/** Each status has an icon and words, so it never rests on colour alone. */
export const statusLabels: Record<CitationStatus, { icon: string; text: string }> = {
  matched: { icon: '✓', text: 'matched' },
  missing: { icon: '✗', text: 'missing' },
  'near-match': { icon: '≈', text: 'near match' },
  'year-mismatch': { icon: '≠', text: 'year differs' },
  ambiguous: { icon: '?', text: 'ambiguous' },
};

/** In the order a reviewer deals with them: broken links first, housekeeping last. */
export const findingKinds: Array<{ kind: FindingKind; label: string }> = [
  { kind: 'missing-reference', label: 'Missing from the reference list' },
  { kind: 'near-match', label: 'Probable misspelling' },
  { kind: 'year-mismatch', label: 'Year does not match' },
  { kind: 'ambiguous', label: 'Fits more than one entry' },
  { kind: 'malformed-citation', label: 'Irregularly written' },
  { kind: 'uncited-reference', label: 'Never cited' },
  { kind: 'duplicate-reference', label: 'Duplicate entry' },
  { kind: 'uncited-claim', label: 'Figure without a citation' },
];

export const verdictLabels: Record<VerdictValue, string> = {
  supported: 'Supported',
  'partly-supported': 'Partly supported',
  'not-supported': 'Not supported',
  'cannot-verify': 'Cannot verify',
};

/** The citation as written, without the brackets that enclose a whole parenthetical group. */
export function citationName(citation: Pick<AuditViewCitation, 'text'>): string {
  const enclosed = /^\(\s*(.*?)\s*\)$/s.exec(citation.text);
  return enclosed ? enclosed[1]! : citation.text;
}
