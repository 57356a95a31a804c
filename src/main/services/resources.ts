// Where the app's own files are: resources/ (the sample project, CSL styles) beside src/ or out/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
