import { useId } from 'react';
import type { ProjectPlaces } from '../../../../shared/domain/model';
import { joinPath } from '../../lib/project-paths';

export interface Location {
  folder: string;
  fileName: string;
}

/** The folders a project may go in here: Quarry's own first, then those allowed, then those used lately. */
export function folderChoices(places: ProjectPlaces, recentFolders: readonly string[]): string[] {
  return [...new Set([places.projectsFolder, ...places.allowedFolders, ...recentFolders])];
}

/**
 * Browser mode's path field: a folder (typed, or picked from those allowed and used lately)
 * and a file name, with the path they make and, where paths are limited, where they may be.
 */
export function LocationFields({ places, folders, value, onChange }: { places: ProjectPlaces; folders: readonly string[]; value: Location; onChange(next: Location): void }) {
  const listId = useId();
  const hintId = useId();
  return (
    <fieldset className="location-fields">
      <legend className="field__label">Where</legend>
      <label className="field">
        <span className="field__label">Folder</span>
        <input
          className="input"
          list={listId}
          value={value.folder}
          aria-describedby={hintId}
          spellCheck={false}
          onChange={(event) => onChange({ ...value, folder: event.target.value })}
        />
        <datalist id={listId}>
          {folders.map((folder) => (
            <option key={folder} value={folder} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span className="field__label">File name</span>
        <input className="input" value={value.fileName} spellCheck={false} onChange={(event) => onChange({ ...value, fileName: event.target.value })} />
      </label>
      <p id={hintId} className="muted small">
        {value.folder.trim() && value.fileName.trim() ? <>It will be {joinPath(value.folder.trim(), value.fileName.trim())}. </> : null}
        {places.restricted ? `Here, projects may be kept in ${places.allowedFolders.join(', ')}. ${places.howToAllow}` : null}
      </p>
    </fieldset>
  );
}
