import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { contract } from '../../shared/api/contract';
import type { ProjectAccessInfo } from '../../shared/domain/model';
import { backupsFolderOf } from '../services/store/backups';

/** The methods that take file paths from the caller, and the fields of their input that hold them. */
const pathFields = {
  'project.open': ['path'],
  'project.create': ['path'],
  'project.saveCopy': ['path'],
  'backups.list': ['project'],
  'backups.restore': ['project', 'backup'],
} as const;
type PathMethod = keyof typeof pathFields;
const takesPath = (method: string): method is PathMethod => Object.prototype.hasOwnProperty.call(pathFields, method);

/**
 * The path with every symbolic link in its existing part followed, so that a link inside an
 * allowed folder cannot lead out of it; the part that does not exist yet is kept as given.
 */
function canonical(path: string): string {
  const rest: string[] = [];
  let existing = resolve(path);
  for (;;) {
    try {
      return join(realpathSync.native(existing), ...rest);
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return resolve(path);
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Which project files a caller may open or create. The desktop app and the CLI act for the
 * person at the keyboard, so any path they give is theirs to use. Browser mode answers anyone
 * holding the token, so there a path must be one the person chose when starting Quarry: inside
 * Quarry's own folder, a project given with --project, or inside a folder given with --allow-dir.
 */
export class ProjectAccess {
  readonly info: ProjectAccessInfo;
  private readonly folders: string[];
  private readonly projects: string[];

  private constructor(info: ProjectAccessInfo) {
    this.info = info;
    this.folders = info.allowedFolders.map(canonical);
    this.projects = info.allowedProjects.map(canonical);
  }

  static unrestricted(projectsFolder: string): ProjectAccess {
    return new ProjectAccess({ restricted: false, projectsFolder, allowedFolders: [], allowedProjects: [], howToAllow: '' });
  }

  /** Throws a sentence naming the flag when an --allow-dir folder does not exist. */
  static forBrowserMode(options: { dataDir: string; launchProjects: string[]; allowedDirs: string[] }): ProjectAccess {
    for (const dir of options.allowedDirs) {
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--allow-dir ${dir} is not a folder; give an existing folder.`);
    }
    return new ProjectAccess({
      restricted: true,
      projectsFolder: resolve(options.dataDir),
      allowedFolders: [options.dataDir, ...options.allowedDirs].map((dir) => resolve(dir)),
      allowedProjects: options.launchProjects.map((path) => resolve(path)),
      howToAllow: 'Start Quarry again with --allow-dir <folder> (once per folder) to open and create projects in that folder too.',
    });
  }

  /** Why `path` may not be used, in a sentence saying how to allow it; null when it may. */
  refusal(path: string): string | null {
    if (!this.info.restricted) return null;
    const target = canonical(path);
    if (this.projects.includes(target) || this.folders.some((folder) => isInside(folder, target))) return null;
    return (
      `In browser mode Quarry opens and creates projects only in ${this.info.allowedFolders.join(', ')} and the projects it was started with, and ${resolve(path)} is outside them; ` +
      `to use it, start Quarry again with --allow-dir "${dirname(target)}".`
    );
  }

  /** Why the project files in `folder` may not be listed, in a sentence saying how to allow it; null when they may. */
  folderRefusal(folder: string): string | null {
    if (!this.info.restricted) return null;
    const target = canonical(folder);
    if (this.folders.some((allowed) => allowed === target || isInside(allowed, target))) return null;
    return (
      `In browser mode Quarry lists projects only in ${this.info.allowedFolders.join(', ')}, and ${resolve(folder)} is outside them; ` +
      `to use it, start Quarry again with --allow-dir "${target}".`
    );
  }

  /**
   * The refusal for a call to `method` with `input`, for the methods that take paths; `openProject`
   * is the project open now, whose backups a restore without a `project` takes from.
   */
  refusalFor(method: string, input: unknown, openProject?: string): string | null {
    if (!takesPath(method)) return null;
    // Parsed as dispatch will parse it, so the path checked is the path used; invalid input is dispatch's to refuse.
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) return null;
    const given = parsed.data as Partial<Record<'path' | 'project' | 'backup', string>>;
    const project = given.project ?? openProject;
    for (const field of pathFields[method]) {
      const path = given[field];
      if (path === undefined) continue;
      // A project's own backups sit in the folder beside it, which may be outside the allowed folders.
      if (field === 'backup' && project && this.refusal(project) === null && isInside(canonical(backupsFolderOf(project)), canonical(path))) continue;
      const refused = this.refusal(path);
      if (refused) return refused;
    }
    return null;
  }
}
