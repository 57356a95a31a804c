import { basename } from 'node:path';
import { readMeta, writeMetas } from '../areas/project/repository';
import type { ProjectHandle } from '../areas/kit';
import { ProjectSearch, type SearchHooks } from '../services/search/project-search';
import { openDatabase, type Db } from '../services/store/database';
import { History } from '../services/store/history';

/** An open project: its file and the services built on it. */
export class ProjectSession implements ProjectHandle {
  readonly path: string;
  readonly db: Db;
  readonly search: ProjectSearch;
  readonly history: History;

  private constructor(path: string, db: Db, searchHooks?: SearchHooks) {
    this.path = path;
    this.db = db;
    this.search = new ProjectSearch(db, () => this.language, searchHooks);
    this.history = new History(db);
  }

  static open(path: string, searchHooks?: SearchHooks): ProjectSession {
    return new ProjectSession(path, openDatabase(path), searchHooks);
  }

  static create(path: string, name: string, description: string, now: string, searchHooks?: SearchHooks): ProjectSession {
    const db = openDatabase(path, { create: true });
    writeMetas(db, { name, description, created_at: now });
    return new ProjectSession(path, db, searchHooks);
  }

  meta(key: string): string | undefined {
    return readMeta(this.db, key);
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
