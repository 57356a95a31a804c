import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProjectAccess } from './project-access';

let root: string;
let dataDir: string;
let allowedDir: string;
let outsideDir: string;
let launchProject: string;
let access: ProjectAccess;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'quarry-access-'));
  dataDir = join(root, 'data');
  allowedDir = join(root, 'reviews');
  outsideDir = join(root, 'outside');
  for (const dir of [dataDir, allowedDir, outsideDir]) mkdirSync(dir);
  launchProject = join(root, 'launched', 'given.quarry');
  access = ProjectAccess.forBrowserMode({ dataDir, launchProjects: [launchProject], allowedDirs: [allowedDir] });
});

describe('ProjectAccess in browser mode', () => {
  it('allows projects inside the data folder and the folders allowed at launch, at any depth, existing or not', () => {
    for (const path of [join(dataDir, 'a.quarry'), join(dataDir, 'new', 'deeper', 'b.quarry'), join(allowedDir, 'c.quarry'), join(dataDir, 'x', '..', 'd.quarry')]) {
      expect(access.refusal(path), path).toBeNull();
    }
  });

  it('allows the project given at launch, and not its neighbours', () => {
    expect(access.refusal(launchProject)).toBeNull();
    expect(access.refusal(join(root, 'launched', 'neighbour.quarry'))).not.toBeNull();
  });

  it('refuses paths outside, ".." escapes, look-alike prefixes and the allowed folders themselves, saying which flag allows them', () => {
    for (const path of [join(outsideDir, 'e.quarry'), join(dataDir, '..', 'f.quarry'), `${dataDir}-evil/g.quarry`, dataDir, allowedDir, '/etc/passwd']) {
      expect(access.refusal(path), path).toMatch(/--allow-dir "/);
    }
    expect(access.refusal(join(outsideDir, 'e.quarry'))).toContain(`--allow-dir "${outsideDir}"`);
  });

  it('follows symbolic links: a link inside an allowed folder cannot lead out of it', () => {
    symlinkSync(outsideDir, join(dataDir, 'link-out'));
    expect(access.refusal(join(dataDir, 'link-out', 'h.quarry'))).not.toBeNull();
    symlinkSync(allowedDir, join(outsideDir, 'link-in'));
    expect(access.refusal(join(outsideDir, 'link-in', 'i.quarry'))).toBeNull();
  });

  it('resolves a relative path against the working folder, as opening it would', () => {
    const fromHere = relative(process.cwd(), join(dataDir, 'j.quarry'));
    expect(access.refusal(fromHere)).toBeNull();
  });

  it('checks the path as dispatch will parse it, and only for the methods that take one', () => {
    expect(access.refusalFor('project.create', { path: `  ${join(dataDir, 'k.quarry')}  `, name: 'K' })).toBeNull();
    expect(access.refusalFor('project.create', { path: join(outsideDir, 'k.quarry'), name: 'K' })).not.toBeNull();
    expect(access.refusalFor('project.open', { path: join(outsideDir, 'k.quarry') })).not.toBeNull();
    // A copy is a project file written where the caller says: the same folders bound it.
    expect(access.refusalFor('project.saveCopy', { path: join(outsideDir, 'copy.quarry'), name: 'Copy' })).not.toBeNull();
    expect(access.refusalFor('project.saveCopy', { path: join(allowedDir, 'copy.quarry'), name: 'Copy' })).toBeNull();
    // Invalid input is left to dispatch, which answers VALIDATION.
    expect(access.refusalFor('project.open', { path: 42 })).toBeNull();
    expect(access.refusalFor('project.getInfo', {})).toBeNull();
  });

  it('lists projects only in the allowed folders and below them', () => {
    expect(access.folderRefusal(dataDir)).toBeNull();
    expect(access.folderRefusal(join(allowedDir, 'deeper'))).toBeNull();
    expect(access.folderRefusal(outsideDir)).toContain(`--allow-dir "${outsideDir}"`);
    expect(access.folderRefusal(join(root, 'launched'))).not.toBeNull();
  });

  it('checks the paths of backups too: a project’s own backups may be restored, other files only from allowed folders', () => {
    const backup = `${launchProject}-backups/2026-01-01T00-00-00.000Z-open.quarry`;
    expect(access.refusalFor('backups.list', { project: launchProject })).toBeNull();
    expect(access.refusalFor('backups.list', { project: join(outsideDir, 'l.quarry') })).not.toBeNull();
    expect(access.refusalFor('backups.restore', { backup, project: launchProject })).toBeNull();
    expect(access.refusalFor('backups.restore', { backup }, launchProject)).toBeNull();
    expect(access.refusalFor('backups.restore', { backup: join(allowedDir, 'copy.quarry') }, launchProject)).toBeNull();
    expect(access.refusalFor('backups.restore', { backup: join(outsideDir, 'copy.quarry') }, launchProject)).not.toBeNull();
    expect(access.refusalFor('backups.restore', { backup: `${launchProject}-backups/../../../outside/m.quarry` }, launchProject)).not.toBeNull();
    expect(access.refusalFor('backups.restore', { backup, project: join(outsideDir, 'n.quarry') })).not.toBeNull();
  });

  it('describes itself for the UI', () => {
    expect(access.info).toMatchObject({ restricted: true, projectsFolder: dataDir, allowedFolders: [dataDir, allowedDir], allowedProjects: [launchProject] });
  });

  it('refuses to start with an --allow-dir that is not a folder', () => {
    expect(() => ProjectAccess.forBrowserMode({ dataDir, launchProjects: [], allowedDirs: [join(root, 'missing')] })).toThrow(/--allow-dir .*missing is not a folder/);
  });
});

describe('ProjectAccess in the desktop app and the CLI', () => {
  it('allows any path', () => {
    const open = ProjectAccess.unrestricted(dataDir);
    expect(open.refusal('/etc/anything.quarry')).toBeNull();
    expect(open.info.restricted).toBe(false);
  });
});
