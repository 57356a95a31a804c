import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { AppError } from '../../../shared/api/errors';
import type { Db } from '../store/database';
import { WriteGate } from '../store/write-gate';
import { storeSegment, type SegmentRecord, type StoreSegment } from './segment-store';
import { Analyzer } from './analyzer';
import { SourceTexts, fingerprintDocs, scanDocuments, textOf, toIndexInput, type ScannedDoc } from './documents';
import { planQuery, planSimilar, type QueryPlan } from './query-plan';
import { SearchIndex, type LiveSegment, type RankedDoc, type Ranking } from './search-index';
import { buildSegment, mergeSegments, type IndexInput, type Segment } from './segment';
import { SEGMENT_FORMAT, checksum, decodePositions, decodeSegment, storedSegment, type StoredSegment } from './segment-codec';
import { makeSnippet, matchRangesInText, tokenRangesToOffsets } from './snippet';
import type { QueryOptions, SearchDoc, SearchFilter, SearchHit, SearchResult } from './types';
import type { BuiltSegment } from '../workers/jobs';
import { WorkerPool } from '../workers/pool';

export interface SearchServiceOptions {
  /** lunr-languages code; 'en' (lunr's own English pipeline) by default. */
  language?: string;
  /** Worker threads for builds; defaults to the machine's cores, at most 4. */
  threads?: number;
  /** Builds of less text than this run on the calling thread, where starting workers would cost more. */
  inlineBelowChars?: number;
  /** Turns at writing the project file, shared with the project's other writers. */
  writes?: WriteGate;
  /**
   * Where a merge's segment is written when not here: a merge late in a large import writes
   * tens of megabytes, which would hold up the main thread for a tenth of a second.
   */
  storeElsewhere?: StoreSegment;
}

/** Docs per worker job: small enough to report progress often, large enough to amortise messaging. */
const CHUNK_DOCS = { min: 200, max: 12_500 };
// Indexing this much text takes a few milliseconds: more, and the main thread would stall, so
// the build (a new source's delta too) goes to the worker threads.
const INLINE_CHARS = 10_000;
// Idle build workers give their memory back after this; the next build starts them again.
const WORKER_IDLE_MS = 30_000;
/** More segments than this and the newest ones are merged (see merge). */
const MAX_SEGMENTS = 6;
/**
 * A merge takes in the next older segment while that is at most this many times the size of what
 * it merges, so segments shrink geometrically from the oldest and a doc is written again about
 * log4(n) times as a project grows. (Merging everything once deltas outweighed a fifth of the base
 * wrote every doc again at each fifth of growth: a folder of 174 papers rewrote the whole index
 * some twenty times, each a blob written on the main thread.)
 */
const MERGE_RATIO = 4;
const DEFAULT_LIMIT = 50;
const REPAIR_SHARE = 0.2;

interface SegmentRow {
  id: number;
  format: number;
  language: string;
  checksum: number;
  data: Buffer;
  deleted: Buffer;
}

function packBits(dead: Uint8Array): Buffer {
  const bits = Buffer.alloc(Math.ceil(dead.length / 8));
  dead.forEach((d, i) => {
    if (d) bits[i >> 3]! |= 1 << (i & 7);
  });
  return bits;
}

function unpackBits(bits: Buffer, n: number): Uint8Array {
  if (bits.length !== Math.ceil(n / 8)) throw new Error('tombstone bitmap has the wrong size');
  const dead = new Uint8Array(n);
  for (let i = 0; i < n; i++) dead[i] = (bits[i >> 3]! >> (i & 7)) & 1;
  return dead;
}

/** The length of the docs' text, counted up to `enough`: a passage's is its offsets' span. */
function textLength(docs: readonly ScannedDoc[], enough: number): number {
  let sum = 0;
  for (const { doc } of docs) {
    sum += doc.end - doc.start + doc.title.length;
    if (sum >= enough) break;
  }
  return sum;
}

let buildPool: WorkerPool | undefined;

/** The worker threads that build segments, shared by every open index of the process: trusted work, so no memory budget. */
function builders(): WorkerPool {
  return (buildPool ??= new WorkerPool({ size: Math.min(4, availableParallelism()), idleMs: WORKER_IDLE_MS }));
}

/**
 * Builds one segment per chunk, `threads` chunks at a time in worker threads, handing out chunks
 * as threads come free and reporting each finished chunk. A chunk's inputs are made only when it
 * is handed out, so reading texts overlaps with the workers' indexing. Segments come back in
 * chunk order.
 */
async function buildInWorkers(
  chunkCount: number,
  chunk: (index: number) => IndexInput[],
  language: string,
  threads: number,
  onChunk: (index: number) => void,
): Promise<BuiltSegment[]> {
  const results = new Array<BuiltSegment>(chunkCount);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(threads, chunkCount)) }, async () => {
      for (let id = next++; id < chunkCount; id = next++) {
        // A lone chunk is the segment stored; chunks to be merged are encoded after the merge.
        results[id] = await builders().run('search.build', { language, inputs: chunk(id), store: chunkCount === 1 });
        onChunk(id);
      }
    }),
  );
  return results;
}

/**
 * Full-text search over a project's passages, memos, codes, claims and references: lunr's
 * analysis, query language and BM25 ranking over compact segments persisted in the project file.
 */
export class SearchService {
  private readonly db: Db;
  private readonly analyzer: Analyzer;
  private readonly threads: number;
  private readonly inlineBelowChars: number;
  private readonly writes: WriteGate;
  private readonly storeElsewhere: StoreSegment | undefined;
  private index = new SearchIndex();
  private readonly sourceTexts: SourceTexts;
  /** Mutations run one after another: a background merge never interleaves with an upsert. */
  private queue: Promise<void> = Promise.resolve();
  /** The upsert queued and not yet started, which later upserts join. */
  private waitingUpsert: { docs: ScannedDoc[]; done: Promise<void> } | null = null;
  private opened = false;
  /** What open() did, for diagnostics and tests. */
  readonly stats = { rebuilds: 0, loads: 0, repairedDocs: 0, merges: 0 };

  constructor(db: Db, options: SearchServiceOptions = {}) {
    this.db = db;
    this.analyzer = new Analyzer(options.language ?? 'en');
    this.sourceTexts = new SourceTexts(db);
    this.threads = options.threads ?? Math.min(4, availableParallelism());
    this.inlineBelowChars = options.inlineBelowChars ?? INLINE_CHARS;
    this.writes = options.writes ?? new WriteGate();
    this.storeElsewhere = options.storeElsewhere;
  }

  get language(): string {
    return this.analyzer.language;
  }

  /** Loads the persisted index if valid for the project's content, else rebuilds it (in worker threads) reporting progress. */
  open(onProgress?: (done: number, total: number) => void): Promise<void> {
    return this.enqueue(async () => {
      const docs = scanDocuments(this.db);
      if (!(await this.load(docs))) await this.rebuild(docs, onProgress);
      else {
        onProgress?.(docs.length, docs.length);
        // Positions are not needed to rank; read them after the caller's first query.
        setImmediate(() => void this.enqueue(async () => this.index.ensurePositions()));
      }
      this.opened = true;
    });
  }

  /** Adds or replaces documents, fingerprinted as the project's tables hold them; searchable when this resolves. */
  upsert(docs: readonly SearchDoc[]): Promise<void> {
    return this.upsertScanned(fingerprintDocs(this.db, docs));
  }

  /**
   * Adds or replaces fingerprinted documents (e.g. a newly imported source's passages);
   * searchable when this resolves. Upserts made while another is waiting its turn join it, so
   * sources imported together are indexed as one delta rather than one after another.
   */
  upsertScanned(docs: readonly ScannedDoc[]): Promise<void> {
    if (this.waitingUpsert) {
      for (const doc of docs) this.waitingUpsert.docs.push(doc);
      return this.waitingUpsert.done;
    }
    const batched = [...docs];
    const done = this.enqueue(async () => {
      if (this.waitingUpsert?.docs === batched) this.waitingUpsert = null;
      this.assertOpen();
      for (const { doc } of batched) if (doc.sourceId !== null) this.sourceTexts.forget(doc.sourceId);
      await this.addDocs(batched);
      this.scheduleMerge();
    });
    this.waitingUpsert = { docs: batched, done };
    return done;
  }

  remove(ids: string[]): Promise<void> {
    // Upserts after this one must come after it too, not join a batch queued before it.
    this.waitingUpsert = null;
    return this.enqueue(async () => {
      this.assertOpen();
      await this.removeDocs(ids);
    });
  }

  query(q: string, options: QueryOptions = {}): SearchResult {
    const started = performance.now();
    this.assertOpen();
    if (q.trim() === '') return { total: 0, hits: [], tookMs: performance.now() - started };
    return this.answer(planQuery(q, this.analyzer), options, started);
  }

  /** "Find support": rank docs by similarity to a passage of text. */
  similar(text: string, options: { limit?: number; filter?: SearchFilter }): SearchResult {
    const started = performance.now();
    this.assertOpen();
    return this.answer(planSimilar(text, this.analyzer), options, started);
  }

  close(): void {
    this.opened = false;
    this.index = new SearchIndex();
  }

  private answer(plan: QueryPlan, options: QueryOptions, started: number): SearchResult {
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const offset = Math.max(0, options.offset ?? 0);
    const ranking = this.index.rank(plan, offset + limit, options.filter);
    const hits = ranking.top.slice(offset).map((ranked) => this.hit(ranked, ranking));
    return { total: ranking.total, hits, tookMs: performance.now() - started };
  }

  private hit({ doc, score, global }: RankedDoc, ranking: Ranking): SearchHit {
    const text = textOf(doc, this.sourceTexts);
    // Positions load in the background after open; until then the hit's text is analysed again.
    const ranges = this.index.hasPositions(global)
      ? this.index.matchRanges(global, ranking.textPhrases)
      : matchRangesInText(text, ranking.textTerms, ranking.textPhrases, this.analyzer);
    const matches = tokenRangesToOffsets(text, ranges, this.analyzer);
    const { snippet, highlights } = makeSnippet(text, matches);
    return { id: doc.id, kind: doc.kind, sourceId: doc.sourceId, title: doc.title, score, snippet, snippetHighlights: highlights, matches };
  }

  private assertOpen(): void {
    if (!this.opened) throw new AppError('NO_PROJECT', 'Search is not ready yet: its index is being opened or built.');
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Trusts the stored index only if every segment decodes with its checksum, is of this format
   * and language, and holds each project doc with the same content hash. Docs that changed,
   * appeared or vanished since are re-indexed as a delta; anything else means a rebuild.
   */
  private async load(docs: readonly ScannedDoc[]): Promise<boolean> {
    const rows = this.db.prepare('SELECT id, format, language, checksum, data, deleted FROM search_segments ORDER BY id').all() as SegmentRow[];
    const positionsOf = this.db.prepare('SELECT positions_checksum AS checksum, positions FROM search_segments WHERE id = ?');
    if (rows.length === 0) return false;
    const index = new SearchIndex();
    try {
      for (const row of rows) {
        if (row.format !== SEGMENT_FORMAT || row.language !== this.language || checksum(row.data) !== row.checksum) return false;
        const segment = decodeSegment(row.data);
        const loadPositions = (): void => {
          const stored = positionsOf.get(row.id) as { checksum: number; positions: Buffer } | undefined;
          if (!stored || checksum(stored.positions) !== stored.checksum) this.damaged();
          decodePositions(segment, stored!.positions);
        };
        index.addSegment(segment, row.id, unpackBits(row.deleted, segment.docIds.length), undefined, loadPositions);
      }
    } catch {
      return false;
    }
    const changed = docs.filter((d) => index.attach(d.doc, d.fingerprint) !== 'same');
    // Past a fifth of the project, a fresh build beats patching in a delta.
    if (changed.length > docs.length * REPAIR_SHARE) return false;
    // A changed doc's old version is unattached too; the delta replaces it.
    const changedIds = new Set(changed.map((d) => d.doc.id));
    const vanished = index.unattached().filter((id) => !changedIds.has(id));
    this.index = index;
    this.stats.loads++;
    if (changed.length + vanished.length > 0) {
      this.stats.repairedDocs += changed.length + vanished.length;
      await this.removeDocs(vanished);
      await this.addDocs(changed);
    }
    return true;
  }

  private async rebuild(docs: ScannedDoc[], onProgress?: (done: number, total: number) => void): Promise<void> {
    onProgress?.(0, docs.length);
    const built = await this.buildSegment(docs, (done) => onProgress?.(done, docs.length));
    const index = new SearchIndex();
    const live = index.addSegment(built.segment, null, null, docs.map((d) => d.doc));
    await this.writes.run(() =>
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM search_segments').run();
        this.insertRow(live, built.stored);
      })(),
    );
    this.index = index;
    this.stats.rebuilds++;
  }

  /**
   * Builds a segment of `docs`: on this thread when they are few, else in the build workers, in
   * chunks (for progress and to use every thread) unless `oneChunk` (a delta: imports running
   * together already use the threads, and one chunk needs no merging).
   */
  private async buildSegment(docs: readonly ScannedDoc[], onDone: (done: number) => void, oneChunk = false): Promise<BuiltSegment> {
    const inputs = (from: number, to: number): IndexInput[] => docs.slice(from, to).map((d) => toIndexInput(d, this.sourceTexts));
    if (this.threads < 1 || textLength(docs, this.inlineBelowChars) < this.inlineBelowChars) {
      const segment = buildSegment(inputs(0, docs.length), this.analyzer);
      onDone(docs.length);
      return { segment };
    }
    const size = oneChunk ? docs.length : Math.min(CHUNK_DOCS.max, Math.max(CHUNK_DOCS.min, Math.ceil(docs.length / (this.threads * 4))));
    const count = Math.ceil(docs.length / size);
    let done = 0;
    const segments = await buildInWorkers(
      count,
      (i) => inputs(i * size, (i + 1) * size),
      this.language,
      this.threads,
      (i) => onDone((done += Math.min(size, docs.length - i * size))),
    );
    return segments.length === 1 ? segments[0]! : this.mergeOffThread(segments.map((s) => s.segment), segments.map(() => null));
  }

  /**
   * Merges live segments. Stored ones are read from the project file by the worker: sending it
   * the segments held here would copy them on this thread, 80 ms for a large merge.
   */
  private mergeLive(segments: readonly LiveSegment[]): Promise<BuiltSegment> {
    // A segment whose docs are all dead adds nothing (and its row is gone: see saveDeletions).
    const merging = segments.filter((s) => s.deadCount < s.segment.docIds.length);
    const dead = merging.map((s) => s.dead);
    const rowIds = merging.map((s) => s.rowId);
    if (this.threads >= 1 && this.db.name !== ':memory:' && rowIds.every((id) => id !== null)) {
      return builders().run('search.mergeStored', { path: this.db.name, rowIds: rowIds as number[], dead });
    }
    this.index.ensurePositions();
    return this.mergeOffThread(
      merging.map((s) => s.segment),
      dead,
    );
  }

  /** mergeSegments, encoded for storage too, in a build worker when threads are allowed: merging a large index takes seconds. */
  private mergeOffThread(segments: Segment[], dead: (Uint8Array | null)[]): Promise<BuiltSegment> {
    if (this.threads < 1) return Promise.resolve({ segment: mergeSegments(segments, dead) });
    return builders().run('search.merge', { segments, dead });
  }

  /** A segment's row, encoding it here unless a worker already has. */
  private record(segment: Segment, dead: Uint8Array, stored: StoredSegment = storedSegment(segment)): SegmentRecord {
    return {
      format: SEGMENT_FORMAT,
      language: this.language,
      docCount: segment.docIds.length,
      checksum: stored.dataChecksum,
      data: stored.data,
      positionsChecksum: stored.positionsChecksum,
      positions: stored.positions,
      deleted: packBits(dead),
    };
  }

  /** Stores a live segment as a new row. */
  private insertRow(live: LiveSegment, stored?: StoredSegment): void {
    live.rowId = storeSegment(this.db, [], this.record(live.segment, live.dead, stored));
  }

  /**
   * Positions found damaged when a phrase needed them: the index cannot answer, so it is
   * rebuilt in the background and the caller is told to retry.
   */
  private damaged(): never {
    this.opened = false;
    void this.enqueue(async () => {
      await this.rebuild(scanDocuments(this.db));
      this.opened = true;
    });
    throw new AppError('INTERNAL', 'The search index was damaged and is being rebuilt; search again in a moment.');
  }

  /** Saves tombstones; a segment with no live doc left is dropped. */
  private saveDeletions(touched: Iterable<LiveSegment>): void {
    const update = this.db.prepare('UPDATE search_segments SET deleted = ? WHERE id = ?');
    const drop = this.db.prepare('DELETE FROM search_segments WHERE id = ?');
    for (const live of new Set(touched)) {
      if (live.rowId === null) continue;
      if (live.deadCount === live.segment.docIds.length) {
        drop.run(live.rowId);
        live.rowId = null;
      }
      else update.run(packBits(live.dead), live.rowId);
    }
  }

  private removeDocs(ids: readonly string[]): Promise<void> {
    return this.writes.run(() => {
      const touched = ids.map((id) => this.index.remove(id)).filter((s): s is LiveSegment => s !== null);
      this.db.transaction(() => this.saveDeletions(touched))();
    });
  }

  private async addDocs(docs: readonly ScannedDoc[]): Promise<void> {
    const unique = [...new Map(docs.map((d) => [d.doc.id, d])).values()];
    if (unique.length === 0) return;
    await this.commitDelta(unique, await this.buildSegment(unique, () => undefined, true));
  }

  /** Replaces older versions of the docs with a new segment, in memory and on disk together. */
  private commitDelta(docs: readonly ScannedDoc[], built: BuiltSegment): Promise<void> {
    return this.writes.run(() => {
      const touched = docs.map((d) => this.index.remove(d.doc.id)).filter((s): s is LiveSegment => s !== null);
      const live = this.index.addSegment(built.segment, null, null, docs.map((d) => d.doc));
      this.db.transaction(() => {
        this.saveDeletions(touched);
        this.insertRow(live, built.stored);
      })();
    });
  }

  /** Queued behind the current mutation, so the upsert that triggers it resolves first. */
  private scheduleMerge(): void {
    if (this.index.segments.length > MAX_SEGMENTS) void this.enqueue(() => this.merge());
  }

  /** Resolves when queued index work (such as a background merge) is done. */
  idle(): Promise<void> {
    return this.queue;
  }

  get segmentCount(): number {
    return this.index.segments.length;
  }

  /**
   * Merges the newest segments into one, taking in older ones while they are not much larger
   * (MERGE_RATIO) or there would still be too many, so queries do not slow down as sources are
   * added one by one and each merge writes little more than the newest docs.
   */
  private async merge(): Promise<void> {
    const segments = this.index.segments;
    if (segments.length <= MAX_SEGMENTS) return;
    const liveDocs = (s: LiveSegment): number => s.segment.docIds.length - s.deadCount;
    let first = segments.length - 2;
    let size = liveDocs(segments[first]!) + liveDocs(segments[first + 1]!);
    // After the merge the index holds the `first` older segments and the merged one.
    while (first > 0 && (first + 1 > MAX_SEGMENTS || liveDocs(segments[first - 1]!) <= size * MERGE_RATIO)) size += liveDocs(segments[--first]!);
    const merging = segments.slice(first);
    // Mutations wait in the queue meanwhile, so the segments merged are still the index's when it ends.
    const { segment: merged, stored } = await this.mergeLive(merging);
    if (!this.opened) return;
    const row = this.record(merged, new Uint8Array(merged.docIds.length), stored);
    const replaced = merging.flatMap((s) => (s.rowId === null ? [] : [s.rowId]));
    const store = this.storeElsewhere;
    const rowId = store ? await this.writes.elsewhere(() => store(replaced, row)) : await this.writes.run(() => storeSegment(this.db, replaced, row));
    // Mutations still wait in the queue; a close meanwhile leaves the file with the merged row, as good as the ones it replaced.
    if (!this.opened) return;
    this.index.replaceTail(first, merged).rowId = rowId;
    this.stats.merges++;
  }
}
