import { useEffect, useRef, useState } from 'react';
import { errorMessage, useQuery } from '../api/use-api';
import { InlineError } from '../components/inline-error';
import type { HistoryStep } from '../../../shared/domain/history';
import { formatWhen } from '../lib/dates';
import { stepHistory } from './app-commands';

/** Every step that can be undone or redone, newest first; any step can be gone back or forward to. */
export function HistoryPanel({ onClose }: { onClose(): void }) {
  const history = useQuery('history.list', {});
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  /** Undoes (or redoes) one step after another until `count` steps are walked. */
  const walk = async (direction: 'undo' | 'redo', count: number) => {
    setBusy(true);
    setError(null);
    try {
      for (let i = 0; i < count; i++) await stepHistory(direction);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const undo = history.data?.undo ?? [];
  const redo = history.data?.redo ?? [];
  const row = (step: HistoryStep, action: string, onClick: () => void) => (
    <li key={step.id} className="history-panel__step">
      <span className="history-panel__label">{step.label}</span>
      <time className="muted small" dateTime={step.at}>
        {formatWhen(step.at)}
      </time>
      <button type="button" className="button button--small" disabled={busy} onClick={onClick}>
        {action}
      </button>
    </li>
  );

  return (
    <dialog ref={dialog} className="history-panel" aria-labelledby="history-panel-title" onClose={onClose}>
      <header className="history-panel__header">
        <h2 id="history-panel-title" className="history-panel__title">
          Undo history
        </h2>
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </header>
      <p className="muted small">
        Kept in the project file, so it survives closing Quarry; the newest {history.data?.depth ?? 500} steps are kept.
      </p>
      <InlineError message={history.error ?? error} />
      {redo.length > 0 && (
        <section aria-label="Steps to redo">
          <h3 className="history-panel__heading">Undone — can be redone</h3>
          <ol className="history-panel__list">{[...redo].reverse().map((step) => row(step, 'Redo to here', () => walk('redo', redo.indexOf(step) + 1)))}</ol>
        </section>
      )}
      <section aria-label="Steps to undo">
        <h3 className="history-panel__heading">Done — can be undone</h3>
        {undo.length === 0 ? (
          <p className="empty-state">Nothing to undo yet.</p>
        ) : (
          <ol className="history-panel__list">{undo.map((step, index) => row(step, index === 0 ? 'Undo' : 'Undo up to here', () => walk('undo', index + 1)))}</ol>
        )}
      </section>
    </dialog>
  );
}
