import { counted } from '../../../shared/api/method';
import { useQuery } from '../api/use-api';
import { formatChord } from '../state/commands';
import { useImports } from '../state/imports';
import { dismissError, useStatus } from '../state/status';
import { stepHistory } from './app-commands';

/** Long work, unhandled errors, undo and redo, at the bottom of the window like a desktop app's status bar. */
export function StatusBar({ onShowHistory, onShowBackups }: { onShowHistory(): void; onShowBackups(): void }) {
  const { tasks: allTasks, errors, announcement } = useStatus();
  const batch = useImports();
  // While a batch of files is imported, and while its summary shows, its one bar stands for the files' own.
  const tasks = batch ? allTasks.filter((task) => !task.task.startsWith('import:')) : allTasks;
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
      {info.data && (
        <button type="button" className="button button--small" onClick={onShowBackups} title="Backups of the project: list, back up now, restore">
          Backups
        </button>
      )}
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
        {batch?.running && (
          <div className="status-task">
            <span className="status-task__label">{`Importing files: ${batch.done} of ${batch.total} done`}</span>
            <progress aria-label="Importing files" max={batch.total} value={batch.done} />
          </div>
        )}
        {tasks.length === 0 && !batch?.running && <span className="status-bar__idle">Ready</span>}
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
      {info.data && (
        <div className="status-bar__project" title={info.data.path}>
          <span className="visually-hidden">Project: </span>
          {info.data.name}
        </div>
      )}
      {counts && (
        <div className="status-bar__counts" aria-label="Project counts">
          {[counted(counts.sources, 'source'), counted(counts.cases, 'case'), counted(counts.codes, 'code'), counted(counts.codings, 'coding'), counted(counts.memos, 'memo'), counted(counts.conclusions, 'conclusion')].join(' · ')}
        </div>
      )}
    </footer>
  );
}
