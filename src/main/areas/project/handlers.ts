import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { FolderListing, RecentProjects } from '../../../shared/domain/model';
import { copyProject } from '../../services/store/copy';
import { latestVersion } from '../../services/store/database';
import type { AreaContext, AreaHandlers } from '../kit';
import { projectInfo } from './project-info';
import { dumpTables, writeMeta } from './repository';

/** Project files end in .quarry. */
const PROJECT_EXTENSION = '.quarry';

/** The recent list as the start screen shows it: whether each file is still there and may be opened here. */
function recentProjects(ctx: AreaContext): RecentProjects {
  const openPath = ctx.openPath;
  const projects = ctx.user.recentProjects().map((p) => ({
    ...p,
    // The open project's name as it is now: it may have been renamed since it was opened.
    name: p.path === openPath ? ctx.project.name : p.name,
    exists: statSync(p.path, { throwIfNoEntry: false })?.isFile() ?? false,
    allowed: ctx.projectAccess.refusal(p.path) === null,
  }));
  const folders = [...new Set(projects.filter((p) => p.allowed).map((p) => dirname(p.path)))];
  return { openPath, projects, folders };
}

function listFolder(ctx: AreaContext, folder: string): FolderListing {
  const full = resolve(folder);
  const refusal = ctx.projectAccess.folderRefusal(full);
  if (refusal) throw new AppError('UNAUTHORIZED', refusal);
  let names: string[];
  try {
    names = readdirSync(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `There is no folder at ${full}.`);
    if (code === 'ENOTDIR') throw new AppError('VALIDATION', `${full} is a file, not a folder.`);
    throw new AppError('UNREADABLE', `Quarry could not read the folder ${full}.`);
  }
  const projects = names
    .filter((name) => extname(name).toLowerCase() === PROJECT_EXTENSION)
    .flatMap((fileName) => {
      const path = join(full, fileName);
      const stats = statSync(path, { throwIfNoEntry: false });
      return stats?.isFile() ? [{ path, fileName, modifiedAt: stats.mtime.toISOString() }] : [];
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.fileName.localeCompare(b.fileName));
  return { folder: full, projects };
}

export const projectHandlers: AreaHandlers<'project.'> = {
  'project.getInfo': (_input, ctx) => {
    // The app shows why no project is open, and offers to restore a damaged one's backup.
    if (ctx.projectProblem) throw ctx.projectProblem;
    return projectInfo(ctx.project);
  },
  'project.getAccess': (_input, ctx) => ({ ...ctx.projectAccess.info, fileDialogs: ctx.user.pickPath !== null }),
  'project.listRecent': (_input, ctx) => recentProjects(ctx),
  'project.listFolder': ({ folder }, ctx) => listFolder(ctx, folder),
  'project.choosePath': async ({ purpose, suggestedName }, ctx) => {
    const pick = ctx.user.pickPath;
    if (!pick) throw new AppError('UNSUPPORTED', 'There is no file dialog here; type the path of the project file instead.');
    return { path: await pick(purpose, suggestedName) };
  },
  'project.open': async ({ path }, ctx) => {
    await ctx.openProject(path);
    return projectInfo(ctx.project);
  },
  'project.create': ({ path, name, description }, ctx) => {
    // Creating over a file would open it and overwrite its name: a project is never made in another's place.
    if (existsSync(path)) throw new AppError('CONFLICT', `There is already a file at ${resolve(path)}; open it, or choose another name for the new project.`);
    ctx.createProject(path, name, description);
    return projectInfo(ctx.project);
  },
  'project.openSample': async (_input, ctx) => {
    await ctx.openSample();
    return projectInfo(ctx.project);
  },
  'project.saveCopy': async ({ path, name, open }, ctx) => {
    const target = resolve(path);
    copyProject(ctx.project.db, target, (copy) => writeMeta(copy, 'name', name));
    if (open) await ctx.openProject(target);
    return { path: target, name };
  },
  'project.forgetRecent': ({ path }, ctx) => {
    ctx.forgetRecent(path);
    return recentProjects(ctx);
  },
  'project.rename': ({ name }, ctx) => {
    writeMeta(ctx.project.db, 'name', name);
    return projectInfo(ctx.project);
  },
  'project.setLanguage': ({ language }, ctx) => {
    // The index is rebuilt once the change commits (app/changes.ts); searches wait for it.
    if (language !== ctx.project.language) writeMeta(ctx.project.db, 'language', language);
    return projectInfo(ctx.project);
  },
  'project.exportJson': (_input, ctx) => ({ format: 'quarry-project', schemaVersion: latestVersion, exportedAt: ctx.clock(), tables: dumpTables(ctx.project.db) }),
};
