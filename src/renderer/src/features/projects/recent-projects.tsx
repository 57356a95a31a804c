import { useRef, useState } from 'react';
import type { RecentProjects } from '../../../../shared/domain/model';
import { mutate } from '../../api/use-api';
import { openProject } from './project-actions';
import { OpenFailure } from './project-problem';

/** The projects opened lately, newest first: open one, or take it off the list (its file stays). */
export function RecentProjectList({ recent }: { recent: RecentProjects }) {
  const [error, setError] = useState<unknown>(null);
  const list = useRef<HTMLUListElement>(null);
  if (recent.projects.length === 0) return <p className="muted">No projects opened yet.</p>;
  return (
    <>
      <ul ref={list} className="recent-projects" aria-label="Recent projects">
        {recent.projects.map((project) => {
          const open = project.path === recent.openPath;
          const why = !project.exists ? 'The file is no longer there.' : !project.allowed ? 'Browser mode may not open it (see Open a project).' : open ? 'Open now.' : null;
          return (
            <li key={project.path} className="recent-projects__item">
              <button
                type="button"
                className="recent-projects__open"
                disabled={!project.exists || !project.allowed || open}
                onClick={() => {
                  setError(null);
                  openProject(project.path, list.current).catch(setError);
                }}
              >
                <span className="recent-projects__name">{project.name}</span>
                <span className="recent-projects__path">{project.path}</span>
                {why && <span className="recent-projects__note">{why}</span>}
              </button>
              {!open && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${project.name} from the recent projects`}
                  title="Remove from this list (the file stays)"
                  onClick={() => mutate('project.forgetRecent', { path: project.path }).catch(setError)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <OpenFailure error={error} />
    </>
  );
}
