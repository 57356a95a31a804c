import { identityOf, type CslItem, type LibraryReference, type ReferenceIdentity } from '../../../shared/domain/library';
import type { Db } from '../../services/store/database';

interface ReferenceRow {
  id: string;
  csl: string;
  type: string;
  citation_key: string | null;
  authors: string;
  year: string | null;
  title: string;
  doi: string | null;
  full_text_source_id: string | null;
  origin: string;
  created_at: string;
  updated_at: string;
}

function toReference(row: ReferenceRow): LibraryReference {
  return {
    id: row.id,
    type: row.type,
    citationKey: row.citation_key,
    authors: JSON.parse(row.authors) as string[],
    year: row.year,
    title: row.title,
    doi: row.doi,
    csl: JSON.parse(row.csl) as CslItem,
    fullTextSourceId: row.full_text_source_id,
    origin: row.origin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns derived from a CSL item, written whenever the item is. */
function derived(csl: CslItem) {
  const identity = identityOf(csl);
  return {
    csl: JSON.stringify(csl),
    type: identity.type,
    citation_key: typeof csl['citation-key'] === 'string' ? csl['citation-key'] : null,
    authors: JSON.stringify(identity.authors),
    year: identity.year,
    title: identity.title,
    doi: identity.doi,
    work_key: identity.workKey,
  };
}

export function listReferences(db: Db): LibraryReference[] {
  return (db.prepare('SELECT * FROM library_references ORDER BY lower(authors), year, lower(title), id').all() as ReferenceRow[]).map(toReference);
}

export function findReference(db: Db, id: string): LibraryReference | undefined {
  const row = db.prepare('SELECT * FROM library_references WHERE id = ?').get(id) as ReferenceRow | undefined;
  return row && toReference(row);
}

/** Every reference's identity, for finding the same work. */
export function referenceIdentities(db: Db): Array<{ id: string; identity: Pick<ReferenceIdentity, 'doi' | 'workKey'> }> {
  const rows = db.prepare('SELECT id, doi, work_key FROM library_references ORDER BY created_at, id').all() as Array<{ id: string; doi: string | null; work_key: string }>;
  return rows.map((row) => ({ id: row.id, identity: { doi: row.doi, workKey: row.work_key } }));
}

export function insertReference(db: Db, reference: { id: string; csl: CslItem; origin: string; fullTextSourceId?: string | null; now: string }): void {
  db.prepare(
    `INSERT INTO library_references (id, csl, type, citation_key, authors, year, title, doi, work_key, full_text_source_id, origin, created_at, updated_at)
     VALUES (@id, @csl, @type, @citation_key, @authors, @year, @title, @doi, @work_key, @full_text_source_id, @origin, @now, @now)`,
  ).run({ id: reference.id, ...derived(reference.csl), full_text_source_id: reference.fullTextSourceId ?? null, origin: reference.origin, now: reference.now });
}

export function updateReferenceCsl(db: Db, id: string, csl: CslItem, now: string): boolean {
  const result = db
    .prepare(
      `UPDATE library_references SET csl = @csl, type = @type, citation_key = @citation_key, authors = @authors, year = @year, title = @title,
       doi = @doi, work_key = @work_key, updated_at = @now WHERE id = @id`,
    )
    .run({ id, ...derived(csl), now });
  return result.changes > 0;
}

export function deleteReferences(db: Db, ids: readonly string[]): number {
  const statement = db.prepare('DELETE FROM library_references WHERE id = ?');
  return ids.reduce((removed, id) => removed + statement.run(id).changes, 0);
}

export function setReferenceFullText(db: Db, id: string, sourceId: string | null, now: string): void {
  db.prepare('UPDATE library_references SET full_text_source_id = ?, updated_at = ? WHERE id = ?').run(sourceId, now, id);
}

/** The reference whose full text the source holds, if any. */
export function referenceOfSource(db: Db, sourceId: string): LibraryReference | undefined {
  const row = db.prepare('SELECT * FROM library_references WHERE full_text_source_id = ?').get(sourceId) as ReferenceRow | undefined;
  return row && toReference(row);
}

/** References whose full text is a source of the project, with what identifies them. */
export function fullTextReferences(db: Db): Array<{ doi: string | null; workKey: string; id: string; title: string }> {
  return db
    .prepare('SELECT r.doi, r.work_key AS workKey, s.id, s.title FROM library_references r JOIN sources s ON s.id = r.full_text_source_id ORDER BY s.title')
    .all() as Array<{ doi: string | null; workKey: string; id: string; title: string }>;
}
