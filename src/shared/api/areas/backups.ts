import { z } from 'zod';
import { control, read } from '../method';
import type { BackupInfo } from '../../domain/backups';
import type { ProjectInfo } from '../../domain/model';

const path = z.string().trim().min(1, 'Give the path of a file.').max(4096);

export const backupsContract = {
  /**
   * The backups of the open project, or of the project file given (one Quarry refused to open,
   * say), newest first. They live in a folder beside the project: review.quarry-backups/.
   */
  'backups.list': read<BackupInfo[]>(['backups'])(z.object({ project: path.optional() }).strict()),
  /** Takes a backup of the open project now, and checks it. */
  'backups.create': control<BackupInfo>()(z.object({}).strict()),
  /**
   * Puts a backup in the place of the project file (the open one unless `project` is given) and
   * opens it. The file it replaces is kept among the backups first, so nothing is ever lost.
   */
  'backups.restore': control<{ project: ProjectInfo; kept: BackupInfo | null }>()(z.object({ backup: path, project: path.optional() }).strict()),
};
