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
    this.search = new ProjectSearch(db, () => this.language, searchHooks);
  }

  static open(path: string, searchHooks?: SearchHooks): ProjectSession {
    return new ProjectSession(path, openDatabase(path), searchHooks);
  }

  static create(path: string, name: string, description: string, now: string, searchHooks?: SearchHooks): ProjectSession {
    const db = openDatabase(path, { create: true });
    const session = new ProjectSession(path, db, searchHooks);
    db.transaction(() => {
      session.setMeta('name', name);
      session.setMeta('description', description);
      session.setMeta('created_at', now);
    })();
    return session;
  }

  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM project_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The search language; projects that never chose one search in English. */
  get language(): string {
    return this.meta('language') ?? 'en';
  }

  get name(): string {
    return this.meta('name') ?? basename(this.path).replace(/\.quarry$/, '');
  }

  close(): void {
    this.search.close();
    if (this.db.open) this.db.close();
  }
}
