import type { ProjectAccess } from './project-access';
import type { RecentProjects } from './recent-projects';
import { existsSync } from 'node:fs';

/**
 * The project Quarry opens as it starts: the one asked for (--project), else the one last
 * opened if it is still there and may be opened here, else on a first run (no project ever
 * opened) the sample; null when the last project has gone, so the start screen shows and the
 * person chooses, rather than finding themselves in the sample without knowing why.
 */
export async function projectAtLaunch(options: {
  given: string | undefined;
  recent: RecentProjects;
  access: ProjectAccess;
  sample: () => Promise<string>;
}): Promise<string | null> {
  if (options.given) return options.given;
  const remembered = options.recent.list();
  if (remembered.length === 0) return options.sample();
  const last = remembered[0]!;
  return existsSync(last.path) && options.access.refusal(last.path) === null ? last.path : null;
}
