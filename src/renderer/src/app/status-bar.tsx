import { useQuery } from '../api/use-api';
import { formatChord } from '../state/commands';
import { dismissError, useStatus } from '../state/status';
import { stepHistory } from './app-commands';

/** Long work, unhandled errors, undo and redo, at the bottom of the window like a desktop app's status bar. */
export function StatusBar({ onShowHistory }: { onShowHistory(): void }) {
  const { tasks, errors, announcement } = useStatus();
  const info = useQuery('project.getInfo', {});
  const history = useQuery('history.list', {});
  const counts = info.data?.counts;
  const nextUndo = history.data?.undo[0];
  const nextRedo = history.data?.redo[0];
  return (
    <footer className="status-bar" aria-label="Status">
      <div className="status-bar__history" role="group" aria-label="Undo and redo">
        <button
          type="button"
          className="button button--small"
          disabled={!nextUndo}
          title={nextUndo ? `Undo: ${nextUndo.label} (${formatChord('Mod+Z')})` : 'Nothing to undo'}
          onClick={() => void stepHistory('undo')}
        >
          {nextUndo ? `Undo: ${nextUndo.label}` : 'Undo'}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!nextRedo}
          title={nextRedo ? `Redo: ${nextRedo.label} (${formatChord('Mod+Shift+Z')})` : 'Nothing to redo'}
          onClick={() => void stepHistory('redo')}
        >
          {nextRedo ? `Redo: ${nextRedo.label}` : 'Redo'}
        </button>
        <button type="button" className="button button--small" onClick={onShowHistory} title={`Undo history (${formatChord('Mod+Shift+H')})`}>
          History
        </button>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement?.message}
      </div>
      <div className="status-bar__tasks" role="status" aria-live="polite">
        {tasks.map((task) => {
          const finished = task.total > 0 && task.done >= task.total;
          return (
            <div key={task.task} className="status-task">
              <span className="status-task__label">{task.label}</span>
              <progress
                aria-label={task.label}
                max={task.total || undefined}
                value={task.total ? task.done : undefined}
                className={finished ? 'is-finished' : undefined}
              />
            </div>
          );
        })}
        {tasks.length === 0 && <span className="status-bar__idle">Ready</span>}
      </div>
      {errors.length > 0 && (
        <div className="status-bar__errors">
          {errors.map((error) => (
            <div key={error.id} className="status-error" role="alert">
              <span>{error.message}</span>
              <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismissError(error.id)}>
                ×
              </button>
            </div>
          ))}
        </div>
      )}
      {counts && (
        <div className="status-bar__counts" aria-label="Project counts">
          {counts.sources} sources · {counts.codes} codes · {counts.codings} codings · {counts.memos} memos · {counts.conclusions} conclusions
        </div>
      )}
    </footer>
  );
}
