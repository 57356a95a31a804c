import { useState } from 'react';
import { evidenceKindLabels, type ConclusionEvidence } from '../../../../shared/domain/model';
import { errorMessage, mutate } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { useWorkspace } from '../../state/workspace';

const short = (text: string, length = 40) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Where a piece of evidence stands: a coding (opened in Reduce), or a span such as a claim's sentence (highlighted in the reader). */
export interface EvidencePlace {
  sourceId: string;
  codingId: string | null;
  span: { start: number; end: number } | null;
}

export function useOpenEvidence(): (place: EvidencePlace) => void {
  const { openSource } = useWorkspace();
  return ({ sourceId, codingId, span }) => {
    if (codingId) openSource(sourceId, { codeId: null, codingId, view: 'reduce' });
    else openSource(sourceId, { codeId: null, highlights: span ? [[span.start, span.end]] : [], view: 'collect' });
  };
}

const placeOf = (item: ConclusionEvidence): EvidencePlace | null =>
  item.sourceId ? { sourceId: item.sourceId, codingId: item.kind === 'coding' || item.kind === 'summary' ? item.id : null, span: item.span } : null;

/** One conclusion's evidence of one stance (or gathered under one tactic): each with its note, which can be edited, and an unlink. */
export function EvidenceList({ conclusionId, items, label }: { conclusionId: string; items: ConclusionEvidence[]; label: string }) {
  const open = useOpenEvidence();
  return (
    <ul className="evidence__list" aria-label={label}>
      {items.map((item) => (
        <EvidenceItem
          key={`${item.tactic ?? ''}:${item.kind}:${item.id}`}
          conclusionId={conclusionId}
          item={item}
          onOpen={() => {
            const place = placeOf(item);
            if (place) open(place);
          }}
        />
      ))}
    </ul>
  );
}

function EvidenceItem({ conclusionId, item, onOpen }: { conclusionId: string; item: ConclusionEvidence; onOpen(): void }) {
  const [note, setNote] = useState(item.note);
  const [error, setError] = useState<string | null>(null);
  const ref = { kind: item.kind, id: item.id, tactic: item.tactic };
  const what = `${evidenceKindLabels[item.kind].toLowerCase()} “${short(item.excerpt)}”`;
  return (
    <li className={`evidence-item evidence-item--${item.stance}`}>
      <div className="evidence-item__head">
        <span className={`badge evidence-kind evidence-kind--${item.kind}`}>{evidenceKindLabels[item.kind]}</span>
        <span className="evidence-item__stance">{item.stance === 'supports' ? 'Supports' : 'Contradicts'}</span>
        <button
          type="button"
          className="icon-button"
          aria-label={`Unlink ${what}`}
          onClick={() => mutate('conclusions.unlinkEvidence', { id: conclusionId, evidence: ref }).catch((err: unknown) => setError(errorMessage(err)))}
        >
          ×
        </button>
      </div>
      <blockquote className="evidence__excerpt">{item.excerpt}</blockquote>
      <label className="field">
        <span className="visually-hidden">Note on {what}</span>
        <input
          className="input input--compact evidence-item__note"
          value={note}
          placeholder="Why it bears on the conclusion…"
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => {
            if (note.trim() === item.note) return;
            mutate('conclusions.updateEvidence', { id: conclusionId, evidence: ref, note }).catch((err: unknown) => setError(errorMessage(err)));
          }}
        />
      </label>
      {item.sourceId && (
        <button type="button" className="link-button small" onClick={onOpen}>
          {item.kind === 'claim' ? 'Open the claim in its manuscript →' : 'Open the passage →'}
        </button>
      )}
      <InlineError message={error} />
    </li>
  );
}
