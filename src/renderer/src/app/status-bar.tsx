import { useQuery } from '../api/use-api';
import { dismissError, useStatus } from './status';

/** Long work and unhandled errors, at the bottom of the window like a desktop app's status bar. */
export function StatusBar() {
  const { tasks, errors } = useStatus();
  const info = useQuery('project.getInfo', {});
  const counts = info.data?.counts;
  return (
    <footer className="status-bar" aria-label="Status">
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
