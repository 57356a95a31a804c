// The citation audit of a project's manuscript as a report: what was found, the findings by kind,
// every claim with its citations and the reviewer's verdict on each, and the reference list as
// the audit read it.
import { findingSections } from '../audit/render-markdown';
import { verdictLabels, type AuditView } from '../audit-view';
import { plain, type Block, type ExportDocument } from './document';

const statusLabel: Record<string, string> = {
  matched: 'resolves',
  missing: 'missing from the list',
  'near-match': 'near match',
  'year-mismatch': 'year differs',
  ambiguous: 'ambiguous',
};

export function auditReportDocument(view: AuditView, date: string): ExportDocument {
  const c = view.counts;
  const decided = view.claims.reduce((n, claim) => n + claim.links.filter((link) => link.verdict).length, 0);
  const links = view.claims.reduce((n, claim) => n + claim.links.length, 0);
  const blocks: Block[] = [
    {
      kind: 'title',
      title: view.title,
      subtitle: 'Citation audit',
      lines: [
        `Audited ${view.auditedAt.slice(0, 10)} · report of ${date}`,
        view.referenceList
          ? `Reference list${view.referenceList.heading ? ` (“${view.referenceList.heading}”)` : ' (found without a heading)'}: ${c.references} entries`
          : 'No reference list was found',
        `${c.citations} in-text citations, ${c.citationsByStatus.matched ?? 0} resolving to an entry · ${c.claims} claims · ${c.findings} findings`,
        `Verdicts: ${decided} of ${links} claim–citation links decided`,
      ],
    },
    { kind: 'heading', level: 1, text: 'Findings' },
  ];
  if (view.findings.length === 0) blocks.push({ kind: 'paragraph', tone: 'muted', runs: plain('The audit found nothing to report.') });
  for (const section of findingSections) {
    const findings = view.findings.filter((finding) => finding.kind === section.kind);
    if (findings.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: `${section.title} (${findings.length})` });
    blocks.push({ kind: 'list', items: findings.map((finding) => ({ runs: plain(finding.message) })) });
  }

  const citationById = new Map(view.citations.map((citation) => [citation.id, citation]));
  const claims = view.claims.filter((claim) => claim.links.length > 0 || claim.flags.length > 0);
  blocks.push({ kind: 'heading', level: 1, text: `Claims and verdicts (${claims.length})` });
  if (claims.length === 0) blocks.push({ kind: 'paragraph', tone: 'muted', runs: plain('No sentence carries a citation or a figure.') });
  else {
    blocks.push({
      kind: 'list',
      items: claims.map((claim) => ({
        runs: [{ text: `${claim.index + 1}. `, bold: true }, { text: claim.text.replace(/\s+/g, ' ').trim() }, ...(claim.flags.length ? [{ text: `  (${claim.flags.join(', ')})`, italic: true }] : [])],
        details: claim.links.map((link) => {
          const citation = citationById.get(link.citationId);
          const verdict = link.verdict;
          return [
            { text: `${citation?.text ?? 'citation'} — ${citation ? statusLabel[citation.status] : ''}: ` },
            verdict ? { text: verdictLabels[verdict.verdict], bold: true } : { text: 'no verdict yet', italic: true },
            ...(verdict?.note ? [{ text: ` — ${verdict.note}` }] : []),
          ];
        }),
      })),
    });
  }
  if (view.orphanedVerdicts.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: `Verdicts on claims no longer in the text (${view.orphanedVerdicts.length})` });
    blocks.push({ kind: 'list', items: view.orphanedVerdicts.map((v) => ({ runs: [{ text: verdictLabels[v.verdict], bold: true }, { text: ` — ${v.claimKey}${v.note ? `: ${v.note}` : ''}` }] })) });
  }

  blocks.push({ kind: 'heading', level: 1, text: `Reference list as read (${view.references.length})` });
  blocks.push({
    kind: 'table',
    header: ['#', 'Entry', 'Cited'],
    rows: view.references.map((reference) => [String(reference.ordinal + 1), reference.raw.replace(/\s+/g, ' ').trim(), reference.uncited ? 'never' : String(reference.citedCount)]),
  });
  return { title: `Citation audit: ${view.title}`, blocks };
}
