import type { ConclusionStatus, Stage } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';

/** What the dashboard counts, in a handful of whole-table queries. */
export function dashboardFacts(db: Db) {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    sources: db.prepare('SELECT id, title, stage, length(text) AS length FROM sources ORDER BY created_at, title').all() as Array<{
      id: string;
      title: string;
      stage: Stage;
      length: number;
    }>,
    codings: db.prepare('SELECT source_id AS sourceId, start, end FROM codings').all() as Array<{ sourceId: string; start: number; end: number }>,
    conclusionStatuses: db.prepare('SELECT status FROM conclusions').pluck().all() as ConclusionStatus[],
    tacticsDone: db.prepare('SELECT count(*) FROM conclusion_tactics WHERE done = 1').pluck().get() as number,
    counts: { codes: count('codes'), codings: count('codings'), memos: count('memos'), displays: count('displays') },
  };
}
