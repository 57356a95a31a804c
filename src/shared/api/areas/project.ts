import { z } from 'zod';
import { change, control, quoted, read } from '../method';
import type { FolderListing, ProjectInfo, ProjectPlaces, RecentProjects } from '../../domain/model';
import { searchLanguageNames, searchLanguages } from '../../domain/search-languages';

const projectPath = z.string().trim().min(1, 'Give the path of a project file.');
const projectName = z.string().trim().min(1, 'Give the project a name.').max(200);

export const projectContract = {
  'project.getInfo': read<ProjectInfo>(['project', 'sources', 'codes', 'codings', 'memos', 'cases', 'conclusions', 'audit'])(z.object({}).strict()),
  /** Which folders project.open and project.create may use here (browser mode limits them), and whether file dialogs can choose them. */
  'project.getAccess': read<ProjectPlaces>([])(z.object({}).strict()),
  /** The projects opened lately (kept per user, outside any project) and the open one's file. */
  'project.listRecent': read<RecentProjects>(['project'])(z.object({}).strict()),
  /** The project files in a folder that may be used here, for browser mode's path field. */
  'project.listFolder': read<FolderListing>([])(z.object({ folder: z.string().trim().min(1, 'Give a folder.').max(4096) }).strict()),
  /** Shows the system's dialog to choose a project file to open, create or copy to; null when the person cancels. Only the desktop app has one. */
  'project.choosePath': read<{ path: string | null }>([])(
    z.object({ purpose: z.enum(['open', 'create', 'copy']), suggestedName: z.string().max(200).default('') }).strict(),
  ),
  'project.open': control<ProjectInfo>()(z.object({ path: projectPath }).strict()),
  'project.create': control<ProjectInfo>()(z.object({ path: projectPath, name: projectName, description: z.string().max(2000).default('') }).strict()),
  /** Opens the sample project, building it in Quarry's folder the first time. */
  'project.openSample': control<ProjectInfo>()(z.object({}).strict()),
  /**
   * Writes a copy of the open project to a new file, named `name` there; the open project stays
   * open unless `open` asks to go on working in the copy.
   */
  'project.saveCopy': control<{ path: string; name: string }>()(z.object({ path: projectPath, name: projectName, open: z.boolean().default(false) }).strict()),
  /** Takes a project off the recent list; its file is left alone. */
  'project.forgetRecent': control<RecentProjects>()(z.object({ path: projectPath }).strict()),
  'project.rename': change<ProjectInfo>()(z.object({ name: projectName }).strict(), {
    touches: ['project'],
    label: (_input, out) => `Rename the project to ${quoted(out.name)}`,
  }),
  /** Sets how search stems words; the index is rebuilt in the background, reporting progress. */
  'project.setLanguage': change<ProjectInfo>()(z.object({ language: z.enum(searchLanguages) }).strict(), {
    touches: ['project'],
    label: (input) => `Search in ${searchLanguageNames[input.language]}`,
  }),
  /** The whole project as one JSON document (for backups, scripts and other tools). */
  'project.exportJson': read<Record<string, unknown>>(['project', 'sources', 'source-text', 'attributes', 'codes', 'codings', 'memos', 'cases', 'themes', 'displays', 'conclusions', 'audit', 'library'])(
    z.object({}).strict(),
  ),
};
