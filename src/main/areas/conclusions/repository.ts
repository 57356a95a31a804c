import type { Conclusion, ConclusionEvidence, ConclusionStatus } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';

interface ConclusionRow {
  id: string;
  statement: string;
  status: ConclusionStatus;
  created_at: string;
  updated_at: string;
}

interface EvidenceRow {
  conclusion_id: string;
  evidence_kind: 'coding' | 'claim';
  evidence_id: string;
  stance: 'supports' | 'contradicts';
  source_id: string | null;
  excerpt: string | null;
}

function evidenceOf(db: Db): Map<string, ConclusionEvidence[]> {
  const rows = db
    .prepare(
      `SELECT e.conclusion_id, e.evidence_kind, e.evidence_id, e.stance,
         coalesce(cd.source_id, cl.source_id) AS source_id,
         coalesce(substr(s.text, cd.start + 1, cd.end - cd.start), cl.text) AS excerpt
       FROM conclusion_evidence e
       LEFT JOIN codings cd ON e.evidence_kind = 'coding' AND cd.id = e.evidence_id
       LEFT JOIN sources s ON s.id = cd.source_id
       LEFT JOIN claims cl ON e.evidence_kind = 'claim' AND cl.id = e.evidence_id
       ORDER BY e.rowid`,
    )
    .all() as EvidenceRow[];
  const byConclusion = new Map<string, ConclusionEvidence[]>();
  for (const row of rows) {
    // Evidence whose coding or claim has been deleted is left out rather than shown empty.
    if (row.source_id === null || row.excerpt === null) continue;
    const list = byConclusion.get(row.conclusion_id) ?? [];
    list.push({ kind: row.evidence_kind, id: row.evidence_id, stance: row.stance, excerpt: row.excerpt, sourceId: row.source_id });
    byConclusion.set(row.conclusion_id, list);
  }
  return byConclusion;
}

export function listConclusions(db: Db): Conclusion[] {
  const evidence = evidenceOf(db);
  const rows = db.prepare('SELECT id, statement, status, created_at, updated_at FROM conclusions ORDER BY created_at, rowid').all() as ConclusionRow[];
  return rows.map((r) => ({
    id: r.id,
    statement: r.statement,
    status: r.status,
    evidence: evidence.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function findConclusion(db: Db, id: string): Conclusion | undefined {
  return listConclusions(db).find((c) => c.id === id);
}

export function insertConclusion(db: Db, c: { id: string; statement: string; status: ConclusionStatus; now: string }): void {
  db.prepare('INSERT INTO conclusions (id, statement, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    c.id,
    c.statement,
    c.status,
    c.now,
    c.now,
  );
}

export function updateConclusion(db: Db, id: string, changes: { statement?: string; status?: ConclusionStatus }, now: string): boolean {
  return (
    db
      .prepare('UPDATE conclusions SET statement = coalesce(?, statement), status = coalesce(?, status), updated_at = ? WHERE id = ?')
      .run(changes.statement ?? null, changes.status ?? null, now, id).changes > 0
  );
}

export function linkEvidence(db: Db, conclusionId: string, e: { kind: 'coding' | 'claim'; id: string; stance: 'supports' | 'contradicts' }): void {
  db.prepare(
    `INSERT INTO conclusion_evidence (conclusion_id, evidence_kind, evidence_id, stance) VALUES (?, ?, ?, ?)
     ON CONFLICT (conclusion_id, tactic, evidence_kind, evidence_id) DO UPDATE SET stance = excluded.stance`,
  ).run(conclusionId, e.kind, e.id, e.stance);
}

export function evidenceExists(db: Db, kind: 'coding' | 'claim', id: string): boolean {
  const table = kind === 'coding' ? 'codings' : 'claims';
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Moves evidence links from one item to another of its kind (a coding that became one with its twin); a link the other already has is dropped. */
export function repointEvidence(db: Db, kind: 'coding' | 'claim', fromId: string, toId: string): void {
  db.prepare('UPDATE OR IGNORE conclusion_evidence SET evidence_id = ? WHERE evidence_kind = ? AND evidence_id = ?').run(toId, kind, fromId);
  db.prepare('DELETE FROM conclusion_evidence WHERE evidence_kind = ? AND evidence_id = ?').run(kind, fromId);
}
