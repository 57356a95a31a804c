import { useState } from 'react';
import { sourceKindLabels, sourceKinds, stages, type SourceKind, type SourceSummary, type Stage } from '../../../../shared/domain/model';
import { errorMessage, mutate } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SourceAttributes } from './source-attributes';
import { InlineError } from '../../components/inline-error';

const stageLabels: Record<Stage, string> = { collected: 'Collected', reduced: 'Reduced', displayed: 'Displayed', concluded: 'Concluded' };

/** Title, kind, stage and attributes of the open source, and its removal. */
export function SourceDetails({ source }: { source: SourceSummary }) {
  const { openSource } = useWorkspace();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [title, setTitle] = useState(source.title);
  const [editedFor, setEditedFor] = useState(source.id);
  if (editedFor !== source.id) {
    // Another source was opened: start from its title.
    setEditedFor(source.id);
    setTitle(source.title);
  }

  const save = (change: { title?: string; kind?: SourceKind; stage?: Stage }) => {
    setError(null);
    mutate('sources.update', { id: source.id, ...change }).catch((err: unknown) => setError(errorMessage(err)));
  };

  return (
    <section className="panel" aria-label="Source details">
      <h2 className="panel__title">Source</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim() && title !== source.title) save({ title });
        }}
      >
        <label className="field">
          <span className="field__label">Title</span>
          <input
            className="input"
            value={title}
            aria-label="Source title"
            onChange={(event) => setTitle(event.target.value)}
            onBlur={() => title.trim() && title !== source.title && save({ title })}
          />
        </label>
      </form>
      <label className="field">
        <span className="field__label">Kind</span>
        <select className="input" value={source.kind} onChange={(event) => save({ kind: event.target.value as SourceKind })}>
          {sourceKinds.map((kind) => (
            <option key={kind} value={kind}>
              {sourceKindLabels[kind]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Stage</span>
        <select className="input" value={source.stage} onChange={(event) => save({ stage: event.target.value as Stage })}>
          {stages.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabels[stage]}
            </option>
          ))}
        </select>
      </label>
      <dl className="facts">
        <dt>File</dt>
        <dd>{source.fileName ?? '—'}</dd>
        <dt>Format</dt>
        <dd>{source.format.toUpperCase()}</dd>
        <dt>Length</dt>
        <dd>{source.length.toLocaleString()} characters</dd>
        <dt>Codings</dt>
        <dd>{source.codingCount}</dd>
        <dt>Added</dt>
        <dd>{new Date(source.createdAt).toLocaleDateString()}</dd>
      </dl>
      <SourceAttributes sourceId={source.id} />
      <InlineError message={error} />
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        Remove source
      </button>
      <ConfirmDialog
        open={confirming}
        title="Remove source"
        message={`Remove “${source.title}” and its ${source.codingCount} codings from the project? You can undo this.`}
        confirmLabel="Remove"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          mutate('sources.remove', { id: source.id }).then(
            () => openSource(null),
            (err: unknown) => setError(errorMessage(err)),
          );
        }}
      />
    </section>
  );
}
