import { AppError } from '../../../shared/api/errors';
import type { BackupInfo, BackupReason } from '../../../shared/domain/backups';
import { lastOpenBackup, listBackups, rememberOpenBackup, startBackup, type BackupRun } from './backups';

export interface AutoBackupOptions {
  /** Minutes of editing after which a backup is taken; 0 turns the timed backups off. */
  everyMinutes: number;
  /** Take a backup when a project opens (unless the newest one already holds it as it is). */
  onOpen: boolean;
}

/** A backup every ten minutes of editing: at most that much work is ever only in the project file. */
export const defaultAutoBackup: AutoBackupOptions = { everyMinutes: 10, onOpen: true };

/** An open-time backup is skipped when the newest backup is younger than this, so a script calling the CLI in a loop does not churn the backups. */
const openGapMs = 60_000;

export interface AutoBackupHooks {
  taken(info: BackupInfo): void;
  failed(error: unknown): void;
}

/**
 * When an open project is backed up: on opening (so the project as it was before this session
 * can always be restored) and after every `everyMinutes` minutes of editing. Backups run one at
 * a time in a worker thread; changes wait until the opening backup has fixed its snapshot (a
 * moment), so it holds the project exactly as it was opened.
 */
export class AutoBackup {
  private readonly path: string;
  private readonly now: () => Date;
  private readonly options: AutoBackupOptions;
  private readonly hooks: AutoBackupHooks;
  private queue: Promise<unknown> = Promise.resolve();
  private opening: Promise<unknown> = Promise.resolve();
  private running: BackupRun | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(path: string, now: () => Date, options: AutoBackupOptions, hooks: AutoBackupHooks) {
    this.path = path;
    this.now = now;
    this.options = options;
    this.hooks = hooks;
  }

  /**
   * The project has just been opened; `print` is its file's fingerprint from before it was.
   * Nothing is taken when the last opening's backup was of this very file, or is very recent.
   */
  opened(print: string): void {
    if (!this.options.onOpen) return;
    const last = lastOpenBackup(this.path);
    const backups = listBackups(this.path);
    if (last?.fingerprint === print && backups.some((b) => b.name === last.name)) return;
    const newest = backups.find((b) => b.reason !== 'replaced');
    if (newest && this.now().getTime() - Date.parse(newest.at) < openGapMs) return;
    let snapshot!: () => void;
    this.opening = new Promise<void>((resolve) => (snapshot = resolve));
    this.take('open', snapshot).then(
      (info) => rememberOpenBackup(this.path, print, info.name),
      () => undefined,
    );
  }

  /** Resolves once the opening backup has fixed what it copies (or failed): a change waits for it. */
  beforeChange(): Promise<unknown> {
    return this.opening;
  }

  /** A change was committed: the timed backup starts counting, if it is not already. */
  changed(): void {
    if (this.stopped || this.options.everyMinutes <= 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.take('timed').catch(() => undefined);
    }, this.options.everyMinutes * 60_000);
    // A pending backup does not keep a finished process alive.
    this.timer.unref();
  }

  /** Takes a backup after any running one; reports it to the hooks too. */
  take(reason: BackupReason, onSnapshot: () => void = () => {}): Promise<BackupInfo> {
    const run = this.queue.then(() => {
      if (this.stopped) throw new Error('closed before the backup began');
      this.running = startBackup(this.path, reason, this.now());
      void this.running.snapshot.then(onSnapshot);
      return this.running.done;
    });
    this.queue = run.catch(() => undefined).finally(() => {
      this.running = null;
      onSnapshot();
    });
    return run.then(
      (info) => {
        this.hooks.taken(info);
        return info;
      },
      (error: unknown) => {
        if (this.stopped) throw new AppError('CONFLICT', 'The project was closed before its backup was finished, so no backup was kept. Open it and back it up again.');
        this.hooks.failed(error);
        throw error;
      },
    );
  }

  /** Resolves when no backup is running or waiting. */
  async settled(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  /**
   * The project is closing: the timer stops and a running backup is dropped unfinished. Resolves
   * once its worker has let go of the project file.
   */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.running?.cancel() ?? Promise.resolve();
  }
}
