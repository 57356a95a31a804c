import { useState } from 'react';
import { verdictValues, type AuditView, type AuditViewCitation, type AuditViewClaim, type ClaimCitationLink, type VerdictValue } from '../../../../shared/domain/audit-view';
import { errorMessage, mutate } from '../../api/use-api';
import { citationName, statusLabels, verdictLabels } from './labels';

interface Props {
  view: AuditView;
  onJump(span: { start: number; end: number }): void;
}

function VerdictControls({ sourceId, claim, link, citation }: { sourceId: string; claim: AuditViewClaim; link: ClaimCitationLink; citation: AuditViewCitation }) {
  const saved = link.verdict;
  const [verdict, setVerdict] = useState<VerdictValue | ''>(saved?.verdict ?? '');
  const [note, setNote] = useState(saved?.note ?? '');
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false });
  const dirty = verdict !== (saved?.verdict ?? '') || note !== (saved?.note ?? '');
  const where = `${citationName(citation)} in claim ${claim.index + 1}`;

  const save = async () => {
    setState({ busy: true, message: null, failed: false });
    const keys = { sourceId, claimKey: claim.key, citationKey: link.citationKey };
    try {
      if (verdict === '') await mutate('audit.clearVerdict', keys);
      else await mutate('audit.setVerdict', { ...keys, verdict, note, ...(saved?.evidence ? { evidence: saved.evidence } : {}) });
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
export function ClaimsTable({ view, onJump }: Props) {
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
