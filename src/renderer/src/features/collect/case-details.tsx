import { useId, useState } from 'react';
import { attributeTypeLabels, attributeTypes, type AttributeType, type Case, type SourceSummary } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { InlineError } from '../../components/inline-error';
import { useUnsavedWork } from '../../state/unsaved';
import { useWorkspace } from '../../state/workspace';

/** Text selected in the reader, which can be added to the case as a segment. */
type Selected = { sourceId: string; start: number; end: number } | null;

const placeholders: Record<AttributeType, string> = { text: 'Lombok', number: '34', date: '2024-03-18', boolean: 'yes or no' };

/** A case: its name and description, typed attributes, and the sources and segments it holds. */
export function CaseDetails({ caseId, source, selection, onRemoved }: { caseId: string; source: SourceSummary | null; selection: Selected; onRemoved(): void }) {
  const cases = useQuery('cases.list', {});
  const found = cases.data?.find((c) => c.id === caseId);
  if (!found) return cases.data ? <p className="empty-state">That case is no longer in the project.</p> : null;
  return <CaseForm key={found.id} found={found} source={source} selection={selection} onRemoved={onRemoved} />;
}

function CaseForm({ found, source, selection, onRemoved }: { found: Case; source: SourceSummary | null; selection: Selected; onRemoved(): void }) {
  const { openSource } = useWorkspace();
  const definitions = useQuery('cases.listAttributes', {});
  const [name, setName] = useState(found.name);
  const [description, setDescription] = useState(found.description);
  const [savedAs, setSavedAs] = useState(found);
  const [attribute, setAttribute] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  if (savedAs.name !== found.name || savedAs.description !== found.description) {
    // Saved, or undone: show what the case holds now.
    setSavedAs(found);
    setName(found.name);
    setDescription(found.description);
  }
  useUnsavedWork(name !== found.name || description !== found.description || value.trim() ? `changes to the case “${found.name}”` : null);

  const act = (call: Promise<unknown>, then?: () => void) => {
    setError(null);
    call.then(then, (err: unknown) => setError(errorMessage(err)));
  };
  const defined = definitions.data?.find((d) => d.name === attribute.trim());
  const typeOf = (attributeName: string) => definitions.data?.find((d) => d.name === attributeName)?.type ?? 'text';
  const holdsSource = source ? found.members.some((m) => m.sourceId === source.id && m.start === null) : true;

  return (
    <section className="panel case-details" aria-label="Case details">
      <h2 className="panel__title">Case</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() && name !== found.name) act(mutate('cases.update', { id: found.id, name }));
        }}
      >
        <label className="field">
          <span className="field__label">Name</span>
          <input className="input" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} onBlur={() => name.trim() && name !== found.name && act(mutate('cases.update', { id: found.id, name }))} />
        </label>
      </form>
      <label className="field">
        <span className="field__label">Description</span>
        <textarea
          className="input"
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          onBlur={() => description !== found.description && act(mutate('cases.update', { id: found.id, description }))}
        />
      </label>

      <section className="source-attributes" aria-label="Case attributes">
        <h3 className="source-attributes__title">Attributes</h3>
        {Object.keys(found.attributes).length ? (
          <ul className="source-attributes__list">
            {Object.entries(found.attributes).map(([key, text]) => (
              <li key={key} className="source-attributes__row">
                <span className="source-attributes__pair">
                  <span className="source-attributes__name">{key}</span> = {text} <span className="muted small">({attributeTypeLabels[typeOf(key)].toLowerCase()})</span>
                </span>
                <button type="button" className="icon-button" aria-label={`Remove attribute ${key}`} title={`Remove attribute ${key}`} onClick={() => act(mutate('cases.removeAttribute', { id: found.id, name: key }))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="source-attributes__empty">None yet: age = 34, interviewed = 2024-03-18, region = Lombok …</p>
        )}
        <form
          className="case-attribute-form"
          onSubmit={(event) => {
            event.preventDefault();
            act(mutate('cases.setAttribute', { id: found.id, name: attribute, value, ...(defined ? {} : { type }) }), () => {
              setAttribute('');
              setValue('');
            });
          }}
        >
          <input className="input input--compact" aria-label="Attribute name" placeholder="Name" list={listId} maxLength={100} value={attribute} onChange={(event) => setAttribute(event.target.value)} />
          <datalist id={listId}>
            {definitions.data?.map((d) => (
              <option key={d.name} value={d.name}>
                {attributeTypeLabels[d.type]}
              </option>
            ))}
          </datalist>
          <select
            className="input input--compact"
            aria-label="Attribute type"
            value={defined?.type ?? type}
            disabled={Boolean(defined)}
            title={defined ? `${defined.name} is a ${attributeTypeLabels[defined.type].toLowerCase()} attribute` : undefined}
            onChange={(event) => setType(event.target.value as AttributeType)}
          >
            {attributeTypes.map((t) => (
              <option key={t} value={t}>
                {attributeTypeLabels[t]}
              </option>
            ))}
          </select>
          <input
            className="input input--compact"
            aria-label="Attribute value"
            placeholder={placeholders[defined?.type ?? type]}
            maxLength={500}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="button button--small" disabled={!attribute.trim() || !value.trim()}>
            Set
          </button>
        </form>
      </section>

      <section className="case-members" aria-label="Case members">
        <h3 className="source-attributes__title">Sources and segments</h3>
        {found.members.length ? (
          <ul className="case-members__list">
            {found.members.map((member) => (
              <li key={member.id} className="source-attributes__row">
                <button
                  type="button"
                  className="link-button case-members__open"
                  onClick={() => openSource(member.sourceId, member.start !== null && member.end !== null ? { highlights: [[member.start, member.end]] } : {})}
                >
                  <span className="source-attributes__name">{member.sourceTitle}</span>
                  {member.excerpt !== null && <span className="muted small">“{member.excerpt}”</span>}
                </button>
                <button type="button" className="icon-button" aria-label={`Take ${member.excerpt === null ? member.sourceTitle : 'this segment'} out of the case`} onClick={() => act(mutate('cases.removeMembers', { id: found.id, memberIds: [member.id] }))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="source-attributes__empty">No sources yet: add the open source, or select text in it and add that.</p>
        )}
        <div className="button-row">
          <button type="button" className="button button--small" disabled={!source || holdsSource} onClick={() => source && act(mutate('cases.addMembers', { id: found.id, members: [{ sourceId: source.id }] }))}>
            Add the open source
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={!selection}
            onClick={() => selection && act(mutate('cases.addMembers', { id: found.id, members: [{ sourceId: selection.sourceId, start: selection.start, end: selection.end }] }))}
          >
            Add the selected text
          </button>
        </div>
      </section>
      <InlineError message={definitions.error ?? error} />
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        Delete case
      </button>
      <ConfirmDialog
        open={confirming}
        title="Delete case"
        message={`Delete the case “${found.name}” with its attributes? Its sources stay in the project. You can undo this.`}
        confirmLabel="Delete"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          mutate('cases.remove', { id: found.id }).then(onRemoved, (err: unknown) => setError(errorMessage(err)));
        }}
      />
    </section>
  );
}
