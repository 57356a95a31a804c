import { codePath } from '../../../shared/domain/code-tree';
import { verificationTactics, type VerificationTactic } from '../../../shared/domain/conclude/tactics';
import type { Trail, TrailItem, TrailReference, TrailSource } from '../../../shared/domain/conclude/trail';
import type { Conclusion, ConclusionEvidence, ConclusionStatus, EvidenceCandidate, EvidenceKind, Stance } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';
import { listCodes } from '../codes/repository';

interface ConclusionRow {
  id: string;
  statement: string;
  status: ConclusionStatus;
  position: number;
  created_at: string;
  updated_at: string;
}

interface EvidenceRow {
  conclusion_id: string;
  tactic: string;
  kind: EvidenceKind;
  id: string;
  stance: Stance;
  note: string;
  coding_source: string | null;
  code_id: string | null;
  start: number | null;
  end: number | null;
  summary: string | null;
  claim_source: string | null;
  claim_text: string | null;
  claim_start: number | null;
  claim_end: number | null;
  memo_title: string | null;
  memo_body: string | null;
  display_name: string | null;
}

/** One evidence link, in a conclusion's order. */
export interface EvidenceKey {
  kind: EvidenceKind;
  id: string;
  tactic: VerificationTactic | null;
}

const tacticOf = (stored: string): VerificationTactic | null => (stored === '' ? null : (stored as VerificationTactic));
const stored = (tactic: VerificationTactic | null): string => tactic ?? '';

/** Reads each source's text at most once: offsets are UTF-16 units, which only the text itself slices right. */
function textReader(db: Db): (sourceId: string) => string {
  const texts = new Map<string, string>();
  const read = db.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  return (sourceId) => {
    if (!texts.has(sourceId)) texts.set(sourceId, (read.get(sourceId) as string | undefined) ?? '');
    return texts.get(sourceId)!;
  };
}

const cut = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function evidenceRows(db: Db, conclusionId: string | null): EvidenceRow[] {
  return db
    .prepare(
      `SELECT e.conclusion_id, e.tactic, e.evidence_kind AS kind, e.evidence_id AS id, e.stance, e.note,
         cd.source_id AS coding_source, cd.code_id, cd.start, cd.end, cd.summary,
         cl.source_id AS claim_source, cl.text AS claim_text, cl.start AS claim_start, cl.end AS claim_end,
         m.title AS memo_title, m.body AS memo_body, d.name AS display_name
       FROM conclusion_evidence e
       LEFT JOIN codings cd ON e.evidence_kind IN ('coding', 'summary') AND cd.id = e.evidence_id
       LEFT JOIN claims cl ON e.evidence_kind = 'claim' AND cl.id = e.evidence_id
       LEFT JOIN memos m ON e.evidence_kind = 'memo' AND m.id = e.evidence_id
       LEFT JOIN displays d ON e.evidence_kind = 'display' AND d.id = e.evidence_id
       WHERE @id IS NULL OR e.conclusion_id = @id
       ORDER BY e.conclusion_id, e.position, e.rowid`,
    )
    .all({ id: conclusionId }) as EvidenceRow[];
}

/** Whether the item a link points at is still there (a link to a deleted item is left out). */
const present = (r: EvidenceRow) =>
  r.kind === 'coding' || r.kind === 'summary' ? r.coding_source !== null : r.kind === 'claim' ? r.claim_source !== null : r.kind === 'memo' ? r.memo_title !== null : r.display_name !== null;

function toEvidence(r: EvidenceRow, textOf: (sourceId: string) => string): ConclusionEvidence {
  const base = { kind: r.kind, id: r.id, stance: r.stance, note: r.note, tactic: tacticOf(r.tactic), sourceId: null, codeId: null, span: null };
  switch (r.kind) {
    case 'coding':
      return { ...base, excerpt: cut(textOf(r.coding_source!).slice(r.start!, r.end!)), sourceId: r.coding_source, codeId: r.code_id, span: { start: r.start!, end: r.end! } };
    case 'summary':
      return { ...base, excerpt: cut(r.summary!), sourceId: r.coding_source, codeId: r.code_id, span: { start: r.start!, end: r.end! } };
    case 'claim':
      return { ...base, excerpt: cut(r.claim_text!), sourceId: r.claim_source, span: { start: r.claim_start!, end: r.claim_end! } };
    case 'memo':
      return { ...base, excerpt: cut(`${r.memo_title}: ${r.memo_body}`) };
    case 'display':
      return { ...base, excerpt: r.display_name! };
  }
}

function toConclusions(db: Db, rows: ConclusionRow[]): Conclusion[] {
  const textOf = textReader(db);
  const evidence = new Map<string, ConclusionEvidence[]>();
  for (const row of evidenceRows(db, rows.length === 1 ? rows[0]!.id : null)) {
    if (!present(row)) continue;
    evidence.set(row.conclusion_id, [...(evidence.get(row.conclusion_id) ?? []), toEvidence(row, textOf)]);
  }
  const tacticRows = db.prepare('SELECT conclusion_id AS id, tactic, done, note FROM conclusion_tactics').all() as Array<{ id: string; tactic: VerificationTactic; done: number; note: string }>;
  return rows.map((r) => ({
    id: r.id,
    statement: r.statement,
    status: r.status,
    position: r.position,
    evidence: evidence.get(r.id) ?? [],
    tactics: verificationTactics.map((tactic) => {
      const row = tacticRows.find((t) => t.id === r.id && t.tactic === tactic);
      return { tactic, done: row?.done === 1, note: row?.note ?? '' };
    }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

const conclusionColumns = 'id, statement, status, position, created_at, updated_at';

export function listConclusions(db: Db): Conclusion[] {
  return toConclusions(db, db.prepare(`SELECT ${conclusionColumns} FROM conclusions ORDER BY position, created_at, rowid`).all() as ConclusionRow[]);
}

export function findConclusion(db: Db, id: string): Conclusion | undefined {
  const row = db.prepare(`SELECT ${conclusionColumns} FROM conclusions WHERE id = ?`).get(id) as ConclusionRow | undefined;
  return row && toConclusions(db, [row])[0];
}

export function insertConclusion(db: Db, c: { id: string; statement: string; status: ConclusionStatus; now: string }): void {
  const position = db.prepare('SELECT coalesce(max(position) + 1, 0) FROM conclusions').pluck().get() as number;
  db.prepare('INSERT INTO conclusions (id, statement, status, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    c.id,
    c.statement,
    c.status,
    position,
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

function touch(db: Db, id: string, now: string): void {
  db.prepare('UPDATE conclusions SET updated_at = ? WHERE id = ?').run(now, id);
}

/** Writes positions 0, 1, 2 … in the order given, touching only rows whose position changes. */
function renumber(db: Db, ids: readonly string[]): void {
  const current = new Map((db.prepare('SELECT id, position FROM conclusions').all() as Array<{ id: string; position: number }>).map((r) => [r.id, r.position]));
  const set = db.prepare('UPDATE conclusions SET position = ? WHERE id = ?');
  ids.forEach((id, position) => {
    if (current.get(id) !== position) set.run(position, id);
  });
}

const orderedIds = (db: Db) => db.prepare('SELECT id FROM conclusions ORDER BY position, created_at, rowid').pluck().all() as string[];

/** Deletes a conclusion with its evidence links and checklist (foreign keys cascade), closing the gap in the order. */
export function deleteConclusion(db: Db, id: string): boolean {
  db.prepare('DELETE FROM conclusion_evidence WHERE conclusion_id = ?').run(id);
  db.prepare('DELETE FROM conclusion_tactics WHERE conclusion_id = ?').run(id);
  const removed = db.prepare('DELETE FROM conclusions WHERE id = ?').run(id).changes > 0;
  if (removed) renumber(db, orderedIds(db));
  return removed;
}

export function moveConclusion(db: Db, id: string, position: number): void {
  const ids = orderedIds(db).filter((other) => other !== id);
  ids.splice(Math.min(position, ids.length), 0, id);
  renumber(db, ids);
}

export function linkEvidence(db: Db, conclusionId: string, e: EvidenceKey & { stance: Stance; note: string }, now: string): void {
  const position = db.prepare('SELECT coalesce(max(position) + 1, 0) FROM conclusion_evidence WHERE conclusion_id = ?').pluck().get(conclusionId) as number;
  db.prepare(
    `INSERT INTO conclusion_evidence (conclusion_id, tactic, evidence_kind, evidence_id, stance, note, position) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (conclusion_id, tactic, evidence_kind, evidence_id) DO UPDATE SET stance = excluded.stance, note = excluded.note`,
  ).run(conclusionId, stored(e.tactic), e.kind, e.id, e.stance, e.note, position);
  touch(db, conclusionId, now);
}

/** Returns false when no such link exists. */
export function updateEvidence(db: Db, conclusionId: string, e: EvidenceKey, changes: { stance?: Stance; note?: string }, now: string): boolean {
  const changed =
    db
      .prepare(
        `UPDATE conclusion_evidence SET stance = coalesce(?, stance), note = coalesce(?, note)
         WHERE conclusion_id = ? AND tactic = ? AND evidence_kind = ? AND evidence_id = ?`,
      )
      .run(changes.stance ?? null, changes.note ?? null, conclusionId, stored(e.tactic), e.kind, e.id).changes > 0;
  if (changed) touch(db, conclusionId, now);
  return changed;
}

export function unlinkEvidence(db: Db, conclusionId: string, e: EvidenceKey, now: string): boolean {
  const removed =
    db.prepare('DELETE FROM conclusion_evidence WHERE conclusion_id = ? AND tactic = ? AND evidence_kind = ? AND evidence_id = ?').run(conclusionId, stored(e.tactic), e.kind, e.id)
      .changes > 0;
  if (removed) touch(db, conclusionId, now);
  return removed;
}

export function setTactic(db: Db, conclusionId: string, tactic: VerificationTactic, changes: { done?: boolean; note?: string }, now: string): void {
  db.prepare(
    `INSERT INTO conclusion_tactics (conclusion_id, tactic, done, note, updated_at) VALUES (@id, @tactic, coalesce(@done, 0), coalesce(@note, ''), @now)
     ON CONFLICT (conclusion_id, tactic) DO UPDATE SET done = coalesce(@done, done), note = coalesce(@note, note), updated_at = @now`,
  ).run({ id: conclusionId, tactic, done: changes.done === undefined ? null : Number(changes.done), note: changes.note ?? null, now });
  touch(db, conclusionId, now);
}

/** Why an item cannot be linked as evidence, or null when it can. */
export function evidenceProblem(db: Db, kind: EvidenceKind, id: string): string | null {
  switch (kind) {
    case 'coding':
      return db.prepare('SELECT 1 FROM codings WHERE id = ?').get(id) ? null : 'That coding no longer exists.';
    case 'summary': {
      const summary = db.prepare('SELECT summary FROM codings WHERE id = ?').pluck().get(id) as string | undefined;
      if (summary === undefined) return 'That coded segment no longer exists.';
      return summary.trim() ? null : 'That segment has no summary yet: write one in Reduce first, or link the coding itself.';
    }
    case 'claim':
      return db.prepare('SELECT 1 FROM claims WHERE id = ?').get(id) ? null : 'That claim no longer exists (was the manuscript audited again?).';
    case 'memo':
      return db.prepare('SELECT 1 FROM memos WHERE id = ?').get(id) ? null : 'That memo no longer exists.';
    case 'display':
      return db.prepare('SELECT 1 FROM displays WHERE id = ?').get(id) ? null : 'That display no longer exists.';
  }
}

/** The sources an item of evidence comes from: they reach the concluded stage when it is linked. */
export function evidenceSources(db: Db, kind: EvidenceKind, id: string): string[] {
  if (kind === 'coding' || kind === 'summary') return db.prepare('SELECT source_id FROM codings WHERE id = ?').pluck().all(id) as string[];
  if (kind === 'claim') return db.prepare('SELECT source_id FROM claims WHERE id = ?').pluck().all(id) as string[];
  if (kind === 'memo') {
    return db
      .prepare(
        `SELECT coalesce(s.id, c.source_id) FROM memos m
         LEFT JOIN sources s ON m.target_kind = 'source' AND s.id = m.target_id
         LEFT JOIN codings c ON m.target_kind = 'coding' AND c.id = m.target_id
         WHERE m.id = ? AND coalesce(s.id, c.source_id) IS NOT NULL`,
      )
      .pluck()
      .all(id) as string[];
  }
  return [];
}

/** Unlinks these items from every conclusion, inside the change that deletes them. */
export function deleteEvidenceOf(db: Db, kind: EvidenceKind, ids: readonly string[]): void {
  const remove = db.prepare('DELETE FROM conclusion_evidence WHERE evidence_kind = ? AND evidence_id = ?');
  for (const id of ids) remove.run(kind, id);
}

/** Unlinks codings and their summaries, and claims, that are about to be deleted. */
export function deleteCodingEvidence(db: Db, codingIds: readonly string[]): void {
  deleteEvidenceOf(db, 'coding', codingIds);
  deleteEvidenceOf(db, 'summary', codingIds);
}

export function claimIdsOfSource(db: Db, sourceId: string): string[] {
  return db.prepare('SELECT id FROM claims WHERE source_id = ?').pluck().all(sourceId) as string[];
}

/** The conclusions these items are evidence for, with how many of their links would go. */
export function conclusionsAffected(
  db: Db,
  items: { codingIds: readonly string[]; codeIds: readonly string[]; sourceIds: readonly string[]; memoIds: readonly string[] },
): Array<{ id: string; statement: string; links: number }> {
  return db
    .prepare(
      `SELECT c.id, c.statement, count(*) AS links FROM conclusion_evidence e
       JOIN conclusions c ON c.id = e.conclusion_id
       LEFT JOIN codings cd ON e.evidence_kind IN ('coding', 'summary') AND cd.id = e.evidence_id
       LEFT JOIN claims cl ON e.evidence_kind = 'claim' AND cl.id = e.evidence_id
       WHERE (cd.id IS NOT NULL AND (cd.id IN (SELECT value FROM json_each(@codings))
                                  OR cd.code_id IN (SELECT value FROM json_each(@codes))
                                  OR cd.source_id IN (SELECT value FROM json_each(@sources))))
          OR (cl.id IS NOT NULL AND cl.source_id IN (SELECT value FROM json_each(@sources)))
          OR (e.evidence_kind = 'memo' AND e.evidence_id IN (SELECT value FROM json_each(@memos)))
       GROUP BY c.id ORDER BY c.position, c.created_at`,
    )
    .all({
      codings: JSON.stringify(items.codingIds),
      codes: JSON.stringify(items.codeIds),
      sources: JSON.stringify(items.sourceIds),
      memos: JSON.stringify(items.memoIds),
    }) as Array<{ id: string; statement: string; links: number }>;
}

/** Items of one kind that could be evidence, those matching every word of `query` first in the project's order. */
export function evidenceCandidates(db: Db, kind: EvidenceKind, query: string, limit: number): EvidenceCandidate[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = (...texts: string[]) => {
    const haystack = texts.join(' ').toLocaleLowerCase();
    return words.every((w) => haystack.includes(w));
  };
  const out: EvidenceCandidate[] = [];
  if (kind === 'coding' || kind === 'summary') {
    const codes = listCodes(db);
    const textOf = textReader(db);
    const rows = db
      .prepare(
        `SELECT c.id, c.code_id AS codeId, c.source_id AS sourceId, s.title, c.start, c.end, c.summary FROM codings c JOIN sources s ON s.id = c.source_id
         ${kind === 'summary' ? "WHERE trim(c.summary) <> ''" : ''} ORDER BY s.created_at, s.title, c.start`,
      )
      .all() as Array<{ id: string; codeId: string; sourceId: string; title: string; start: number; end: number; summary: string }>;
    for (const r of rows) {
      const path = codePath(codes, r.codeId);
      const text = kind === 'summary' ? r.summary : textOf(r.sourceId).slice(r.start, r.end);
      if (matches(path, r.title, text)) out.push({ kind, id: r.id, title: `${path} — ${r.title}`, excerpt: cut(text, 240) });
      if (out.length >= limit) break;
    }
  } else if (kind === 'claim') {
    const rows = db.prepare('SELECT c.id, c.text, s.title FROM claims c JOIN sources s ON s.id = c.source_id ORDER BY s.created_at, c.ordinal').all() as Array<{ id: string; text: string; title: string }>;
    for (const r of rows) if (matches(r.text, r.title) && out.push({ kind, id: r.id, title: `Claim in ${r.title}`, excerpt: cut(r.text, 240) }) >= limit) break;
  } else if (kind === 'memo') {
    const rows = db.prepare('SELECT id, title, body FROM memos ORDER BY created_at, title').all() as Array<{ id: string; title: string; body: string }>;
    for (const r of rows) if (matches(r.title, r.body) && out.push({ kind, id: r.id, title: `Memo ‘${r.title}’`, excerpt: cut(r.body, 240) }) >= limit) break;
  } else {
    const rows = db.prepare('SELECT id, kind, name FROM displays ORDER BY created_at').all() as Array<{ id: string; kind: string; name: string }>;
    for (const r of rows) if (matches(r.name, r.kind) && out.push({ kind, id: r.id, title: `Display ‘${r.name}’`, excerpt: `A saved ${r.kind}` }) >= limit) break;
  }
  return out;
}

// ——— The evidence trail ———

function referenceText(r: { raw: string; doi: string | null; url: string | null; id: string }): TrailReference {
  return { id: r.id, text: r.raw, doi: r.doi, url: r.url };
}

export function conclusionTrail(db: Db, id: string): Trail | undefined {
  const conclusion = findConclusion(db, id);
  if (!conclusion) return undefined;
  const codes = listCodes(db);
  const textOf = textReader(db);
  const sourceRow = db.prepare('SELECT id, title, authors, year FROM sources WHERE id = ?');
  const fullTextOf = db.prepare('SELECT id, raw, doi, url FROM reference_entries WHERE full_text_source_id = ? ORDER BY ordinal');
  const passageAt = db.prepare('SELECT start, end FROM passages WHERE source_id = ? AND start <= ? AND end > ? ORDER BY ordinal LIMIT 1');
  const source = (sourceId: string): TrailSource[] => {
    const row = sourceRow.get(sourceId) as { id: string; title: string; authors: string; year: string | null } | undefined;
    if (!row) return [];
    const references = (fullTextOf.all(sourceId) as Array<{ id: string; raw: string; doi: string | null; url: string | null }>).map(referenceText);
    return [{ id: row.id, title: row.title, authors: JSON.parse(row.authors) as string[], year: row.year, references }];
  };
  const segment = (sourceId: string, start: number, end: number) => {
    const text = textOf(sourceId);
    const passage = passageAt.get(sourceId, start, start) as { start: number; end: number } | undefined;
    return { sourceId, start, end, text: text.slice(start, end), passage: passage ? cut(text.slice(passage.start, passage.end), 800) : '' };
  };
  const coding = db.prepare('SELECT source_id AS sourceId, code_id AS codeId, start, end, summary FROM codings WHERE id = ?');
  const claim = db.prepare('SELECT source_id AS sourceId, start, end, text FROM claims WHERE id = ?');
  const cited = db.prepare(
    `SELECT DISTINCT r.id, r.raw, r.doi, r.url FROM claim_citations cc JOIN citation_references cr ON cr.citation_id = cc.citation_id
     JOIN reference_entries r ON r.id = cr.reference_id WHERE cc.claim_id = ? ORDER BY r.ordinal`,
  );
  const memo = db.prepare('SELECT title, body, target_kind AS targetKind, target_id AS targetId FROM memos WHERE id = ?');
  const display = db.prepare('SELECT name, kind FROM displays WHERE id = ?');
  const codeRef = (codeId: string) => ({ id: codeId, path: codePath(codes, codeId) });

  const codingItem = (codingId: string) => {
    const c = coding.get(codingId) as { sourceId: string; codeId: string; start: number; end: number; summary: string } | undefined;
    if (!c) return null;
    return { c, codes: [codeRef(c.codeId)], segments: [segment(c.sourceId, c.start, c.end)], sources: source(c.sourceId) };
  };

  const items: TrailItem[] = [];
  const order = (e: ConclusionEvidence) => (e.tactic === null ? -1 : verificationTactics.indexOf(e.tactic));
  for (const e of [...conclusion.evidence].sort((a, b) => order(a) - order(b))) {
    const base = { kind: e.kind, id: e.id, stance: e.stance, note: e.note, tactic: e.tactic, body: '', codes: [], segments: [], sources: [], cited: [] };
    if (e.kind === 'coding' || e.kind === 'summary') {
      const found = codingItem(e.id);
      if (!found) continue;
      const path = found.codes[0]!.path;
      items.push({ ...base, ...found, title: e.kind === 'summary' ? `Summary of a segment coded ${path}` : path, body: e.kind === 'summary' ? found.c.summary : '' });
    } else if (e.kind === 'claim') {
      const c = claim.get(e.id) as { sourceId: string; start: number; end: number; text: string } | undefined;
      if (!c) continue;
      const sources = source(c.sourceId);
      items.push({
        ...base,
        title: `Claim in ${sources[0]?.title ?? 'a removed source'}`,
        body: c.text,
        segments: [segment(c.sourceId, c.start, c.end)],
        sources,
        cited: (cited.all(e.id) as Array<{ id: string; raw: string; doi: string | null; url: string | null }>).map(referenceText),
      });
    } else if (e.kind === 'memo') {
      const m = memo.get(e.id) as { title: string; body: string; targetKind: string; targetId: string | null } | undefined;
      if (!m) continue;
      const target =
        m.targetKind === 'coding' && m.targetId
          ? codingItem(m.targetId)
          : m.targetKind === 'code' && m.targetId
            ? { codes: [codeRef(m.targetId)], segments: [], sources: [] }
            : m.targetKind === 'source' && m.targetId
              ? { codes: [], segments: [], sources: source(m.targetId) }
              : null;
      items.push({ ...base, title: `Memo ‘${m.title}’`, body: m.body, codes: target?.codes ?? [], segments: target?.segments ?? [], sources: target?.sources ?? [] });
    } else {
      const d = display.get(e.id) as { name: string; kind: string } | undefined;
      if (!d) continue;
      items.push({ ...base, title: `Display ‘${d.name}’`, body: `A saved ${d.kind}.` });
    }
  }
  return { id: conclusion.id, statement: conclusion.statement, status: conclusion.status, tactics: conclusion.tactics, items };
}

/** Moves evidence links from one item to another of its kind (a coding that became one with its twin); a link the other already has is dropped. */
export function repointEvidence(db: Db, kind: 'coding' | 'claim', fromId: string, toId: string): void {
  db.prepare('UPDATE OR IGNORE conclusion_evidence SET evidence_id = ? WHERE evidence_kind = ? AND evidence_id = ?').run(toId, kind, fromId);
  db.prepare('DELETE FROM conclusion_evidence WHERE evidence_kind = ? AND evidence_id = ?').run(kind, fromId);
}
