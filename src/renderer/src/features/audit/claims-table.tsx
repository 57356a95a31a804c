import { useState } from 'react';
import {
  verdictValues,
  type AuditView,
  type AuditViewCitation,
  type AuditViewClaim,
  type ClaimCitationLink,
  type EvidenceSpan,
  type VerdictValue,
} from '../../../../shared/domain/audit-view';
import type { SourceSummary } from '../../../../shared/domain/model';
import { api } from '../../api/client';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { FindSupportButton } from '../../components/find-support';
import { citationName, statusLabels, verdictLabels } from './labels';
import { locateQuote } from './locate-quote';

interface Props {
  view: AuditView;
  sources: SourceSummary[];
  onJump(span: { start: number; end: number }): void;
}

function EvidenceExcerpt({ evidence, title }: { evidence: EvidenceSpan; title: string }) {
  const source = useQuery('sources.get', { id: evidence.sourceId });
  const excerpt = source.data?.text.slice(evidence.start, evidence.end);
  return (
    <blockquote className="audit-evidence small">
      {excerpt ? `“${excerpt.length > 240 ? `${excerpt.slice(0, 239)}…` : excerpt}”` : '…'} <cite>{title}</cite>
    </blockquote>
  );
}

/** Finds a pasted passage in the full texts linked to the cited work, first match wins. */
async function findEvidence(quote: string, fullTexts: SourceSummary[]): Promise<EvidenceSpan> {
  for (const candidate of fullTexts) {
    const source = await api.call('sources.get', { id: candidate.id });
    const span = locateQuote(source.text, quote);
    if (span) return { sourceId: candidate.id, ...span };
  }
  throw new Error(`That passage is not in ${fullTexts.map((source) => `“${source.title}”`).join(' or ')}. Paste it exactly as it stands there.`);
}

interface VerdictProps {
  sourceId: string;
  claim: AuditViewClaim;
  link: ClaimCitationLink;
  citation: AuditViewCitation;
  /** Project sources linked as full texts of the cited work: where evidence can come from. */
  fullTexts: SourceSummary[];
}

function VerdictControls({ sourceId, claim, link, citation, fullTexts }: VerdictProps) {
  const saved = link.verdict;
  const [verdict, setVerdict] = useState<VerdictValue | ''>(saved?.verdict ?? '');
  const [note, setNote] = useState(saved?.note ?? '');
  const [quote, setQuote] = useState('');
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false });
  const dirty = verdict !== (saved?.verdict ?? '') || note !== (saved?.note ?? '') || quote.trim() !== '';
  const where = `${citationName(citation)} in claim ${claim.index + 1}`;

  const save = async () => {
    setState({ busy: true, message: null, failed: false });
    const keys = { sourceId, claimKey: claim.key, citationKey: link.citationKey };
    try {
      if (verdict === '') await mutate('audit.clearVerdict', keys);
      else {
        const evidence = quote.trim() ? await findEvidence(quote, fullTexts) : saved?.evidence;
        await mutate('audit.setVerdict', { ...keys, verdict, note, ...(evidence ? { evidence } : {}) });
        setQuote('');
      }
      setState({ busy: false, message: verdict === '' ? 'Verdict cleared.' : 'Verdict saved.', failed: false });
    } catch (error) {
      setState({ busy: false, message: errorMessage(error), failed: true });
    }
  };

  return (
    <form
      className="verdict"
      data-verdict={saved?.verdict}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <select className="input input--compact" aria-label={`Verdict for ${where}`} value={verdict} onChange={(event) => {
          setVerdict(event.target.value as VerdictValue | '');
          setState((current) => ({ ...current, message: null }));
        }}>
        <option value="">No verdict yet</option>
        {verdictValues.map((value) => (
          <option key={value} value={value}>
            {verdictLabels[value]}
          </option>
        ))}
      </select>
      <textarea className="input" rows={2} aria-label={`Note for ${where}`} placeholder="Note" value={note} onChange={(event) => {
          setNote(event.target.value);
          setState((current) => ({ ...current, message: null }));
        }} />
      {saved?.evidence && (
        <EvidenceExcerpt evidence={saved.evidence} title={fullTexts.find((source) => source.id === saved.evidence?.sourceId)?.title ?? 'another source'} />
      )}
      {fullTexts.length > 0 && verdict !== '' && (
        <textarea
          className="input"
          rows={2}
          aria-label={`Evidence for ${where}`}
          placeholder={`Paste the passage from ${fullTexts.map((source) => source.title).join(' or ')}`}
          value={quote}
          onChange={(event) => {
            setQuote(event.target.value);
            setState((current) => ({ ...current, message: null }));
          }}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={!dirty || state.busy} aria-label={`Save verdict for ${where}`}>
          {state.busy ? 'Saving…' : 'Save'}
        </button>
        {state.message && (
          <span className={`small ${state.failed ? 'inline-error' : 'muted'}`} role={state.failed ? 'alert' : 'status'}>
            {state.message}
          </span>
        )}
      </div>
    </form>
  );
}

/** Every claim with its citations, one row per claim–citation link, each with the reviewer's verdict. */
export function ClaimsTable({ view, sources, onJump }: Props) {
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const referenceById = new Map(view.references.map((reference) => [reference.id, reference]));
  const fullTextsOf = (citation: AuditViewCitation): SourceSummary[] => [
    ...new Set(citation.referenceIds.flatMap((id) => referenceById.get(id)?.fullTextSourceId ?? []).flatMap((id) => sourceById.get(id) ?? [])),
  ];
  const claims = view.claims.filter((claim) => claim.links.length > 0 || claim.flags.length > 0);
  if (claims.length === 0) return <p className="empty-state">No sentence in this manuscript carries a citation.</p>;
  return (
    <table className="audit-claims">
      <caption className="visually-hidden">Claims, their citations and verdicts</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Citation</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {claims.flatMap((claim) => {
          const rows = Math.max(1, claim.links.length);
          const claimCell = (
            <th scope="rowgroup" rowSpan={rows} className="audit-claim">
              <button type="button" className="link-button" title="Show this claim in the manuscript" onClick={() => onJump(claim)}>
                <span className="audit-claim__number">{claim.index + 1}.</span> {claim.text}
              </button>
              {claim.flags.includes('uncited-figure') && <span className="audit-flag">⚠ figure without a citation</span>}
              {claim.links.length > 0 && <FindSupportButton claimId={claim.id} />}
            </th>
          );
          if (claim.links.length === 0) {
            return [
              <tr key={claim.id}>
                {claimCell}
                <td colSpan={2} className="muted small">
                  No citation
                </td>
              </tr>,
            ];
          }
          return claim.links.map((link, position) => {
            const citation = view.citations[link.citationIndex]!;
            const status = statusLabels[citation.status];
            return (
              <tr key={`${claim.id}:${link.citationId}`} data-claim={claim.index + 1}>
                {position === 0 && claimCell}
                <td className="audit-claims__citation">
                  <span>{citationName(citation)}</span>
                  <span className={`audit-status audit-status--${citation.status}`} data-status={citation.status}>
                    {status.icon} {status.text}
                  </span>
                </td>
                <td>
                  <VerdictControls
                    sourceId={view.sourceId}
                    claim={claim}
                    link={link}
                    citation={citation}
                    fullTexts={fullTextsOf(citation)}
                  />
                </td>
              </tr>
            );
          });
        })}
      </tbody>
    </table>
  );
}
