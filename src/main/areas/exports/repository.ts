// What exports read that no other area reads: coded segments with their summaries, memos, cases
// and attributes, the codebook's criteria, and conclusions with every kind of evidence.
// Texts are cut in JavaScript, since offsets are UTF-16 code units and SQLite's substr counts
// characters.
import type { Coding } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';

/** Codings in source order (sources as listed, then by position), optionally of some sources and codes. */
export function codedSegments(db: Db): Coding[] {
  return db
    .prepare(
      `SELECT c.id, c.source_id AS sourceId, c.code_id AS codeId, c.start, c.end, c.coder, c.summary, c.created_at AS createdAt
       FROM codings c JOIN sources s ON s.id = c.source_id
       ORDER BY s.created_at, s.title, c.start, c.end, c.rowid`,
    )
    .all() as Coding[];
}

/** Memos written on codings or on sources, by what they are written on. */
export function memosOn(db: Db, kind: 'coding' | 'source'): Map<string, Array<{ title: string; body: string }>> {
  const rows = db.prepare('SELECT target_id, title, body FROM memos WHERE target_kind = ? ORDER BY created_at, rowid').all(kind) as Array<{
    target_id: string;
    title: string;
    body: string;
  }>;
  const byTarget = new Map<string, Array<{ title: string; body: string }>>();
  for (const row of rows) byTarget.set(row.target_id, [...(byTarget.get(row.target_id) ?? []), { title: row.title, body: row.body }]);
  return byTarget;
}

export interface SourceRecord {
  id: string;
  title: string;
  kind: string;
  text: string;
  authors: string[];
  year: string | null;
}

export function sourcesWithText(db: Db): SourceRecord[] {
  const rows = db.prepare('SELECT id, title, kind, text, authors, year FROM sources ORDER BY created_at, title').all() as Array<Omit<SourceRecord, 'authors'> & { authors: string }>;
  return rows.map((row) => ({ ...row, authors: JSON.parse(row.authors) as string[] }));
}

/** Paragraph starts per source, to say where a passage is ("¶ 4"). */
export function passageStarts(db: Db): Map<string, number[]> {
  const rows = db.prepare("SELECT source_id, start FROM passages WHERE kind <> 'heading' ORDER BY source_id, ordinal").all() as Array<{ source_id: string; start: number }>;
  const starts = new Map<string, number[]>();
  for (const row of rows) starts.set(row.source_id, [...(starts.get(row.source_id) ?? []), row.start]);
  return starts;
}

export interface CaseMembership {
  caseId: string;
  name: string;
  sourceId: string;
  /** Null for a whole source. */
  start: number | null;
  end: number | null;
}

export function caseMemberships(db: Db): CaseMembership[] {
  return db
    .prepare('SELECT m.case_id AS caseId, k.name, m.source_id AS sourceId, m.start, m.end FROM case_members m JOIN cases k ON k.id = m.case_id ORDER BY k.name, m.rowid')
    .all() as CaseMembership[];
}

export function attributesOf(db: Db): { sources: Map<string, Array<{ name: string; value: string }>>; cases: Map<string, Array<{ name: string; value: string }>> } {
  const group = (rows: Array<{ owner: string; name: string; value: string }>) => {
    const map = new Map<string, Array<{ name: string; value: string }>>();
    for (const row of rows) map.set(row.owner, [...(map.get(row.owner) ?? []), { name: row.name, value: row.value }]);
    return map;
  };
  return {
    sources: group(db.prepare('SELECT source_id AS owner, name, value FROM source_attributes ORDER BY name').all() as Array<{ owner: string; name: string; value: string }>),
    cases: group(db.prepare('SELECT case_id AS owner, name, value FROM case_attributes ORDER BY name').all() as Array<{ owner: string; name: string; value: string }>),
  };
}

/** The codebook's criteria beside what codes.list gives. */
export function codeCriteria(db: Db): Map<string, { inclusion: string; exclusion: string; example: string }> {
  const rows = db.prepare('SELECT id, inclusion, exclusion, example FROM codes').all() as Array<{ id: string; inclusion: string; exclusion: string; example: string }>;
  return new Map(rows.map(({ id, ...criteria }) => [id, criteria]));
}

export interface EvidenceRecord {
  conclusionId: string;
  tactic: string;
  kind: 'coding' | 'summary' | 'claim' | 'memo' | 'display';
  evidenceId: string;
  stance: 'supports' | 'contradicts';
  note: string;
}

export interface ConclusionRecord {
  id: string;
  statement: string;
  status: string;
  evidence: EvidenceRecord[];
}

export function conclusionsWithEvidence(db: Db): ConclusionRecord[] {
  const evidence = db
    .prepare('SELECT conclusion_id AS conclusionId, tactic, evidence_kind AS kind, evidence_id AS evidenceId, stance, note FROM conclusion_evidence ORDER BY position, rowid')
    .all() as EvidenceRecord[];
  const conclusions = db.prepare('SELECT id, statement, status FROM conclusions ORDER BY position, created_at, rowid').all() as Array<Omit<ConclusionRecord, 'evidence'>>;
  return conclusions.map((conclusion) => ({ ...conclusion, evidence: evidence.filter((e) => e.conclusionId === conclusion.id) }));
}

/** The things evidence can point at, by id, for describing each piece. */
export function evidenceTargets(db: Db) {
  const claims = db.prepare('SELECT id, source_id AS sourceId, text FROM claims').all() as Array<{ id: string; sourceId: string; text: string }>;
  const memos = db.prepare('SELECT id, title, body FROM memos').all() as Array<{ id: string; title: string; body: string }>;
  const displays = db.prepare('SELECT id, name, kind FROM displays').all() as Array<{ id: string; name: string; kind: string }>;
  return { claims: new Map(claims.map((c) => [c.id, c])), memos: new Map(memos.map((m) => [m.id, m])), displays: new Map(displays.map((d) => [d.id, d])) };
}
