// The writer thread: a worker thread with a connection of its own to the open project, where
// changes too large for the main thread are written (a book's import is thousands of rows and
// their undo statements, half a second of SQLite). The change is recorded there exactly as on
// the main thread (recordChange: the handler's apply, its undo step, one transaction), and
// dispatch goes on from its result as from any other change. See writer-worker.ts.
import type { ChangeMethod } from '../../shared/api/contract';
import { WorkerPool, workerEntry } from '../services/workers/pool';
import type { SegmentRecord } from '../services/search/segment-store';
import type { RecordedChange } from './changes';

/** One change for the writer thread: the project, the method, its input and what its prepare returned, and the time it is made. */
export interface WriteRequest {
  path: string;
  method: ChangeMethod;
  input: unknown;
  prepared: unknown;
  at: string;
}

export type WriterJobs = {
  change: { input: WriteRequest; output: RecordedChange };
  /** A search-index segment in place of others (see segment-store.ts). */
  'search.store': { input: { path: string; replaced: readonly number[]; row: SegmentRecord }; output: number };
};

// The thread and its connection are let go once the project has had no large change for this long.
const IDLE_MS = 30_000;

/** The writer thread of one open project. */
export class Writer {
  private readonly path: string;
  private readonly pool = new WorkerPool<WriterJobs>({ size: 1, entry: workerEntry(import.meta.url, './writer-worker.ts', 'writer.js'), idleMs: IDLE_MS });
  /** What it wrote, for diagnostics and tests. */
  readonly stats = { changes: 0, segments: 0 };

  constructor(path: string) {
    this.path = path;
  }

  async record(method: ChangeMethod, input: unknown, prepared: unknown, at: string): Promise<RecordedChange> {
    const recorded = await this.pool.run('change', { path: this.path, method, input, prepared, at });
    this.stats.changes++;
    return recorded;
  }

  /** Writes a merged search segment, handing its blobs over rather than copying them. */
  async storeSegment(replaced: readonly number[], row: SegmentRecord): Promise<number> {
    // A small Buffer may live in Node's shared pool: only blobs that own their memory are handed over.
    const transfer = [row.data, row.positions].filter((b) => b.byteLength === b.buffer.byteLength).map((b) => b.buffer as ArrayBuffer);
    const rowId = await this.pool.run('search.store', { path: this.path, replaced, row }, { transfer: [...new Set(transfer)] });
    this.stats.segments++;
    return rowId;
  }

  /** Resolves once the thread's code can run (see WorkerPool.codeReady). */
  codeReady(): Promise<void> {
    return this.pool.codeReady();
  }

  /** Stops the thread; a change it was writing is rolled back with its transaction. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
