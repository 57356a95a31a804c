import { basename } from 'node:path';
import { readMeta, writeMetas } from '../areas/project/repository';
import type { ProjectHandle } from '../areas/kit';
import { ProjectSearch, type SearchHooks } from '../services/search/project-search';
import { AutoBackup, type AutoBackupHooks, type AutoBackupOptions } from '../services/store/auto-backup';
import { fingerprint } from '../services/store/backups';
import { createDatabase, openDatabase, type Db } from '../services/store/database';
import { History } from '../services/store/history';
import { WriteGate } from '../services/store/write-gate';
import { Writer } from './writer';

/** What a session needs from whoever opens it: hooks for search and backups, and the time. */
export interface SessionSetup {
  search?: SearchHooks;
  backups: AutoBackupOptions;
  backupHooks: AutoBackupHooks;
  now: () => Date;
  /** Whether large changes go to a writer thread; not where ids must come from the context's own maker (tests). */
  writerThread: boolean;
}

/** An open project: its file and the services built on it. */
export class ProjectSession implements ProjectHandle {
  readonly path: string;
  readonly db: Db;
  readonly search: ProjectSearch;
  readonly history: History;
  readonly backups: AutoBackup;
  /** Turns at writing between this thread and the writer thread. */
  readonly writes = new WriteGate();
  readonly writer: Writer | null;

  private constructor(path: string, db: Db, setup: SessionSetup) {
    this.path = path;
    this.db = db;
    this.writer = setup.writerThread ? new Writer(path) : null;
    const writer = this.writer;
    this.search = new ProjectSearch(
      db,
      () => this.language,
      { gate: this.writes, storeElsewhere: writer ? (replaced, row) => writer.storeSegment(replaced, row) : undefined },
      setup.search,
    );
    this.history = new History(db);
    this.backups = new AutoBackup(path, setup.now, setup.backups, setup.backupHooks);
  }

  /** Opens a project file, taking its lock (see openDatabase), and starts its backup on opening. */
  static open(path: string, setup: SessionSetup): ProjectSession {
    const before = fingerprint(path);
    const session = new ProjectSession(path, openDatabase(path), setup);
    session.backups.opened(before);
    return session;
  }

  /** Creates a project file; a new project needs no backup until it is edited. */
  static create(path: string, name: string, description: string, now: string, setup: SessionSetup): ProjectSession {
    createDatabase(path, (db) => writeMetas(db, { name, description, created_at: now }));
    return new ProjectSession(path, openDatabase(path), setup);
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

  /**
   * Closes the project; resolves once its writer thread and a backup being taken are gone too (a
   * change being written rolled back, the backup dropped) and the file is whole on its own. The
   * main connection closes last, after theirs: the last connection to close folds the write-ahead
   * log into the file and removes it, and connections closing at once on several threads can each
   * see another still open and all leave it.
   */
  async close(): Promise<void> {
    const backupGone = this.backups.stop();
    this.search.close();
    try {
      await Promise.all([this.writer?.close(), backupGone]);
    } finally {
      if (this.db.open) this.db.close();
    }
  }
}
