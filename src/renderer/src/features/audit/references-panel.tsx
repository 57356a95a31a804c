import { useState } from 'react';
import type { AuditView, AuditViewReference } from '../../../../shared/domain/audit-view';
import type { SourceSummary } from '../../../../shared/domain/model';
import { errorMessage, mutate } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';

interface Props {
  view: AuditView;
  sources: SourceSummary[];
  onJump(span: { start: number; end: number }): void;
}

function shortLabel(reference: AuditViewReference): string {
  const who = reference.authors.length > 2 ? `${reference.authors[0]} et al.` : reference.authors.join(' & ');
  return who ? `${who} (${reference.year ?? 'n.d.'})` : reference.raw.slice(0, 60);
}

function citedText(reference: AuditViewReference): string {
  if (reference.uncited) return '⚠ never cited';
  const exact = reference.citedCount === 1 ? 'cited once' : `cited ${reference.citedCount}×`;
  return reference.suggestedCount > 0 ? `${exact}, ${reference.suggestedCount} probable` : exact;
}

/** How the entry was read, field by field, so a reviewer can see why a citation does or does not resolve to it. */
function ReadAs({ reference }: { reference: AuditViewReference }) {
  const locator = [reference.volume, reference.issue ? `(${reference.issue})` : null].filter(Boolean).join('');
  const fields: Array<[string, string | null]> = [
    ['Cited as', reference.authors.join('; ') || null],
    ['Year', reference.year],
    ['Title', reference.title],
    ['In', reference.container],
    ['Volume', locator || null],
    ['Pages', reference.pages],
    ['DOI', reference.doi],
    ['Web', reference.url],
  ];
  return (
    <details className="audit-reference__read small">
      <summary>Read as</summary>
      <dl>
        {fields
          .filter((field): field is [string, string] => field[1] !== null)
          .map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </details>
  );
}

/** The reference list, each entry with how often it is cited, how it was read and the project source holding its full text. */
export function ReferencesPanel({ view, sources, onJump }: Props) {
  const [error, setError] = useState<string | null>(null);
  const others = sources.filter((source) => source.id !== view.sourceId);
  const link = async (referenceId: string, sourceId: string | null) => {
    setError(null);
    try {
      await mutate('references.linkFullText', { referenceId, sourceId });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  if (view.references.length === 0) return <p className="empty-state">No reference list was found in this manuscript.</p>;
  return (
    <div className="stack">
      <InlineError message={error} />
      <ol className="audit-references" aria-label="References">
        {view.references.map((reference) => {
          const label = shortLabel(reference);
          return (
            <li key={reference.id} className={`audit-reference${reference.uncited ? ' audit-reference--uncited' : ''}`} data-uncited={reference.uncited || undefined}>
              <div className="audit-reference__head">
                <button type="button" className="link-button audit-reference__label" title={reference.raw} onClick={() => onJump(reference)}>
                  {label}
                </button>
                <span className={`audit-cited${reference.uncited ? ' audit-cited--none' : ''}`}>{citedText(reference)}</span>
              </div>
              <p className="audit-reference__raw small muted">{reference.raw}</p>
              <ReadAs reference={reference} />
              {others.length > 0 && (
                <label className="field field--inline small">
                  <span className="field__label">Full text</span>
                  <select
                    className="input input--compact"
                    aria-label={`Full text of ${label}`}
                    value={reference.fullTextSourceId ?? ''}
                    onChange={(event) => void link(reference.id, event.target.value || null)}
                  >
                    <option value="">Not in this project</option>
                    {others.map((source) => (
                      <option key={source.id} value={source.id}>
                        {source.title}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
