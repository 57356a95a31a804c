import type { Db } from '../../services/store/database';

// Cases group sources or segments of them and carry attributes (a person, a site, an
// organisation). Only what exchange with other tools needs is here so far.

export interface CaseRow {
  id: string;
  name: string;
  description: string;
}

export interface CaseMemberRow {
  id: string;
  caseId: string;
  sourceId: string;
  /** Null for a whole source. */
  start: number | null;
  end: number | null;
}

export function listCases(db: Db): CaseRow[] {
  return db.prepare('SELECT id, name, description FROM cases ORDER BY created_at, name').all() as CaseRow[];
}

export function listCaseAttributes(db: Db): Array<{ caseId: string; name: string; value: string }> {
  return db.prepare('SELECT case_id AS caseId, name, value FROM case_attributes ORDER BY case_id, name').all() as Array<{ caseId: string; name: string; value: string }>;
}

export function listCaseMembers(db: Db): CaseMemberRow[] {
  return db.prepare('SELECT id, case_id AS caseId, source_id AS sourceId, start, end FROM case_members ORDER BY rowid').all() as CaseMemberRow[];
}

/** Case names are unique regardless of case. */
export function findCaseByName(db: Db, name: string): CaseRow | undefined {
  return db.prepare('SELECT id, name, description FROM cases WHERE lower(name) = lower(?)').get(name) as CaseRow | undefined;
}

export function insertCase(db: Db, c: CaseRow & { now: string }): void {
  db.prepare('INSERT INTO cases (id, name, description, created_at) VALUES (@id, @name, @description, @now)').run(c);
}

/** Sets an attribute of a case unless it has a value already. */
export function addCaseAttribute(db: Db, caseId: string, name: string, value: string): void {
  db.prepare('INSERT INTO case_attributes (case_id, name, value) VALUES (?, ?, ?) ON CONFLICT (case_id, name) DO NOTHING').run(caseId, name, value);
}

/** Adds a source or a segment to a case, unless the case holds exactly it already. */
export function addCaseMember(db: Db, member: CaseMemberRow): void {
  const held = db.prepare('SELECT 1 FROM case_members WHERE case_id = ? AND source_id = ? AND start IS ? AND end IS ?').get(member.caseId, member.sourceId, member.start, member.end);
  if (!held) db.prepare('INSERT INTO case_members (id, case_id, source_id, start, end) VALUES (@id, @caseId, @sourceId, @start, @end)').run(member);
}
