// A review report in Markdown: summary, findings by kind, citations, claims with figures.
import { citationLabel, quote, referenceLabel } from './labels';
import type { AuditReport, FindingKind } from './types';

/** The findings by kind, in the order a report lists them, each under its heading. */
export const findingSections: ReadonlyArray<{ kind: FindingKind; title: string }> = [
  { kind: 'missing-reference', title: 'Cited but not in the reference list' },
  { kind: 'near-match', title: 'Probable misspellings' },
  { kind: 'year-mismatch', title: 'Year does not match the entry' },
  { kind: 'ambiguous', title: 'Citations that fit more than one entry' },
  { kind: 'malformed-citation', title: 'Irregularly written citations' },
  { kind: 'inconsistent-citation', title: 'Entries cited in more than one form' },
  { kind: 'malformed-reference', title: 'Entries with garbled or truncated authors' },
  { kind: 'uncited-reference', title: 'Entries never cited' },
  { kind: 'duplicate-reference', title: 'Duplicate entries' },
  { kind: 'uncited-claim', title: 'Figures without a citation' },
];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

export function renderAuditMarkdown(report: AuditReport, title: string): string {
  const lines: string[] = [`# Citation audit: ${title}`, ''];
  const matched = report.counts['citations.matched'] ?? 0;
  lines.push(
    report.referenceList
      ? `Reference list${report.referenceList.heading ? ` ("${report.referenceList.heading}")` : ' (found without a heading)'}: ${report.references.length} entries.`
      : 'No reference list was found.',
    `In-text citations: ${report.citations.length}, of which ${matched} resolve to an entry.`,
    `Claims: ${report.claims.length} sentences carry citations or figures; findings: ${report.findings.length}.`,
    '',
  );

  for (const { kind, title: sectionTitle } of findingSections) {
    const findings = report.findings.filter((finding) => finding.kind === kind);
    if (findings.length === 0) continue;
    lines.push(`## ${sectionTitle} (${findings.length})`, '');
    for (const finding of findings) lines.push(`- ${finding.message}`);
    lines.push('');
  }

  const byId = new Map(report.references.map((reference) => [reference.id, reference]));
  lines.push('## Citations', '', '| # | Citation | Status | Entry |', '|---|---|---|---|');
  report.citations.forEach((citation, index) => {
    const entries = citation.referenceIds.map((id) => byId.get(id)).filter((reference) => reference !== undefined);
    lines.push(`| ${index + 1} | ${cell(citationLabel(citation))} | ${citation.status} | ${cell(entries.map(referenceLabel).join('; ') || '—')} |`);
  });
  lines.push('');

  const claims = report.claims.filter((claim) => claim.citationIndexes.length > 0 || claim.flags.length > 0);
  if (claims.length > 0) {
    lines.push('## Claims and their sources', '');
    for (const claim of claims) {
      const sources = claim.citationIndexes.map((index) => report.citations[index]).filter((citation) => citation !== undefined).map(citationLabel);
      const flags = claim.flags.length > 0 ? ` _(${claim.flags.join(', ')})_` : '';
      lines.push(`- "${cell(quote(claim.text, 200))}" — ${sources.length > 0 ? sources.join('; ') : 'no citation'}${flags}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
