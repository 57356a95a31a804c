import { listBackups } from '../../services/store/backups';
import type { AreaHandlers } from '../kit';
import { projectInfo } from '../project/project-info';

export const backupsHandlers: AreaHandlers<'backups.'> = {
  'backups.list': ({ project }, ctx) => listBackups(project ?? ctx.project.path),
  'backups.create': (_input, ctx) => ctx.backUp(),
  'backups.restore': async ({ backup, project }, ctx) => {
    const kept = await ctx.restoreBackup(backup, project);
    return { project: projectInfo(ctx.project), kept };
  },
};
