import type { Db } from '../services/store/database';
import { searchDocs } from '../services/search/documents';
import type { SearchDoc } from '../services/search/types';

/** The part of a project a write may change: a source (with its claims, references and memos), codes (with sub-codes), memos. */
export interface SearchScope {
  sourceIds?: readonly string[];
  codeIds?: readonly string[];
  memoIds?: readonly string[];
}

interface MemoRow {
  id: string;
  title: string;
  body: string;
  target_kind: string;
  target_id: string | null;
}

const memoDoc = (m: MemoRow): SearchDoc => searchDocs.memo(m.id, m.title, m.body, m.target_kind, m.target_id);

function sourceDocs(db: Db, sourceId: string): SearchDoc[] {
  const source = db.prepare('SELECT title, text FROM sources WHERE id = ?').get(sourceId) as { title: string; text: string } | undefined;
  if (!source) return [];
  const passages = db.prepare('SELECT id, start, end FROM passages WHERE source_id = ? ORDER BY ordinal').all(sourceId) as Array<{ id: string; start: number; end: number }>;
  const claims = db.prepare('SELECT id, text FROM claims WHERE source_id = ? ORDER BY ordinal').all(sourceId) as Array<{ id: string; text: string }>;
  const references = db.prepare('SELECT id, title, raw FROM reference_entries WHERE source_id = ? ORDER BY ordinal').all(sourceId) as Array<{
    id: string;
    title: string | null;
    raw: string;
  }>;
  const memos = db
    .prepare(
      `SELECT id, title, body, target_kind, target_id FROM memos
       WHERE (target_kind = 'source' AND target_id = @id) OR (target_kind = 'coding' AND target_id IN (SELECT id FROM codings WHERE source_id = @id))`,
    )
    .all({ id: sourceId }) as MemoRow[];
  return [
    ...passages.map((p) => searchDocs.passage(p.id, sourceId, source.title, source.text.slice(p.start, p.end))),
    ...claims.map((c) => searchDocs.claim(c.id, sourceId, source.title, c.text)),
    ...references.map((r) => searchDocs.reference(r.id, sourceId, r.title, r.raw)),
    ...memos.map(memoDoc),
  ];
}

function codeDocs(db: Db, codeId: string): SearchDoc[] {
  const subtree = 'WITH RECURSIVE down(id) AS (SELECT @id UNION ALL SELECT c.id FROM codes c JOIN down ON c.parent_id = down.id)';
  const codes = db.prepare(`${subtree} SELECT id, name, definition FROM codes WHERE id IN down`).all({ id: codeId }) as Array<{ id: string; name: string; definition: string }>;
  const memos = db
    .prepare(
      `${subtree} SELECT id, title, body, target_kind, target_id FROM memos
       WHERE (target_kind = 'code' AND target_id IN down) OR (target_kind = 'coding' AND target_id IN (SELECT id FROM codings WHERE code_id IN down))`,
    )
    .all({ id: codeId }) as MemoRow[];
  return [...codes.map((c) => searchDocs.code(c.id, c.name, c.definition)), ...memos.map(memoDoc)];
}

/** Every searchable doc within `scope`, by id, as the project holds it now. */
export function readScope(db: Db, scope: SearchScope): Map<string, SearchDoc> {
  const memo = db.prepare('SELECT id, title, body, target_kind, target_id FROM memos WHERE id = ?');
  const docs = [
    ...(scope.sourceIds ?? []).flatMap((id) => sourceDocs(db, id)),
    ...(scope.codeIds ?? []).flatMap((id) => codeDocs(db, id)),
    ...(scope.memoIds ?? []).flatMap((id) => {
      const row = memo.get(id) as MemoRow | undefined;
      return row ? [memoDoc(row)] : [];
    }),
  ];
  return new Map(docs.map((d) => [d.id, d]));
}
