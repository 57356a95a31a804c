import type { Db } from '../../services/store/database';

/** The source whose reference list holds the entry; undefined when there is no such entry. */
export function referenceOwner(db: Db, id: string): string | null | undefined {
  const row = db.prepare('SELECT source_id FROM reference_entries WHERE id = ?').get(id) as { source_id: string | null } | undefined;
  return row?.source_id;
}

export function linkFullText(db: Db, referenceId: string, sourceId: string | null): boolean {
  return db.prepare('UPDATE reference_entries SET full_text_source_id = ? WHERE id = ?').run(sourceId, referenceId).changes > 0;
}
