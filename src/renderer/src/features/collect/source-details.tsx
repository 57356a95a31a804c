import { useId, useRef, useState } from 'react';
import { sourceKindLabels, sourceKinds, stages, type SourceKind, type SourceSummary, type Stage } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AffectedConclusions } from '../../components/evidence-guard';
import { SourceAttributes } from './source-attributes';
import { InlineError } from '../../components/inline-error';
import { useUnsavedWork } from '../../state/unsaved';
import { SourceCases } from './source-cases';

/** Authors as one line: "Lim, K.; World Bank". */
const authorsText = (names: readonly string[]) => names.join('; ');
const parseAuthors = (text: string) =>
  text
    .split(';')
    .map((name) => name.trim())
    .filter(Boolean);

const stageLabels: Record<Stage, string> = { collected: 'Collected', reduced: 'Reduced', displayed: 'Displayed', concluded: 'Concluded' };

interface SavedFieldProps {
  label: string;
  /** When the label alone would not say whose field it is. */
  accessibleName?: string;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  value: string;
  onChange(value: string): void;
  onSave(): void;
}

/** A text field saved when Enter is pressed in it or focus leaves it: a form of its own, so Enter submits just it. */
function SavedField({ label, accessibleName, hint, placeholder, maxLength, value, onChange, onSave }: SavedFieldProps) {
  const hintId = useId();
  // Typed since the last save: leaving the field just after Enter saved it would save it again
  // (before the source comes back changed), a second undo step that could land after the next edit.
  const typed = useRef(false);
  const save = () => {
    if (!typed.current) return;
    typed.current = false;
    onSave();
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label className="field">
        <span className="field__label">{label}</span>
        <input
          className="input"
          value={value}
          aria-label={accessibleName}
          aria-describedby={hint ? hintId : undefined}
          placeholder={placeholder}
          maxLength={maxLength}
          onChange={(event) => {
            typed.current = true;
            onChange(event.target.value);
          }}
          onBlur={save}
        />
        {hint && (
          <span id={hintId} className="muted small">
            {hint}
          </span>
        )}
      </label>
    </form>
  );
}

/** Title, authors, year, kind, stage, cases and attributes of the open source, and its removal. */
export function SourceDetails({ source }: { source: SourceSummary }) {
  const { openSource } = useWorkspace();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Its codings (and the source itself) can be evidence: the warning names the conclusions that would lose them.
  const affected = useQuery('conclusions.affectedBy', confirming ? { sourceIds: [source.id] } : null);
  const [title, setTitle] = useState(source.title);
  const [authors, setAuthors] = useState(authorsText(source.authors));
  const [year, setYear] = useState(source.year ?? '');
  const [editedFor, setEditedFor] = useState(source);
  if (editedFor !== source) {
    // Another source was opened: start from what it holds. The same source saved or undone: take each
    // field that changed, and keep what is being typed in the others (a save may land mid-typing).
    const other = editedFor.id !== source.id;
    setEditedFor(source);
    if (other || editedFor.title !== source.title) setTitle(source.title);
    if (other || authorsText(editedFor.authors) !== authorsText(source.authors)) setAuthors(authorsText(source.authors));
    if (other || editedFor.year !== source.year) setYear(source.year ?? '');
  }
  useUnsavedWork(
    title !== source.title || authors !== authorsText(source.authors) || year !== (source.year ?? '') ? `changes to the details of “${source.title}”` : null,
  );

  const save = (change: { title?: string; kind?: SourceKind; stage?: Stage; authors?: string[]; year?: string | null }) => {
    setError(null);
    mutate('sources.update', { id: source.id, ...change }).catch((err: unknown) => setError(errorMessage(err)));
  };
  const saveAuthors = () => {
    const names = parseAuthors(authors);
    if (authorsText(names) !== authorsText(source.authors)) save({ authors: names });
  };
  const saveYear = () => {
    if (year.trim() !== (source.year ?? '')) save({ year: year.trim() || null });
  };

  return (
    <section className="panel" aria-label="Source details">
      <h2 className="panel__title">Source</h2>
      <SavedField label="Title" accessibleName="Source title" value={title} onChange={setTitle} onSave={() => title.trim() && title !== source.title && save({ title })} />
      <SavedField label="Authors" hint="Separate names with semicolons." placeholder="Lim, K.; World Bank" value={authors} onChange={setAuthors} onSave={saveAuthors} />
      <SavedField label="Year" placeholder="2024, 2024a or n.d." maxLength={20} value={year} onChange={setYear} onSave={saveYear} />
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
      <SourceCases source={source} />
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
      >
        <AffectedConclusions conclusions={affected.data ?? []} />
      </ConfirmDialog>
    </section>
  );
}
