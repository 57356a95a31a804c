import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { EventName } from '../../shared/api/events';
import type { BackupInfo, ProjectFileIssue } from '../../shared/domain/backups';
import type { HistoryState, HistoryStep } from '../../shared/domain/history';
import type { ControlContext, Emit, PathPicker, UserHandle } from '../areas/kit';
import type { SearchHooks } from '../services/search/project-search';
import { defaultAutoBackup, type AutoBackupHooks, type AutoBackupOptions } from '../services/store/auto-backup';
import { latestGoodBackup, restoreBackup } from '../services/store/backups';
import { asProjectFileError, projectFileError } from '../services/store/database';
import { walkHistory } from './changes';
import { userDataDir } from './paths';
import { ProjectAccess } from './project-access';
import { ProjectSession, type SessionSetup } from './project-session';
import type { RecentProjects } from './recent-projects';

export interface Logger {
  error(message: string, error?: unknown): void;
  info(message: string): void;
}

export const consoleLogger: Logger = {
  error: (message, error) => console.error(`[quarry] ${message}`, error ?? ''),
  info: (message) => console.error(`[quarry] ${message}`),
};

export interface ContextOptions {
  clock?: () => string;
  newId?: () => string;
  coder?: string;
  logger?: Logger;
  /** Open the search index as soon as a project opens (the app), rather than on the first search (the CLI, tests). */
  indexOnOpen?: boolean;
  /** Which project paths callers may use; browser mode limits them, the app and the CLI do not. */
  projectAccess?: ProjectAccess;
  /** The person's list of recent projects, kept as projects open; none in the CLI and tests. */
  recentProjects?: RecentProjects;
  /** Where the sample project is (built on first use), for project.openSample. */
  sampleProject?: () => Promise<string>;
  /** The system's file dialogs: the desktop app has them, browser mode and the CLI do not. */
  pickPath?: PathPicker;
  /** When projects are backed up; every ten minutes of editing and on opening by default. */
  backups?: Partial<AutoBackupOptions>;
}

/** Backup settings from the environment: QUARRY_BACKUP_MINUTES sets the minutes of editing between backups (0: none). */
export function backupSettings(env: NodeJS.ProcessEnv = process.env): Partial<AutoBackupOptions> {
  const minutes = Number(env.QUARRY_BACKUP_MINUTES);
  return env.QUARRY_BACKUP_MINUTES !== undefined && Number.isFinite(minutes) && minutes >= 0 ? { everyMinutes: minutes } : {};
}

/** The file a path names, however it is spelt, so one project is never opened twice. */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

const problemOf = (error: unknown) => (error instanceof AppError ? (error.details as ProjectFileIssue | undefined)?.problem : undefined);

/**
 * The context every handler runs in. Tests build one with a fixed clock and id maker; the
 * Electron shell, browser mode and the CLI build one each, with the real ones.
 */
export class AppContext implements ControlContext {
  readonly clock: () => string;
  readonly newId: () => string;
  readonly coder: string;
  readonly logger: Logger;
  readonly projectAccess: ProjectAccess;
  readonly user: UserHandle;
  private readonly indexOnOpen: boolean;
  private readonly randomIds: boolean;
  private readonly recentProjects: RecentProjects | null;
  private readonly sampleProject: (() => Promise<string>) | null;
  private readonly backupOptions: AutoBackupOptions;
  private current: ProjectSession | null = null;
  /** Projects closed but not yet let go of (their threads stopping): opening or restoring one waits for it. */
  private readonly closing = new Map<ProjectSession, Promise<void>>();
  private problem: AppError | null = null;
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();

  constructor(options: ContextOptions = {}) {
    this.clock = options.clock ?? (() => new Date().toISOString());
    this.newId = options.newId ?? (() => randomUUID());
    this.randomIds = options.newId === undefined;
    this.coder = options.coder ?? 'me';
    this.logger = options.logger ?? consoleLogger;
    this.indexOnOpen = options.indexOnOpen ?? false;
    this.projectAccess = options.projectAccess ?? ProjectAccess.unrestricted(userDataDir());
    this.recentProjects = options.recentProjects ?? null;
    this.sampleProject = options.sampleProject ?? null;
    this.user = { recentProjects: () => this.recentProjects?.list() ?? [], pickPath: options.pickPath ?? null };
    this.backupOptions = { ...defaultAutoBackup, ...options.backups };
  }

  /** The open project, or a NO_PROJECT error a user can act on. */
  get session(): ProjectSession {
    if (!this.current) throw new AppError('NO_PROJECT', 'No project is open. Open or create a project first.');
    return this.current;
  }

  get project(): ProjectSession {
    return this.session;
  }

  get hasProject(): boolean {
    return this.current !== null;
  }

  get openPath(): string | null {
    return this.current?.path ?? null;
  }

  get projectProblem(): AppError | null {
    return this.current ? null : this.problem;
  }

  /**
   * Opens the project the app starts with. A damaged one leaves the app running without a
   * project, so that it can say what is wrong and offer the latest good backup; any other
   * failure (the project open elsewhere, a file that is no project) ends the start with its message.
   */
  openAtLaunch(path: string): void {
    try {
      this.open(path);
    } catch (error) {
      if (problemOf(error) !== 'damaged') throw error;
      this.logger.error(`${path} is damaged; starting without a project`, error);
      this.problem = error as AppError;
    }
  }

  /**
   * Opens a project. Reopening the open one closes it first, since its lock would refuse the
   * second connection, and one still closing is waited for; another project is opened before the
   * current one closes, so a file that cannot be opened leaves the current project open.
   */
  async openProject(path: string): Promise<void> {
    await this.letGo(path);
    this.open(path);
  }

  /** Closes the project at `path` if it is open, and resolves once no session of this context holds that file. */
  private async letGo(path: string): Promise<void> {
    if (this.current && samePath(this.current.path, path)) await this.closeCurrent();
    await Promise.all([...this.closing].filter(([session]) => samePath(session.path, path)).map(([, closed]) => closed));
  }

  private open(path: string): void {
    this.replace(this.withBackupOffer(() => ProjectSession.open(path, this.sessionSetup), path));
  }

  createProject(path: string, name: string, description: string): void {
    this.replace(ProjectSession.create(path, name, description, this.clock(), this.sessionSetup));
  }

  async openSample(): Promise<void> {
    if (!this.sampleProject) throw new AppError('UNSUPPORTED', 'There is no sample project here.');
    await this.openProject(await this.sampleProject());
  }

  forgetRecent(path: string): void {
    this.recentProjects?.forget(path);
  }

  undo(): Promise<HistoryStep | null> {
    return walkHistory(this, 'undo');
  }

  redo(): Promise<HistoryStep | null> {
    return walkHistory(this, 'redo');
  }

  async setHistoryDepth(depth: number): Promise<HistoryState> {
    const project = this.session;
    await project.backups.beforeChange();
    return this.announceHistory(await project.writes.run(() => project.history.setDepth(depth)));
  }

  async clearHistory(): Promise<HistoryState> {
    const project = this.session;
    await project.backups.beforeChange();
    return this.announceHistory(await project.writes.run(() => project.history.clear()));
  }

  backUp(): Promise<BackupInfo> {
    return this.session.backups.take('manual');
  }

  async restoreBackup(backup: string, path?: string): Promise<BackupInfo | null> {
    const target = path ?? this.session.path;
    const wasOpen = this.current !== null && samePath(this.current.path, target);
    // The file is replaced only once its threads, too, have let go of it.
    await this.letGo(target);
    let kept: BackupInfo | null;
    try {
      ({ kept } = await restoreBackup(target, backup, new Date(this.clock())));
    } catch (error) {
      // The project stays as it was: open it again if it was open.
      if (wasOpen) this.open(target);
      throw error;
    }
    this.open(target);
    this.emit('project.changed', { topics: ['backups'], label: 'Restore a backup' });
    return kept;
  }

  /**
   * A failure that says the project file is damaged (SQLite found a broken page while working):
   * the project is closed, so nothing more is written to it, and the error offers its latest
   * good backup. Any other failure is returned as it is.
   */
  explainFailure(error: unknown): unknown {
    if (!this.current) return error;
    const path = this.current.path;
    const explained = asProjectFileError(error, path);
    if (problemOf(explained) !== 'damaged') return error;
    this.logger.error(`${path} is damaged; it was closed`, error);
    void this.closeCurrent();
    this.problem = this.offerBackup(explained as AppError, path);
    return this.problem;
  }

  /** Waits for background work that must finish before the process ends: a backup being taken. */
  async settle(): Promise<void> {
    await this.current?.backups.settled();
  }

  private withBackupOffer<T>(open: () => T, path: string): T {
    try {
      return open();
    } catch (error) {
      if (problemOf(error) !== 'damaged') throw error;
      throw this.offerBackup(error as AppError, path);
    }
  }

  /** A damaged-file error that names the newest good backup, for the UI to offer restoring it. */
  private offerBackup(error: AppError, path: string): AppError {
    return projectFileError('damaged', path, (error.details as ProjectFileIssue).why, latestGoodBackup(path));
  }

  private announceHistory(state: HistoryState): HistoryState {
    this.emit('project.changed', { topics: ['history'], label: 'Undo history' });
    return state;
  }

  /** Closes the open project; resolves once nothing of it writes to its file any more. */
  private closeCurrent(): Promise<void> {
    const closed = this.current ? this.closeSession(this.current) : Promise.resolve();
    this.current = null;
    return closed;
  }

  private closeSession(session: ProjectSession): Promise<void> {
    const closed = session.close().finally(() => this.closing.delete(session));
    this.closing.set(session, closed);
    return closed;
  }

  private replace(next: ProjectSession): void {
    if (this.current) void this.closeSession(this.current);
    this.current = next;
    this.recentProjects?.remember(next.path, next.name, this.clock());
    this.problem = null;
    if (this.indexOnOpen) void next.search.start();
    this.emit('project.opened', { path: next.path });
  }

  private readonly searchHooks: SearchHooks = {
    progress: (done, total) => this.emit('progress', { task: 'search-index', label: 'Indexing the project for search', done, total }),
    error: (message, error) => this.logger.error(message, error),
  };

  private readonly backupHooks: AutoBackupHooks = {
    taken: () => this.emit('project.changed', { topics: ['backups'], label: 'Back up the project' }),
    failed: (error) => this.logger.error('A backup of the project failed', error),
  };

  private get sessionSetup(): SessionSetup {
    return {
      search: this.searchHooks,
      backups: this.backupOptions,
      backupHooks: this.backupHooks,
      now: () => new Date(this.clock()),
      // The writer thread makes its own ids: a context given an id maker writes on this thread, where ids are its own.
      writerThread: this.randomIds,
    };
  }

  readonly emit: Emit = (name, payload) => {
    for (const listener of this.listeners) listener(name, payload);
  };

  onEvent(listener: (name: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the open project; resolves once every project this context opened has let go of its file. */
  async close(): Promise<void> {
    await this.closeCurrent();
    await Promise.all(this.closing.values());
  }
}
