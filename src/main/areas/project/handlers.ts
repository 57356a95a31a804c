import { latestVersion } from '../../services/store/database';
import type { AreaHandlers } from '../kit';
import { projectInfo } from './project-info';
import { dumpTables, writeMeta } from './repository';

export const projectHandlers: AreaHandlers<'project.'> = {
  'project.getInfo': (_input, ctx) => {
    // The app shows why no project is open, and offers to restore a damaged one's backup.
    if (ctx.projectProblem) throw ctx.projectProblem;
    return projectInfo(ctx.project);
  },
  'project.getAccess': (_input, ctx) => ctx.projectAccess.info,
  'project.open': ({ path }, ctx) => {
    ctx.openProject(path);
    return projectInfo(ctx.project);
  },
  'project.create': ({ path, name, description }, ctx) => {
    ctx.createProject(path, name, description);
    return projectInfo(ctx.project);
  },
  'project.setLanguage': ({ language }, ctx) => {
    // The index is rebuilt once the change commits (app/changes.ts); searches wait for it.
    if (language !== ctx.project.language) writeMeta(ctx.project.db, 'language', language);
    return projectInfo(ctx.project);
  },
  'project.exportJson': (_input, ctx) => ({ format: 'quarry-project', schemaVersion: latestVersion, exportedAt: ctx.clock(), tables: dumpTables(ctx.project.db) }),
};
