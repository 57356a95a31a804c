import type { Db } from '../../services/store/database';

/** What the code × source matrix counts: sources in import order, codes in codebook order, codings per pair. */
export function matrixCounts(db: Db) {
  const sources = db.prepare('SELECT id, title FROM sources ORDER BY created_at, title').all() as Array<{ id: string; title: string }>;
  const codeIds = db.prepare('SELECT id FROM codes ORDER BY position, name').pluck().all() as string[];
  const counts = db.prepare('SELECT code_id AS codeId, source_id AS sourceId, count(*) AS n FROM codings GROUP BY code_id, source_id').all() as Array<{
    codeId: string;
    sourceId: string;
    n: number;
  }>;
  return { sources, codeIds, counts };
}
