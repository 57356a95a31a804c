// Turning resolved citations, references and claims into findings a reviewer can act on.
import type { DetectedCitation } from './citations';
import { citationForm, citationLabel, quote, referenceLabel } from './labels';
import { authorDefect } from './reference-defects';
import { findDuplicates } from './resolve';
import { foldName } from './normalize';
import type { AuditCitation, AuditClaim, AuditFinding, AuditReference } from './types';

function times(count: number): string {
  return count > 1 ? ` (cited ${count} times)` : '';
}

function groupProblems(citations: AuditCitation[]): Map<string, AuditCitation[]> {
  const groups = new Map<string, AuditCitation[]>();
  for (const citation of citations) {
    if (citation.status === 'matched') continue;
    const key = `${citation.status}|${citation.style === 'numeric' ? citation.text : citationLabel(citation)}`;
    groups.set(key, [...(groups.get(key) ?? []), citation]);
  }
  return groups;
}

/** Entries cited under visibly different author forms ("Google, Temasek & Company" and "Google et al."): one finding per entry, at the first citation in a second form. */
function inconsistentForms(citations: AuditCitation[], label: (id: string) => string): AuditFinding[] {
  const formsByEntry = new Map<string, Map<string, AuditCitation>>();
  for (const citation of citations) {
    const [referenceId] = citation.referenceIds;
    if (citation.status !== 'matched' || citation.style === 'numeric' || referenceId === undefined) continue;
    const forms = formsByEntry.get(referenceId) ?? new Map<string, AuditCitation>();
    const form = `${citation.authors.map(foldName).join('+')}${citation.etAl ? '+etal' : ''}`;
    if (!forms.has(form)) forms.set(form, citation);
    formsByEntry.set(referenceId, forms);
  }
  const findings: AuditFinding[] = [];
  for (const [referenceId, forms] of formsByEntry) {
    const [first, second] = [...forms.values()];
    if (!first || !second) continue;
    const written = [...forms.values()].map((citation) => `"${citationForm(citation)}"`);
    findings.push({
      kind: 'inconsistent-citation',
      message: `"${label(referenceId)}" is cited as ${written.slice(0, -1).join(', ')} and as ${written[written.length - 1] ?? ''}; cite it the same way throughout so readers see one work.`,
      citation: second.text,
      referenceId,
      start: second.start,
      end: second.end,
    });
  }
  return findings;
}

export function buildFindings(
  citations: AuditCitation[],
  detected: DetectedCitation[],
  references: AuditReference[],
  claims: AuditClaim[],
): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const byId = new Map(references.map((reference) => [reference.id, reference]));
  const label = (id: string | undefined): string => {
    const reference = id ? byId.get(id) : undefined;
    return reference ? referenceLabel(reference) : '?';
  };

  for (const group of groupProblems(citations).values()) {
    const first = group[0];
    if (!first) continue;
    const cited = `"${citationLabel(first)}"`;
    const where = { citation: first.text, start: first.start, end: first.end };
    const suggestion = first.referenceIds[0];
    switch (first.status) {
      case 'missing':
        findings.push({ kind: 'missing-reference', message: `${cited} is cited but has no entry in the reference list${times(group.length)}.`, ...where });
        break;
      case 'near-match':
        findings.push({ kind: 'near-match', message: `${cited} has no exact entry; did you mean "${label(suggestion)}"?${times(group.length)}`, suggestedReferenceId: suggestion, ...where });
        break;
      case 'year-mismatch':
        findings.push({ kind: 'year-mismatch', message: `${cited} matches the authors of "${label(suggestion)}" but not its year; check which year is right${times(group.length)}.`, suggestedReferenceId: suggestion, ...where });
        break;
      case 'ambiguous':
        findings.push({ kind: 'ambiguous', message: `${cited} fits ${first.referenceIds.length} entries (${first.referenceIds.map((id) => `"${label(id)}"`).join(', ')}); add a year suffix or more authors to say which${times(group.length)}.`, ...where });
        break;
      case 'matched':
        break;
    }
  }

  detected.forEach((citation, index) => {
    if (!citation.irregularity) return;
    const resolved = citations[index];
    findings.push({
      kind: 'malformed-citation',
      message: `"${citation.text}" is written irregularly: ${citation.irregularity}. Cite by family names and year, e.g. "${citationLabel(citation)}".`,
      citation: citation.text,
      start: citation.start,
      end: citation.end,
      ...(resolved?.referenceIds[0] ? { referenceId: resolved.referenceIds[0] } : {}),
    });
  });

  findings.push(...inconsistentForms(citations, label));
  for (const reference of references) {
    const defect = authorDefect(reference);
    if (!defect) continue;
    findings.push({
      kind: 'malformed-reference',
      message: `The authors of "${referenceLabel(reference)}" look garbled or truncated: ${defect}. Check the names against the work itself.`,
      referenceId: reference.id,
      start: reference.start,
      end: reference.end,
    });
  }

  const cited = new Set(citations.flatMap((citation) => citation.referenceIds));
  const duplicates = findDuplicates(references);
  // A copy of a cited entry is reported as a duplicate, not also as uncited.
  for (const [original, copy] of duplicates) if (cited.has(original.id)) cited.add(copy.id);
  for (const reference of references) {
    if (cited.has(reference.id)) continue;
    findings.push({ kind: 'uncited-reference', message: `"${referenceLabel(reference)}" is in the reference list but never cited in the text.`, referenceId: reference.id, start: reference.start, end: reference.end });
  }

  for (const [original, copy] of duplicates) {
    findings.push({
      kind: 'duplicate-reference',
      message: `"${referenceLabel(copy)}" lists the same work as "${referenceLabel(original)}"; keep one entry.`,
      referenceId: copy.id,
      suggestedReferenceId: original.id,
      start: copy.start,
      end: copy.end,
    });
  }

  for (const claim of claims) {
    if (!claim.flags.includes('uncited-figure')) continue;
    findings.push({ kind: 'uncited-claim', message: `This sentence states a figure without a citation: "${quote(claim.text)}"`, start: claim.start, end: claim.end });
  }
  return findings.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}
