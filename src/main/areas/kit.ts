// What every area's handlers are written against: the context they may use and the shape
// of a handler for each kind of method. The app layer implements the context and runs
// the handlers (src/main/app/dispatch.ts); areas never import the app.
import type { ChangeMethod, ControlMethod, MethodName, MethodOutput, ParsedInput, ReadMethod } from '../../shared/api/contract';
import type { EventMap, EventName } from '../../shared/api/events';
import type { AppError } from '../../shared/api/errors';
import type { BackupInfo } from '../../shared/domain/backups';
import type { HistoryState, HistoryStep } from '../../shared/domain/history';
import type { ProjectAccessInfo } from '../../shared/domain/model';
import type { SearchStatus } from '../../shared/domain/search';
import type { SearchService } from '../services/search/search-service';
import type { Db } from '../services/store/database';

export type Emit = <K extends EventName>(name: K, payload: EventMap[K]) => void;

/** The project's search index, as handlers see it. */
export interface SearchHandle {
  /** The open index with every earlier write applied. */
  ready(): Promise<SearchService>;
  status(): SearchStatus;
}

/** The open project. */
export interface ProjectHandle {
  readonly path: string;
  readonly db: Db;
  readonly name: string;
  /** The search language code. */
  readonly language: string;
  readonly search: SearchHandle;
  readonly history: { list(): HistoryState };
}

/** Shows the system's dialog for choosing a project file; resolves null when the person cancels. */
export type PathPicker = (purpose: 'open' | 'create' | 'copy', suggestedName: string) => Promise<string | null>;

/** What the person keeps outside any project. */
export interface UserHandle {
  /** Projects opened lately, newest first; empty where none are remembered (the CLI, tests). */
  recentProjects(): Array<{ path: string; name: string; openedAt: string }>;
  /** The system's file dialogs; null where there are none (browser mode, the CLI). */
  readonly pickPath: PathPicker | null;
}

/** Everything a handler may use. Tests build one with a fixed clock and id maker. */
export interface AreaContext {
  /** The open project, or a NO_PROJECT error a user can act on. */
  readonly project: ProjectHandle;
  /** The open project's file; null when none is open. */
  readonly openPath: string | null;
  readonly user: UserHandle;
  readonly clock: () => string;
  readonly newId: () => string;
  /** Who codes: recorded with each coding. */
  readonly coder: string;
  /** Progress of long work; changes are announced by dispatch, never by handlers. */
  readonly emit: Emit;
  /** Which project paths callers may open and create here (browser mode limits them). */
  readonly projectAccess: {
    readonly info: ProjectAccessInfo;
    /** Why a project file may not be used here, or null when it may. */
    refusal(path: string): string | null;
    /** Why a folder's projects may not be listed here, or null when they may. */
    folderRefusal(folder: string): string | null;
  };
  /** While no project is open because the last one turned out damaged: that error, which offers its latest good backup. */
  readonly projectProblem: AppError | null;
}

/** What control methods may do besides: switch projects, keep the recent list, walk the undo history, back up and restore. */
export interface ControlContext extends AreaContext {
  openProject(path: string): Promise<void>;
  createProject(path: string, name: string, description: string): void;
  /** Opens the sample project, building it first if need be. */
  openSample(): Promise<void>;
  forgetRecent(path: string): void;
  undo(): Promise<HistoryStep | null>;
  redo(): Promise<HistoryStep | null>;
  setHistoryDepth(depth: number): Promise<HistoryState>;
  clearHistory(): Promise<HistoryState>;
  /** A backup of the open project, taken now and checked. */
  backUp(): Promise<BackupInfo>;
  /** Puts `backup` in the place of the project file at `path` (the open one by default) and opens it; answers the file it replaced, kept as a backup. */
  restoreBackup(backup: string, path?: string): Promise<BackupInfo | null>;
}

type Input<M extends MethodName> = ParsedInput<M>;
type Output<M extends MethodName> = MethodOutput<M>;

export type ReadHandler<M extends ReadMethod> = (input: Input<M>, ctx: AreaContext) => Output<M> | Promise<Output<M>>;

/**
 * A change whose work before writing is slow or asynchronous (reading a file, an audit in a
 * worker): `prepare` runs first, outside any transaction, and may not write; `apply` then
 * writes, synchronously, inside the transaction dispatch opens.
 */
export interface TwoPhase<I, P, O> {
  prepare(input: I, ctx: AreaContext): Promise<P>;
  apply(input: I, prepared: P, ctx: AreaContext): O;
  /**
   * Whether what `prepare` returned makes a write too large for the main thread (a book's
   * thousands of passages): `apply` then runs in the app's writer thread, on a connection of its
   * own, where its context has the project's database, the time and new ids, and nothing else.
   */
  large?(input: I, prepared: P): boolean;
}

/** A change is synchronous, so dispatch can run all of it in one transaction, or it comes in two phases. */
export type ChangeHandler<M extends ChangeMethod> =
  | ((input: Input<M>, ctx: AreaContext) => Output<M>)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler's prepared value is checked where it is written, by inTwoPhases
  | TwoPhase<Input<M>, any, Output<M>>;

/** Writes a two-phase change so that what `prepare` returns is what `apply` is typed to take. */
export function inTwoPhases<I, P, O>(handler: TwoPhase<I, P, O>): TwoPhase<I, P, O> {
  return handler;
}

export type ControlHandler<M extends ControlMethod> = (input: Input<M>, ctx: ControlContext) => Output<M> | Promise<Output<M>>;

export type Handler<M extends MethodName> = M extends ReadMethod
  ? ReadHandler<M>
  : M extends ChangeMethod
    ? ChangeHandler<M>
    : M extends ControlMethod
      ? ControlHandler<M>
      : never;

/** Exactly one handler per contract method: a missing or unknown name is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers of one area (`'codes.'`, `'sources.'` ...), so each area file is checked on its own. */
export type AreaHandlers<Prefix extends string> = { [M in MethodName as M extends `${Prefix}${string}` ? M : never]: Handler<M> };
