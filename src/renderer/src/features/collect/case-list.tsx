import { useState, type RefObject } from 'react';
import type { Case } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';

/** The project's cases, and a field to make a new one. */
export function CaseList({ selectedId, onSelect, nameInput }: { selectedId: string | null; onSelect(id: string): void; nameInput?: RefObject<HTMLInputElement | null> }) {
  const cases = useQuery('cases.list', {});
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = cases.data ?? [];

  return (
    <div className="case-list">
      <form
        className="case-list__new"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          mutate('cases.create', { name }).then(
            (made: Case) => {
              setName('');
              onSelect(made.id);
            },
            (err: unknown) => setError(errorMessage(err)),
          );
        }}
      >
        <input ref={nameInput} className="input" aria-label="New case name" placeholder="A person, a site, an organisation…" maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button button--primary" disabled={!name.trim()}>
          New case
        </button>
      </form>
      <InlineError message={cases.error ?? error} />
      {list.length === 0 && cases.data && <p className="empty-state">No cases yet. Make one for each person, site or organisation you study.</p>}
      {list.length > 0 && (
        <ul className="source-list" aria-label="Cases">
          {list.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`source-item${c.id === selectedId ? ' is-selected' : ''}`}
                aria-current={c.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(c.id)}
              >
                <span className="source-item__title">{c.name}</span>
                <span className="source-item__meta">
                  <span className="muted">
                    {c.members.length} {c.members.length === 1 ? 'member' : 'members'}
                  </span>
                  {Object.entries(c.attributes)
                    .slice(0, 3)
                    .map(([attribute, value]) => (
                      <span key={attribute} className="badge">
                        {attribute} = {value}
                      </span>
                    ))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
