import { useState } from 'react';
import { sourceKindLabels, sourceKinds, type SourceKind, type SourceSummary } from '../../../../shared/domain/model';
import { errorMessage, mutate } from '../../api/use-api';
import { FormDialog } from '../../components/form-dialog';
import { useUnsavedWork } from '../../state/unsaved';
import './collect.css';

/**
 * Text pasted in as a new source, read as a plain-text file is: its line breaks kept, a
 * transcript's turns found, its kind guessed unless chosen.
 */
export function PasteSourceDialog({ onClose, onCreated }: { onClose(): void; onCreated(source: SourceSummary): void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<SourceKind | ''>('');
  const [error, setError] = useState<string | null>(null);
  useUnsavedWork(text.trim() ? `text being pasted as a new source${title.trim() ? ` (“${title.trim()}”)` : ''}` : null);

  return (
    <FormDialog
      title="Paste as a new source"
      submitLabel="Add source"
      wide
      canSubmit={Boolean(title.trim() && text.trim())}
      error={error}
      onClose={onClose}
      onSubmit={(dialog) => {
        setError(null);
        mutate('sources.paste', { title, text, ...(kind ? { kind } : {}) }).then(
          (source) => {
            onCreated(source);
            dialog.close();
          },
          (err: unknown) => setError(errorMessage(err)),
        );
      }}
    >
      <label className="field">
        <span className="field__label">Title</span>
        <input className="input" value={title} maxLength={500} autoFocus onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Kind</span>
        <select className="input" value={kind} onChange={(event) => setKind(event.target.value as SourceKind | '')}>
          <option value="">Guess from the text</option>
          {sourceKinds.map((k) => (
            <option key={k} value={k}>
              {sourceKindLabels[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Text</span>
        <textarea
          className="input paste-source__text"
          rows={14}
          value={text}
          spellCheck={false}
          placeholder={'Paste the text here. A transcript keeps its turns:\nI: How did you start?\nR: My cousin set up the shop.'}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
    </FormDialog>
  );
}
