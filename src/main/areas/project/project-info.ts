import type { ProjectInfo } from '../../../shared/domain/model';
import { latestVersion } from '../../services/store/database';
import type { ProjectHandle } from '../kit';
import { countRows, readMeta } from './repository';

/** What the UI shows of the open project, answered by opening, creating and restoring alike. */
export function projectInfo(project: ProjectHandle): ProjectInfo {
  return {
    path: project.path,
    name: project.name,
    description: readMeta(project.db, 'description') ?? '',
    schemaVersion: latestVersion,
    language: project.language,
    counts: countRows(project.db),
  };
}
