// How a search-index segment is written to the project file: by the search service on the main
// thread, or by the app's writer thread for a merge's large blobs (see SearchServiceOptions).
import type { Db } from '../store/database';

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
