import type { CitationStatus, FindingKind } from '../../../../shared/domain/audit';
import type { AuditViewCitation } from '../../../../shared/domain/audit-view';

/** Each status has an icon and words, so it never rests on colour alone. */
export const statusLabels: Record<CitationStatus, { icon: string; text: string }> = {
  matched: { icon: '✓', text: 'matched' },
  missing: { icon: '✗', text: 'missing' },
  'near-match': { icon: '≈', text: 'near match' },
  'year-mismatch': { icon: '≠', text: 'year differs' },
  ambiguous: { icon: '?', text: 'ambiguous' },
};

/**
 * In the order a reviewer deals with them: broken links first, housekeeping last. A Record, so
 * a finding kind the engine adds cannot be left out of the panel (it would not compile).
 */
const findingLabels: Record<FindingKind, string> = {
  'missing-reference': 'Missing from the reference list',
  'near-match': 'Probable misspelling',
  'year-mismatch': 'Year does not match',
  ambiguous: 'Fits more than one entry',
  'malformed-citation': 'Irregularly written',
  'inconsistent-citation': 'Cited in different forms',
  'uncited-reference': 'Never cited',
  'duplicate-reference': 'Duplicate entry',
  'malformed-reference': 'Garbled reference entry',
  'uncited-claim': 'Figure without a citation',
};

export const findingKinds = (Object.entries(findingLabels) as Array<[FindingKind, string]>).map(([kind, label]) => ({ kind, label }));

export { verdictLabels } from '../../../../shared/domain/audit-view';

/** The citation as written, without the brackets that enclose a whole parenthetical group. */
export function citationName(citation: Pick<AuditViewCitation, 'text'>): string {
  const enclosed = /^\(\s*(.*?)\s*\)$/s.exec(citation.text);
  return enclosed ? enclosed[1]! : citation.text;
}
