import { useState } from 'react';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';

/** A source's attributes (name = value, e.g. country = Indonesia), which make it a case that searches can filter by. */
export function SourceAttributes({ sourceId }: { sourceId: string }) {
  const source = useQuery('sources.get', { id: sourceId });
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const attributes = Object.entries(source.data?.attributes ?? {});

  const act = (call: Promise<unknown>, then?: () => void) => {
    setError(null);
    call.then(then, (err: unknown) => setError(errorMessage(err)));
  };

  return (
    <section className="source-attributes" aria-label="Attributes">
      <h3 className="source-attributes__title">Attributes</h3>
      {attributes.length ? (
        <ul className="source-attributes__list">
          {attributes.map(([attribute, text]) => (
            <li key={attribute} className="source-attributes__row">
              <span className="source-attributes__pair">
                <span className="source-attributes__name">{attribute}</span> = {text}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove attribute ${attribute}`}
                title={`Remove attribute ${attribute}`}
                onClick={() => act(mutate('sources.removeAttribute', { id: sourceId, name: attribute }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="source-attributes__empty">None yet. The source’s own attributes, such as country = Indonesia, let searches filter by them.</p>
      )}
      <form
        className="source-attributes__form"
        onSubmit={(event) => {
          event.preventDefault();
          act(mutate('sources.setAttribute', { id: sourceId, name, value }), () => {
            setName('');
            setValue('');
          });
        }}
      >
        <input
          className="input input--compact"
          aria-label="Attribute name"
          placeholder="Name"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <input
          className="input input--compact"
          aria-label="Attribute value"
          placeholder="Value"
          maxLength={500}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button button--small" disabled={!name.trim() || !value.trim()}>
          Add attribute
        </button>
      </form>
      <InlineError message={error} />
    </section>
  );
}
