import { useState } from 'react';
import type { MethodInput } from '../../../shared/api/contract';
import { errorMessage, mutate } from '../api/use-api';
import { announce } from '../state/status';
import { useUnsavedWork } from '../state/unsaved';
import { InlineError } from './inline-error';

export type MemoTargetInput = MethodInput<'memos.create'>['target'];

/** Writing a new memo on one thing (the project, a source, a code, a coding …), in Markdown. */
export function MemoForm({ target, onDone, label = 'New memo' }: { target: MemoTargetInput; onDone(): void; label?: string }) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  useUnsavedWork(title.trim() || body.trim() ? `a memo being written (“${title.trim() || 'untitled'}”)` : null);
  return (
    <form
      className="stack memo-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        mutate('memos.create', { title, body, target }).then(
          (memo) => {
            announce(`Memo ‘${memo.title}’ written`);
            onDone();
          },
          (err: unknown) => setError(errorMessage(err)),
        );
      }}
    >
      <input className="input" aria-label="Memo title" placeholder="Title" value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
      <textarea className="input" aria-label="Memo text" placeholder="What are you noticing? (Markdown: *emphasis*, lists, links)" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
      <InlineError message={error} />
      <div className="button-row">
        <button type="submit" className="button button--primary button--small">
          Add memo
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
