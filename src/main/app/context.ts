import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { EventName } from '../../shared/api/events';
import type { HistoryState, HistoryStep } from '../../shared/domain/history';
import type { ControlContext, Emit, PathPicker, UserHandle } from '../areas/kit';
import type { SearchHooks } from '../services/search/project-search';
import { walkHistory } from './changes';
import { userDataDir } from './paths';
import { ProjectAccess } from './project-access';
import { ProjectSession } from './project-session';
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
}

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
  private readonly recentProjects: RecentProjects | null;
  private readonly sampleProject: (() => Promise<string>) | null;
  private current: ProjectSession | null = null;
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();

  constructor(options: ContextOptions = {}) {
    this.clock = options.clock ?? (() => new Date().toISOString());
    this.newId = options.newId ?? (() => randomUUID());
    this.coder = options.coder ?? 'me';
    this.logger = options.logger ?? consoleLogger;
    this.indexOnOpen = options.indexOnOpen ?? false;
    this.projectAccess = options.projectAccess ?? ProjectAccess.unrestricted(userDataDir());
    this.recentProjects = options.recentProjects ?? null;
    this.sampleProject = options.sampleProject ?? null;
    this.user = { recentProjects: () => this.recentProjects?.list() ?? [], pickPath: options.pickPath ?? null };
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

  openProject(path: string): void {
    this.replace(ProjectSession.open(path, this.searchHooks));
  }

  createProject(path: string, name: string, description: string): void {
    this.replace(ProjectSession.create(path, name, description, this.clock(), this.searchHooks));
  }

  async openSample(): Promise<void> {
    if (!this.sampleProject) throw new AppError('UNSUPPORTED', 'There is no sample project here.');
    this.openProject(await this.sampleProject());
  }

  forgetRecent(path: string): void {
    this.recentProjects?.forget(path);
  }

  undo(): HistoryStep | null {
    return walkHistory(this, 'undo');
  }

  redo(): HistoryStep | null {
    return walkHistory(this, 'redo');
  }

  setHistoryDepth(depth: number): HistoryState {
    return this.announceHistory(this.session.history.setDepth(depth));
  }

  clearHistory(): HistoryState {
    return this.announceHistory(this.session.history.clear());
  }

  private announceHistory(state: HistoryState): HistoryState {
    this.emit('project.changed', { topics: ['history'], label: 'Undo history' });
    return state;
  }

  private replace(next: ProjectSession): void {
    this.current?.close();
    this.current = next;
    this.recentProjects?.remember(next.path, next.name, this.clock());
    if (this.indexOnOpen) void next.search.start();
    this.emit('project.opened', { path: next.path });
  }

  private readonly searchHooks: SearchHooks = {
    progress: (done, total) => this.emit('progress', { task: 'search-index', label: 'Indexing the project for search', done, total }),
    error: (message, error) => this.logger.error(message, error),
  };

  readonly emit: Emit = (name, payload) => {
    for (const listener of this.listeners) listener(name, payload);
  };

  onEvent(listener: (name: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
