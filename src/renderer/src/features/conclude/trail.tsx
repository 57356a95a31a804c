import { useState } from 'react';
import { tacticLabels } from '../../../../shared/domain/conclude/tactics';
import { referenceLink, type TrailItem, type TrailReference } from '../../../../shared/domain/conclude/trail';
import { evidenceKindLabels } from '../../../../shared/domain/model';
import { api } from '../../api/client';
import { errorMessage, useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { downloadText } from '../../lib/download';
import { announce } from '../../state/status';
import { useOpenEvidence } from './evidence-list';

const referenceText = (ref: TrailReference) => {
  const link = referenceLink(ref);
  return link ? `${ref.text} ${link}` : ref.text;
};

/** Exports a conclusion's trail as Markdown. */
export async function exportTrail(id: string): Promise<void> {
  const { fileName, markdown } = await api.call('conclusions.trailMarkdown', { id });
  downloadText(markdown, fileName, 'text/markdown');
  announce(`Exported ${fileName}`);
}

/** Conclusion → evidence → codes → segments → sources → references, each step open to follow. */
export function EvidenceTrail({ id }: { id: string }) {
  const trail = useQuery('conclusions.trail', { id });
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="trail" aria-label="Evidence trail">
      <div className="trail__header">
        <h4 className="trail__title">Evidence trail</h4>
        <button type="button" className="button button--small" onClick={() => exportTrail(id).catch((err: unknown) => setError(errorMessage(err)))}>
          Export trail (Markdown)
        </button>
      </div>
      <InlineError message={trail.error ?? error} />
      {trail.data && trail.data.items.length === 0 && <p className="muted small">No evidence is linked yet.</p>}
      <ol className="trail__items">
        {(trail.data?.items ?? []).map((item) => (
          <TrailStep key={`${item.tactic ?? ''}:${item.kind}:${item.id}`} item={item} />
        ))}
      </ol>
    </section>
  );
}

function TrailStep({ item }: { item: TrailItem }) {
  const open = useOpenEvidence();
  return (
    <li className={`trail-step trail-step--${item.stance}`}>
      <p className="trail-step__what">
        <strong>{item.stance === 'supports' ? 'Supports' : 'Contradicts'}</strong> · {evidenceKindLabels[item.kind]}
        {item.tactic && <> · {tacticLabels[item.tactic].name}</>} — {item.title}
      </p>
      {item.note && <p className="small">Why: {item.note}</p>}
      {item.body && <blockquote className="evidence__excerpt">{item.body}</blockquote>}
      {item.codes.length > 0 && (
        <p className="small">
          <span className="trail-step__label">Codes</span> {item.codes.map((c) => c.path).join('; ')}
        </p>
      )}
      {item.segments.map((segment) => {
        const source = item.sources.find((s) => s.id === segment.sourceId);
        return (
          <div key={`${segment.sourceId}:${segment.start}`} className="trail-step__segment">
            <span className="trail-step__label">Segment</span>
            <blockquote className="evidence__excerpt">{segment.text}</blockquote>
            {segment.passage && segment.passage !== segment.text && <p className="small muted">In its passage: {segment.passage}</p>}
            <button
              type="button"
              className="link-button small"
              onClick={() =>
                open({
                  sourceId: segment.sourceId,
                  codingId: item.kind === 'coding' || item.kind === 'summary' ? item.id : null,
                  span: { start: segment.start, end: segment.end },
                })
              }
            >
              Open the passage in {source?.title ?? 'its source'} →
            </button>
          </div>
        );
      })}
      {item.sources.map((source) => (
        <div key={source.id} className="small trail-step__source">
          <span className="trail-step__label">Source</span> {source.title}
          {source.authors.length > 0 && ` — ${source.authors.join(', ')}`}
          {source.year && ` (${source.year})`}
          {source.references.length > 0 && (
            <ul className="trail-step__refs" aria-label={`References of ${source.title}`}>
              {source.references.map((ref) => (
                <li key={ref.id}>{referenceText(ref)}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {item.cited.length > 0 && (
        <div className="small">
          <span className="trail-step__label">References cited</span>
          <ul className="trail-step__refs" aria-label="References cited">
            {item.cited.map((ref) => (
              <li key={ref.id}>{referenceText(ref)}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
