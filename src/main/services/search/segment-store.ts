// How a search-index segment is written to the project file: by the search service on the main
// thread, or by the app's writer thread for a merge's large blobs (see SearchServiceOptions).
import type { Db } from '../store/database';
import type { Segment } from './segment';
import { SEGMENT_FORMAT, checksum, decodePositions, decodeSegment } from './segment-codec';

/** A row of search_segments as written: the segment's encoding and its tombstones. */
export interface SegmentRecord {
  format: number;
  language: string;
  docCount: number;
  checksum: number;
  data: Uint8Array;
  positionsChecksum: number;
  positions: Uint8Array;
  deleted: Uint8Array;
}

/** Writes another thread's connection would: a segment in place of the rows `replaced`, answering its row id. */
export type StoreSegment = (replaced: readonly number[], row: SegmentRecord) => Promise<number>;

// Blobs from a worker arrive as plain Uint8Arrays; better-sqlite3 binds Buffers.
const blob = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Writes a segment in place of the rows `replaced`, in one transaction; answers its row id. */
export function storeSegment(db: Db, replaced: readonly number[], row: SegmentRecord): number {
  return db.transaction(() => {
    const drop = db.prepare('DELETE FROM search_segments WHERE id = ?');
    for (const id of replaced) drop.run(id);
    const result = db
      .prepare('INSERT INTO search_segments (format, language, doc_count, checksum, data, positions_checksum, positions, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.format, row.language, row.docCount, row.checksum, blob(row.data), row.positionsChecksum, blob(row.positions), blob(row.deleted));
    return Number(result.lastInsertRowid);
  })();
}

/**
 * Stored segments, decoded with their positions and their checksums checked: what a merge in a
 * worker thread reads for itself, rather than being sent the segments the main thread holds.
 */
export function readSegments(db: Db, rowIds: readonly number[]): Segment[] {
  const select = db.prepare('SELECT format, checksum, data, positions_checksum AS positionsChecksum, positions FROM search_segments WHERE id = ?');
  return rowIds.map((id) => {
    const row = select.get(id) as { format: number; checksum: number; data: Buffer; positionsChecksum: number; positions: Buffer } | undefined;
    if (!row || row.format !== SEGMENT_FORMAT || checksum(row.data) !== row.checksum || checksum(row.positions) !== row.positionsChecksum) {
      throw new Error(`The search index's segment ${id} is missing or damaged.`);
    }
    const segment = decodeSegment(row.data);
    decodePositions(segment, row.positions);
    return segment;
  });
}
