import { z } from 'zod';
import { method } from '../method';
import type { ProjectInfo } from '../../domain/model';
import { searchLanguages } from '../../domain/search-languages';

const projectPath = z.string().trim().min(1, 'Give the path of a project file.');

export const projectContract = {
  'project.getInfo': method<ProjectInfo>()(z.object({}).strict()),
  'project.open': method<ProjectInfo>()(z.object({ path: projectPath }).strict()),
  'project.create': method<ProjectInfo>()(
    z.object({ path: projectPath, name: z.string().trim().min(1).max(200), description: z.string().max(2000).default('') }).strict(),
  ),
  /** Sets how search stems words; the index is rebuilt in the background, reporting progress. */
  'project.setLanguage': method<ProjectInfo>()(z.object({ language: z.enum(searchLanguages) }).strict()),
  /** The whole project as one JSON document (for backups, scripts and other tools). */
  'project.exportJson': method<Record<string, unknown>>()(z.object({}).strict()),
};
