import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

/** How many projects the list keeps: enough for a term's work, few enough to scan. */
const KEPT = 12;

const stored = z.object({
  projects: z.array(z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() })).max(1000),
});

export type RememberedProject = z.infer<typeof stored>['projects'][number];

/**
 * The projects a person opened lately, newest first, in a file of their own in Quarry's
 * per-user folder (never inside a project, whose file may be shared or copied). A missing or
 * damaged list is an empty one: it is a convenience, and losing it loses no work.
 */
export class RecentProjects {
  private readonly file: string;

  constructor(dataDir: string, private readonly onProblem: (message: string, error: unknown) => void = () => {}) {
    this.file = join(dataDir, 'recent-projects.json');
  }

  list(): RememberedProject[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.onProblem(`The list of recent projects (${this.file}) could not be read`, error);
      return [];
    }
    try {
      return stored.parse(JSON.parse(text)).projects.slice(0, KEPT);
    } catch (error) {
      this.onProblem(`The list of recent projects (${this.file}) is damaged and was set aside`, error);
      return [];
    }
  }

  /** Puts a project first, with the name it has now. */
  remember(path: string, name: string, now: string): void {
    const full = resolve(path);
    this.write([{ path: full, name, openedAt: now }, ...this.list().filter((p) => p.path !== full)]);
  }

  forget(path: string): void {
    const full = resolve(path);
    this.write(this.list().filter((p) => p.path !== full));
  }

  private write(projects: RememberedProject[]): void {
    // Written beside and moved into place, so a crash mid-write never leaves half a list.
    const partial = `${this.file}.partial`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(partial, `${JSON.stringify({ projects: projects.slice(0, KEPT) }, null, 2)}\n`);
      renameSync(partial, this.file);
    } catch (error) {
      this.onProblem(`The list of recent projects (${this.file}) could not be saved`, error);
    }
  }
}
