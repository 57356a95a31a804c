import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The per-user folder for Quarry's own files (the sample project's copy, logs). */
export function userDataDir(): string {
  if (process.env.QUARRY_DATA_DIR) return resolve(process.env.QUARRY_DATA_DIR);
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Quarry');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Quarry');
  return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'Quarry');
}

/** The repository (or unpacked app) root: the nearest folder up holding resources/, from src/ or out/ alike. */
export function appRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'resources', 'sample'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Quarry's resources folder was not found above ${import.meta.dirname}.`);
    dir = parent;
  }
  return dir;
}

export const resourcesDir = (): string => join(appRoot(), 'resources');
export const sampleDir = (): string => join(resourcesDir(), 'sample');
export const rendererDir = (): string => join(appRoot(), 'out', 'renderer');
