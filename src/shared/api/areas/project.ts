import { z } from 'zod';
import { change, control, read } from '../method';
import type { ProjectAccessInfo, ProjectInfo } from '../../domain/model';
import { searchLanguageNames, searchLanguages } from '../../domain/search-languages';

const projectPath = z.string().trim().min(1, 'Give the path of a project file.');

export const projectContract = {
  'project.getInfo': read<ProjectInfo>(['project', 'sources', 'codes', 'codings', 'memos', 'cases', 'conclusions', 'audit'])(z.object({}).strict()),
  /** Which folders project.open and project.create may use here (browser mode limits them). */
  'project.getAccess': read<ProjectAccessInfo>([])(z.object({}).strict()),
  'project.open': control<ProjectInfo>()(z.object({ path: projectPath }).strict()),
  'project.create': control<ProjectInfo>()(
    z.object({ path: projectPath, name: z.string().trim().min(1).max(200), description: z.string().max(2000).default('') }).strict(),
  ),
  /** Sets how search stems words; the index is rebuilt in the background, reporting progress. */
  'project.setLanguage': change<ProjectInfo>()(z.object({ language: z.enum(searchLanguages) }).strict(), {
    touches: ['project'],
    label: (input) => `Search in ${searchLanguageNames[input.language]}`,
  }),
  /** The whole project as one JSON document (for backups, scripts and other tools). */
  'project.exportJson': read<Record<string, unknown>>(['project', 'sources', 'source-text', 'attributes', 'codes', 'codings', 'memos', 'cases', 'themes', 'displays', 'conclusions', 'audit'])(
    z.object({}).strict(),
  ),
};
