import type { AttributeDefinition, AttributeType, Case, CaseMember } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';
import { sourceText } from '../sources/repository';

// Cases group sources or segments of them and carry attributes (a person, a site, an
// organisation); attribute_definitions gives each case attribute its type.

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

/** How many characters of a segment a list shows. */
const EXCERPT_LENGTH = 120;

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

type MemberRow = Omit<CaseMember, 'excerpt'> & { caseId: string };

/** Cases as the API shows them: with their attributes and members, members in the order they were added. */
function assemble(db: Db, rows: Array<CaseRow & { createdAt: string }>): Case[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const attributes = db
    .prepare('SELECT case_id AS caseId, name, value FROM case_attributes WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY name')
    .all(ids) as Array<{ caseId: string; name: string; value: string }>;
  const members = db
    .prepare(
      `SELECT m.id, m.case_id AS caseId, m.source_id AS sourceId, s.title AS sourceTitle, m.start, m.end
       FROM case_members m JOIN sources s ON s.id = m.source_id
       WHERE m.case_id IN (SELECT value FROM json_each(?)) ORDER BY m.rowid`,
    )
    .all(ids) as MemberRow[];
  // Offsets count UTF-16 units, as JavaScript does and SQLite's substr does not: segments are cut here.
  const texts = new Map<string, string>();
  const textOf = (sourceId: string) => texts.get(sourceId) ?? texts.set(sourceId, sourceText(db, sourceId) ?? '').get(sourceId)!;
  const withExcerpt = ({ caseId: _caseId, ...m }: MemberRow): CaseMember => ({
    ...m,
    excerpt: m.start === null || m.end === null ? null : textOf(m.sourceId).slice(m.start, Math.min(m.end, m.start + EXCERPT_LENGTH)),
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
    attributes: Object.fromEntries(attributes.filter((a) => a.caseId === row.id).map((a) => [a.name, a.value])),
    members: members.filter((m) => m.caseId === row.id).map(withExcerpt),
  }));
}

export function listCasesInFull(db: Db): Case[] {
  return assemble(db, db.prepare('SELECT id, name, description, created_at AS createdAt FROM cases ORDER BY lower(name), created_at').all() as Array<CaseRow & { createdAt: string }>);
}

export function findCase(db: Db, id: string): Case | undefined {
  const row = db.prepare('SELECT id, name, description, created_at AS createdAt FROM cases WHERE id = ?').get(id) as (CaseRow & { createdAt: string }) | undefined;
  return row ? assemble(db, [row])[0] : undefined;
}

export function updateCase(db: Db, id: string, changes: { name?: string; description?: string }): void {
  db.prepare('UPDATE cases SET name = coalesce(?, name), description = coalesce(?, description) WHERE id = ?').run(changes.name ?? null, changes.description ?? null, id);
}

export function deleteCase(db: Db, id: string): void {
  db.prepare('DELETE FROM cases WHERE id = ?').run(id);
}

/** Sets (or replaces) a case's value of an attribute. */
export function setCaseAttribute(db: Db, caseId: string, name: string, value: string): void {
  db.prepare('INSERT INTO case_attributes (case_id, name, value) VALUES (?, ?, ?) ON CONFLICT (case_id, name) DO UPDATE SET value = excluded.value').run(caseId, name, value);
}

export function deleteCaseAttribute(db: Db, caseId: string, name: string): boolean {
  return db.prepare('DELETE FROM case_attributes WHERE case_id = ? AND name = ?').run(caseId, name).changes > 0;
}

export function deleteCaseMembers(db: Db, caseId: string, memberIds: readonly string[]): number {
  return db.prepare('DELETE FROM case_members WHERE case_id = ? AND id IN (SELECT value FROM json_each(?))').run(caseId, JSON.stringify(memberIds)).changes;
}

export function listAttributeDefinitions(db: Db): AttributeDefinition[] {
  return db
    .prepare(
      `SELECT d.name, d.type, (SELECT count(*) FROM case_attributes a WHERE a.name = d.name) AS caseCount
       FROM attribute_definitions d ORDER BY lower(d.name)`,
    )
    .all() as AttributeDefinition[];
}

export function findAttributeDefinition(db: Db, name: string): AttributeDefinition | undefined {
  return db
    .prepare('SELECT d.name, d.type, (SELECT count(*) FROM case_attributes a WHERE a.name = d.name) AS caseCount FROM attribute_definitions d WHERE d.name = ?')
    .get(name) as AttributeDefinition | undefined;
}

export function defineAttribute(db: Db, name: string, type: AttributeType): void {
  db.prepare('INSERT INTO attribute_definitions (name, type) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET type = excluded.type').run(name, type);
}

/** Every case's value of an attribute, to check and respell them when its type changes. */
export function caseValuesOf(db: Db, name: string): Array<{ caseId: string; caseName: string; value: string }> {
  return db
    .prepare('SELECT a.case_id AS caseId, c.name AS caseName, a.value FROM case_attributes a JOIN cases c ON c.id = a.case_id WHERE a.name = ? ORDER BY lower(c.name)')
    .all(name) as Array<{ caseId: string; caseName: string; value: string }>;
}

