import { useState } from 'react';
import type { ProjectInfo, ProjectPlaces } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { FormDialog } from '../../components/form-dialog';
import { fileNameOf, folderOf, joinPath, projectFileName } from '../../lib/project-paths';
import { announce } from '../../state/status';
import { confirmLeaving } from '../../state/project-switch';
import { LocationFields, folderChoices } from './location-fields';
import { choosePath } from './project-actions';

/** Renames the open project (its name, not its file), as an undoable step. */
export function RenameProjectDialog({ project, onClose }: { project: ProjectInfo; onClose(): void }) {
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormDialog
      title="Rename project"
      submitLabel="Rename"
      canSubmit={Boolean(name.trim()) && name.trim() !== project.name}
      error={error}
      onClose={onClose}
      onSubmit={(dialog) => {
        setError(null);
        mutate('project.rename', { name }).then(
          () => dialog.close(),
          (err: unknown) => setError(errorMessage(err)),
        );
      }}
    >
      <label className="field">
        <span className="field__label">Project name</span>
        <input className="input" value={name} maxLength={200} autoFocus onChange={(event) => setName(event.target.value)} />
      </label>
    </FormDialog>
  );
}

/** Writes a copy of the open project to a new file under a name of its own, and optionally goes on working in the copy. */
export function SaveCopyDialog({ project, places, onClose }: { project: ProjectInfo; places: ProjectPlaces; onClose(): void }) {
  const recent = useQuery('project.listRecent', {});
  const [name, setName] = useState(`${project.name} (copy)`);
  const [folder, setFolder] = useState(folderOf(project.path));
  const [fileName, setFileName] = useState<string | null>(null);
  const [openCopy, setOpenCopy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const file = fileName ?? projectFileName(name);

  const save = async (dialog: HTMLDialogElement) => {
    setError(null);
    try {
      const path = places.fileDialogs ? await choosePath('copy', name.trim()) : joinPath(folder.trim(), file.trim());
      if (!path) return;
      if (openCopy && !(await confirmLeaving(dialog))) return;
      const copy = await mutate('project.saveCopy', { path, name, open: openCopy });
      announce(`Saved a copy as ${fileNameOf(copy.path)}.`);
      dialog.close();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <FormDialog
      title="Save a copy"
      submitLabel={places.fileDialogs ? 'Save copy…' : 'Save copy'}
      canSubmit={Boolean(name.trim()) && (places.fileDialogs || Boolean(folder.trim() && file.trim()))}
      error={error}
      onClose={onClose}
      onSubmit={(dialog) => void save(dialog)}
    >
      <label className="field">
        <span className="field__label">Name of the copy</span>
        <input className="input" value={name} maxLength={200} autoFocus onChange={(event) => setName(event.target.value)} />
      </label>
      {!places.fileDialogs && (
        <LocationFields
          places={places}
          folders={folderChoices(places, recent.data?.folders ?? [])}
          value={{ folder, fileName: file }}
          onChange={(next) => {
            setFolder(next.folder);
            setFileName(next.fileName);
          }}
        />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={openCopy} onChange={(event) => setOpenCopy(event.target.checked)} /> Go on working in the copy
      </label>
    </FormDialog>
  );
}
