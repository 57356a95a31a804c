import { useState } from 'react';
import type { SourceSummary } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';

/** The cases that hold the open source, whole or in part; it can be added to another case, or taken out of one. */
export function SourceCases({ source }: { source: SourceSummary }) {
  const cases = useQuery('cases.list', {});
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const all = cases.data ?? [];
  const holding = all.filter((c) => c.members.some((m) => m.sourceId === source.id));
  const others = all.filter((c) => !c.members.some((m) => m.sourceId === source.id && m.start === null));

  const act = (call: Promise<unknown>, then?: () => void) => {
    setError(null);
    call.then(then, (err: unknown) => setError(errorMessage(err)));
  };

  return (
    <section className="source-cases" aria-label="Cases of this source">
      <h3 className="source-attributes__title">Cases</h3>
      {holding.length ? (
        <ul className="source-attributes__list">
          {holding.map((c) => {
            const parts = c.members.filter((m) => m.sourceId === source.id);
            const whole = parts.some((m) => m.start === null);
            return (
              <li key={c.id} className="source-attributes__row">
                <span className="source-attributes__pair">
                  <span className="source-attributes__name">{c.name}</span> {whole ? '' : `(${parts.length} ${parts.length === 1 ? 'segment' : 'segments'})`}
                </span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Take this source out of case ${c.name}`}
                  title={`Take this source out of case ${c.name}`}
                  onClick={() => act(mutate('cases.removeMembers', { id: c.id, memberIds: parts.map((m) => m.id) }))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="source-attributes__empty">In no case yet. A case (a person, a site, an organisation) groups sources and carries attributes.</p>
      )}
      {others.length > 0 && (
        <form
          className="source-cases__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) act(mutate('cases.addMembers', { id: chosen, members: [{ sourceId: source.id }] }), () => setChosen(''));
          }}
        >
          <select className="input input--compact" aria-label="Case to add this source to" value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">Choose a case…</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small" disabled={!chosen}>
            Add to case
          </button>
        </form>
      )}
      <InlineError message={cases.error ?? error} />
    </section>
  );
}
