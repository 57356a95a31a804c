import { useRef, useState, type RefObject } from 'react';
import type { ProjectPlaces } from '../../../../shared/domain/model';
import { errorMessage } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { joinPath, projectFileName } from '../../lib/project-paths';
import { LocationFields, folderChoices } from './location-fields';
import { choosePath, createProject } from './project-actions';

/** A new, empty project: its name, and where its file goes (the system's save dialog, or the path field in browser mode). */
export function NewProjectForm({ places, recentFolders, nameInput }: { places: ProjectPlaces; recentFolders: readonly string[]; nameInput?: RefObject<HTMLInputElement | null> }) {
  const [name, setName] = useState('');
  const [folder, setFolder] = useState(places.projectsFolder);
  /** null while the file name follows the project's name. */
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const file = fileName ?? projectFileName(name);

  const create = async () => {
    setError(null);
    setBusy(true);
    try {
      const path = places.fileDialogs ? await choosePath('create', name.trim()) : joinPath(folder.trim(), file.trim());
      if (path) await createProject(path, name.trim(), form.current);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      className="stack"
      aria-label="New project"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <label className="field">
        <span className="field__label">Project name</span>
        <input ref={nameInput} className="input" value={name} maxLength={200} required placeholder="e.g. Harbour traders, 2024" onChange={(event) => setName(event.target.value)} />
      </label>
      {!places.fileDialogs && (
        <LocationFields
          places={places}
          folders={folderChoices(places, recentFolders)}
          value={{ folder, fileName: file }}
          onChange={(next) => {
            setFolder(next.folder);
            setFileName(next.fileName);
          }}
        />
      )}
      <InlineError message={error} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || !name.trim() || (!places.fileDialogs && (!folder.trim() || !file.trim()))}>
          {places.fileDialogs ? 'Create project…' : 'Create project'}
        </button>
      </div>
    </form>
  );
}
