import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { EventMap, EventName } from '../../shared/api/events';
import type { SearchHooks } from './project-search';
import { ProjectSession } from './project-session';

export interface Logger {
  error(message: string, error?: unknown): void;
  info(message: string): void;
}

export const consoleLogger: Logger = {
  error: (message, error) => console.error(`[quarry] ${message}`, error ?? ''),
  info: (message) => console.error(`[quarry] ${message}`),
};

export type Emit = <K extends EventName>(name: K, payload: EventMap[K]) => void;

export interface ContextOptions {
  clock?: () => string;
  newId?: () => string;
  coder?: string;
  logger?: Logger;
  /** Open the search index as soon as a project opens (the app), rather than on the first search (the CLI, tests). */
  indexOnOpen?: boolean;
}

/**
 * Everything a handler may use. Tests build one with a fixed clock and id maker; the
 * Electron shell, browser mode and the CLI build one each, with the real ones.
 */
export class AppContext {
  readonly clock: () => string;
  readonly newId: () => string;
  readonly coder: string;
  readonly logger: Logger;
  private readonly indexOnOpen: boolean;
  private current: ProjectSession | null = null;
  private readonly listeners = new Set<(name: EventName, payload: unknown) => void>();

  constructor(options: ContextOptions = {}) {
    this.clock = options.clock ?? (() => new Date().toISOString());
    this.newId = options.newId ?? (() => randomUUID());
    this.coder = options.coder ?? 'me';
    this.logger = options.logger ?? consoleLogger;
    this.indexOnOpen = options.indexOnOpen ?? false;
  }

  /** The open project, or a NO_PROJECT error a user can act on. */
  get project(): ProjectSession {
    if (!this.current) throw new AppError('NO_PROJECT', 'No project is open. Open or create a project first.');
    return this.current;
  }

  get hasProject(): boolean {
    return this.current !== null;
  }

  openProject(path: string): ProjectSession {
    return this.replace(ProjectSession.open(path, this.searchHooks));
  }

  createProject(path: string, name: string, description: string): ProjectSession {
    return this.replace(ProjectSession.create(path, name, description, this.clock(), this.searchHooks));
  }

  private replace(next: ProjectSession): ProjectSession {
    this.current?.close();
    this.current = next;
    if (this.indexOnOpen) void next.search.start();
    return next;
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
