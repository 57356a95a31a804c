import { api } from '../../api/client';
import type { MethodOutput } from '../../../../shared/api/contract';
import { mutate } from '../../api/use-api';
import { confirmLeaving } from '../../state/project-switch';

// Every way of changing the open project goes through here, so each asks first when the
// window holds unsaved work. Each resolves false when the person chose to stay; failures are
// thrown for the form that asked to show.

export async function openProject(path: string, asking?: Element | null): Promise<boolean> {
  if (!(await confirmLeaving(asking))) return false;
  await mutate('project.open', { path });
  return true;
}

export async function createProject(path: string, name: string, asking?: Element | null): Promise<boolean> {
  if (!(await confirmLeaving(asking))) return false;
  await mutate('project.create', { path, name });
  return true;
}

export async function openSampleProject(asking?: Element | null): Promise<boolean> {
  if (!(await confirmLeaving(asking))) return false;
  await mutate('project.openSample', {});
  return true;
}

/** The system's file dialog, where there is one (it changes nothing, so nothing is refreshed); null when the person cancels it. */
export async function choosePath(purpose: 'open' | 'create' | 'copy', suggestedName = ''): Promise<string | null> {
  return (await api.call('project.choosePath', { purpose, suggestedName })).path;
}

/**
 * Puts a backup in the project's place and opens it; `project` names the file when it is not the
 * open one (a damaged project Quarry would not open). The file it replaces is kept among the
 * backups first, so nothing is lost; resolves what was kept, or false when the person chose to stay.
 */
export async function restoreBackup(backup: string, project?: string, asking?: Element | null): Promise<MethodOutput<'backups.restore'> | false> {
  if (!(await confirmLeaving(asking))) return false;
  return mutate('backups.restore', { backup, ...(project ? { project } : {}) });
}
