import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { appRoot, resourcesDir } from '../services/resources';

/** The per-user folder for Quarry's own files (the sample project's copy, logs). */
export function userDataDir(): string {
  if (process.env.QUARRY_DATA_DIR) return resolve(process.env.QUARRY_DATA_DIR);
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Quarry');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Quarry');
  return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'Quarry');
}

export const sampleDir = (): string => join(resourcesDir(), 'sample');
export const rendererDir = (): string => join(appRoot(), 'out', 'renderer');
