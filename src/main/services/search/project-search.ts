import { AppError } from '../../../shared/api/errors';
import type { SearchStatus } from '../../../shared/domain/search';
import type { Db } from '../store/database';
import type { WriteGate } from '../store/write-gate';
import type { StoreSegment } from './segment-store';
import { changedDocuments, countDocuments, holdsDoc, sourcePassages, standsForPassages, type ChangedRow, type ScannedDoc } from './documents';
import { SearchService } from './search-service';

export interface SearchHooks {
  progress(done: number, total: number): void;
  error(message: string, error: unknown): void;
}

/** Changed rows read at a time: a few milliseconds of reading. */
const READ_ROWS = 2_000;

const silent: SearchHooks = { progress: () => {}, error: () => {} };

/**
 * A project's search index, owned by its session. It opens on start() or on the first
 * search, loading the persisted index or rebuilding it in the background; until then
 * writes need not touch it, because opening reconciles the stored index with the project
 * (by content hash) anyway. Once open, every write that changes searchable content goes
 * through change(), and each search waits for those updates, so what was written is found.
 */
export class ProjectSearch {
  private service: SearchService | null = null;
  private opening: Promise<void> | null = null;
  /** Changed rows being read, one change after another. */
  private reading: Promise<void> = Promise.resolve();
  /** Index updates not yet applied; searches wait for them. */
  private pending: Promise<void> = Promise.resolve();
  private state: SearchStatus['state'] = 'idle';
  private progress: SearchStatus['progress'] = null;
  private readonly db: Db;
  private readonly language: () => string;
  private readonly hooks: SearchHooks;
  private readonly writes: WriteGate;
  private readonly storeElsewhere: StoreSegment | undefined;

  constructor(db: Db, language: () => string, writes: { gate: WriteGate; storeElsewhere?: StoreSegment }, hooks: SearchHooks = silent) {
    this.db = db;
    this.language = language;
    this.writes = writes.gate;
    this.storeElsewhere = writes.storeElsewhere;
    this.hooks = hooks;
  }

  /** Opens the index in the background if it is not open or opening already. */
  start(): Promise<void> {
    if (this.opening) return this.opening;
    const service = new SearchService(this.db, { language: this.language(), writes: this.writes, storeElsewhere: this.storeElsewhere });
    this.service = service;
    this.state = 'building';
    this.opening = service
      .open((done, total) => {
        this.progress = { done, total };
        this.hooks.progress(done, total);
      })
      .then(
        () => {
          if (this.service === service) this.state = 'ready';
        },
        (error: unknown) => {
          if (this.service !== service) return;
          this.hooks.error('The search index could not be opened', error);
          this.state = 'failed';
          this.reset();
          throw new AppError('INTERNAL', 'The search index could not be built. Details are in the log; searching again will retry.');
        },
      );
    // A failed start is reported to whoever searches; nobody else waits on it.
    this.opening.catch(() => undefined);
    return this.opening;
  }

  /** The open index with every earlier write applied. */
  async ready(): Promise<SearchService> {
    await this.start();
    await this.pending;
    if (!this.service) return this.ready();
    return this.service;
  }

  /**
   * Brings the index up to date with rows a committed change (or its undo) wrote: docs whose
   * rows vanished are removed, the others indexed again. Until the index is open there is
   * nothing to do, because opening reconciles the stored index with the project anyway. The
   * update runs in the background; the next search waits for it.
   */
  applyChanges(rows: readonly ChangedRow[]): void {
    const service = this.service;
    if (!service) return;
    const docRows = rows.filter(holdsDoc);
    if (docRows.length === 0) return;
    // Read in turns, a slice of rows at a time, so that a book's thousands of passages do not
    // hold up the main thread; each change's docs are read and handed on in the order of the changes.
    const read = this.reading.then(() => this.readDocs(docRows));
    this.reading = read.then(
      () => undefined,
      () => undefined,
    );
    this.update(
      service,
      read.then(({ changed, vanished }) => {
        if (this.service !== service) return;
        return Promise.all([vanished.length ? service.remove(vanished) : undefined, changed.length ? service.upsertScanned(changed) : undefined]);
      }),
    );
  }

  private async readDocs(rows: readonly ChangedRow[]): Promise<{ changed: ScannedDoc[]; vanished: string[] }> {
    const changed: ScannedDoc[] = [];
    const vanished: string[] = [];
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < rows.length && this.db.open; i += READ_ROWS) {
      if (i > 0) await turn();
      const part = changedDocuments(this.db, rows.slice(i, i + READ_ROWS));
      for (const doc of part.changed) changed.push(doc);
      for (const id of part.vanished) vanished.push(id);
    }
    // A source's passages, a page at a time.
    for (const sourceId of new Set(rows.filter(standsForPassages).map((row) => row.key!))) {
      let after = Number.MIN_SAFE_INTEGER;
      for (;;) {
        await turn();
        if (!this.db.open) break;
        const page = sourcePassages(this.db, sourceId, after, READ_ROWS);
        for (const doc of page.docs) changed.push(doc);
        if (page.docs.length < READ_ROWS) break;
        after = page.lastOrdinal;
      }
    }
    return { changed, vanished };
  }

  /**
   * Reopens the index, e.g. after the project's language changed: opening finds the stored
   * segments analysed in another language and rebuilds them, reporting progress. An earlier
   * opening and updates finish first, so two builds never write segments at once; searches
   * made meanwhile wait for the new index.
   */
  reopen(): Promise<void> {
    const settled = Promise.all([this.opening?.catch(() => undefined), this.pending]);
    this.state = 'building';
    this.opening = settled.then(() => {
      // The project may have been closed meanwhile; there is then nothing to reopen.
      if (!this.db.open) return;
      this.close();
      return this.start();
    });
    return this.opening;
  }

  status(): SearchStatus {
    const docCount = countDocuments(this.db);
    return { state: this.state, docCount, progress: this.state === 'building' ? this.progress : null };
  }

  close(): void {
    this.service?.close();
    this.service = null;
    this.opening = null;
    this.state = 'idle';
  }

  private update(service: SearchService, work: Promise<unknown>): void {
    const applied = work.then(
      () => undefined,
      (error: unknown) => {
        if (this.service !== service) return;
        // Reopening reconciles the stored index with the project, so nothing written is lost.
        this.hooks.error('Updating the search index failed; it will be reopened', error);
        this.reset();
      },
    );
    this.pending = Promise.all([this.pending, applied]).then(() => undefined);
  }

  private reset(): void {
    this.service?.close();
    this.service = null;
    this.opening = null;
  }
}
