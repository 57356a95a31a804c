import { basename } from 'node:path';
import { openDatabase, type Db } from '../services/store/database';
import { ProjectSearch, type SearchHooks } from './project-search';

/** An open project: its file and the services built on it. */
export class ProjectSession {
  readonly path: string;
  readonly db: Db;
  /** The full-text index; writes that change searchable text go through search.change(). */
  readonly search: ProjectSearch;

  private constructor(path: string, db: Db, searchHooks?: SearchHooks) {
    this.path = path;
    this.db = db;
    this.search = new ProjectSearch(db, searchHooks);
  }

  static open(path: string, searchHooks?: SearchHooks): ProjectSession {
    return new ProjectSession(path, openDatabase(path), searchHooks);
  }

  static create(path: string, name: string, description: string, now: string, searchHooks?: SearchHooks): ProjectSession {
    const db = openDatabase(path, { create: true });
    const setMeta = db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    db.transaction(() => {
      setMeta.run('name', name);
      setMeta.run('description', description);
      setMeta.run('created_at', now);
    })();
    return new ProjectSession(path, db, searchHooks);
  }

  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM project_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  get name(): string {
    return this.meta('name') ?? basename(this.path).replace(/\.quarry$/, '');
  }

  close(): void {
    this.search.close();
    if (this.db.open) this.db.close();
  }
}
