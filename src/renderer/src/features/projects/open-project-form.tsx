import { useId, useRef, useState, type RefObject } from 'react';
import type { ProjectPlaces, RecentProjects } from '../../../../shared/domain/model';
import { useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { folderChoices } from './location-fields';
import { choosePath, openProject } from './project-actions';
import { OpenFailure } from './project-problem';

/**
 * Opening a project file: the system's open dialog in the desktop app; in browser mode a path
 * field (suggesting recent projects) and the project files of a folder that may be used here.
 */
export function OpenProjectForm({ places, recent, pathInput }: { places: ProjectPlaces; recent: RecentProjects; pathInput?: RefObject<HTMLInputElement | null> }) {
  const [path, setPath] = useState('');
  const [folder, setFolder] = useState(places.projectsFolder);
  const [error, setError] = useState<unknown>(null);
  const form = useRef<HTMLFormElement>(null);
  const listId = useId();
  const listing = useQuery('project.listFolder', places.fileDialogs ? null : { folder });

  const open = async (target: string | null) => {
    setError(null);
    try {
      if (target) await openProject(target, form.current);
    } catch (err) {
      setError(err);
    }
  };

  if (places.fileDialogs) {
    return (
      <form ref={form} className="stack" aria-label="Open a project" onSubmit={(event) => event.preventDefault()}>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void choosePath('open').then(open, setError)}>
            Choose a project file…
          </button>
        </div>
        <OpenFailure error={error} />
      </form>
    );
  }
  const others = listing.data?.projects.filter((p) => p.path !== recent.openPath) ?? [];
  return (
    <form
      ref={form}
      className="stack"
      aria-label="Open a project"
      onSubmit={(event) => {
        event.preventDefault();
        void open(path.trim());
      }}
    >
      <label className="field">
        <span className="field__label">Project file</span>
        <input ref={pathInput} className="input" list={listId} value={path} spellCheck={false} placeholder="/path/to/review.quarry" onChange={(event) => setPath(event.target.value)} />
        <datalist id={listId}>
          {recent.projects
            .filter((p) => p.allowed)
            .map((p) => (
              <option key={p.path} value={p.path}>
                {p.name}
              </option>
            ))}
        </datalist>
      </label>
      <div className="button-row">
        <button type="submit" className="button" disabled={!path.trim()}>
          Open
        </button>
      </div>
      <label className="field">
        <span className="field__label">Or look in a folder</span>
        <select className="input" value={folder} onChange={(event) => setFolder(event.target.value)}>
          {folderChoices(places, recent.folders).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </label>
      <InlineError message={listing.error} />
      {listing.data && (
        <ul className="project-files" aria-label={`Projects in ${listing.data.folder}`}>
          {others.map((file) => (
            <li key={file.path}>
              <button type="button" className="button button--quiet project-files__item" onClick={() => void open(file.path)}>
                {file.fileName}
              </button>
            </li>
          ))}
          {others.length === 0 && <li className="muted small">No other projects in this folder.</li>}
        </ul>
      )}
      <OpenFailure error={error} />
    </form>
  );
}
