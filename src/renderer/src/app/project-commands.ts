import { keysOf } from '../../../shared/app-menu';
import { errorMessage, useQuery } from '../api/use-api';
import { backUpNow } from '../features/projects/backups-panel';
import { choosePath, openProject, openSampleProject } from '../features/projects/project-actions';
import { useCommands } from '../state/commands';
import { chooseFiles } from '../state/imports';
import { reportError } from '../state/status';
import { useWorkspace } from '../state/workspace';
import type { StartFocus } from './screens/start-screen';

export type ProjectPanel = 'rename' | 'copy' | 'paste' | 'backups';

const report = (error: unknown) => reportError(errorMessage(error));

/** Opens a project file chosen with the system's dialog, or shows the start screen's path field where there is no dialog. */
async function openChosen(fileDialogs: boolean, showStart: (focus: StartFocus) => void): Promise<void> {
  if (!fileDialogs) return showStart('open');
  const path = await choosePath('open');
  if (path) await openProject(path);
}

/** The commands about projects and collecting, for the palette, the keys and the desktop app's menu (see app-menu.ts). */
export function useProjectCommands({ projectOpen, showStart, showPanel }: { projectOpen: boolean; showStart(focus: StartFocus): void; showPanel(panel: ProjectPanel): void }): void {
  const places = useQuery('project.getAccess', {});
  const { showView } = useWorkspace();
  const open = () => projectOpen;
  useCommands([
    { id: 'project.new', title: 'New project…', category: 'Project', keys: keysOf('project.new'), inTextFields: true, run: () => showStart('new') },
    { id: 'project.open', title: 'Open a project…', category: 'Project', keys: keysOf('project.open'), inTextFields: true, run: () => openChosen(places.data?.fileDialogs ?? false, showStart).catch(report) },
    { id: 'project.showStart', title: 'Show projects: new, open, recent', category: 'Project', keys: keysOf('project.showStart'), inTextFields: true, run: () => showStart(null) },
    { id: 'project.openSample', title: 'Open the sample project', category: 'Project', run: () => openSampleProject().then(() => undefined, report) },
    { id: 'project.saveCopy', title: 'Save a copy of the project…', category: 'Project', keys: keysOf('project.saveCopy'), inTextFields: true, when: open, run: () => showPanel('copy') },
    { id: 'project.rename', title: 'Rename the project…', category: 'Project', when: open, run: () => showPanel('rename') },
    { id: 'project.showBackups', title: 'Backups of the project: list and restore…', category: 'Project', when: open, run: () => showPanel('backups') },
    { id: 'project.backUp', title: 'Back up the project now', category: 'Project', when: open, run: () => backUpNow().catch(report) },
    {
      id: 'sources.importFiles',
      title: 'Import sources…',
      category: 'Collect',
      keys: keysOf('sources.importFiles'),
      when: open,
      run: () => {
        if (chooseFiles()) return;
        // The import button lives in Collect: go there, then open its dialog.
        showView('collect');
        requestAnimationFrame(() => chooseFiles());
      },
    },
    { id: 'sources.pasteText', title: 'Paste text as a new source…', category: 'Collect', keys: keysOf('sources.pasteText'), when: open, run: () => showPanel('paste') },
  ]);
}
