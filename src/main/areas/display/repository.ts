import type { AttributeFilter, MatrixCoding, MatrixFacts, MatrixSpec, Region } from '../../../shared/domain/display/matrix';
import type { NetworkFacts } from '../../../shared/domain/display/network';
import type { DisplayConfig, SavedDisplay } from '../../../shared/domain/display/saved';
import type { Db } from '../../services/store/database';
import { listCodes } from '../codes/repository';

// What displays count, read in a few whole-table queries: a matrix of 300 codes by 200 sources
// over 20,000 codings is computed from these rows in the domain, not cell by cell in SQL.

/**
 * The rows every display reads — all the codings, for each matrix, cell and network — are kept
 * until the project changes: reading 20,000 codings takes 20-35 ms, a good part of a matrix, and
 * a researcher moving from one matrix to the next reads the same rows each time. The stamp moves
 * with every write through this connection (each change, undo and redo: SQLite's
 * total_changes()) and with a commit by any other (data_version). Kept rows are frozen, so a
 * caller cannot change them for the next one.
 */
const kept = new WeakMap<Db, Map<string, { stamp: string; rows: readonly unknown[] }>>();

function keptUntilChanged<T>(db: Db, name: string, read: () => T[]): readonly T[] {
  const stamp = `${String(db.pragma('data_version', { simple: true }))}:${String(db.prepare('SELECT total_changes()').pluck().get())}`;
  let entries = kept.get(db);
  if (!entries) kept.set(db, (entries = new Map()));
  const hit = entries.get(name);
  if (hit?.stamp === stamp) return hit.rows as readonly T[];
  const rows = Object.freeze(read().map((row) => Object.freeze(row)));
  entries.set(name, { stamp, rows });
  return rows;
}

export function matrixCodings(db: Db): readonly MatrixCoding[] {
  return keptUntilChanged(db, 'codings', () => db.prepare('SELECT id, code_id AS codeId, source_id AS sourceId, start, end FROM codings ORDER BY source_id, start, end').all() as MatrixCoding[]);
}

function sourceRows(db: Db): readonly { id: string; title: string; length: number }[] {
  return keptUntilChanged(db, 'sources', () => db.prepare('SELECT id, title, length(text) AS length FROM sources ORDER BY created_at, title').all() as Array<{ id: string; title: string; length: number }>);
}

const whole = (source: { id: string; length: number }): Region => ({ sourceId: source.id, start: 0, end: source.length });

/** Each case's text: whole sources, or segments of them. */
function caseRegions(db: Db, lengths: Map<string, number>): Array<{ id: string; name: string; regions: Region[] }> {
  const cases = db.prepare('SELECT id, name FROM cases ORDER BY lower(name), id').all() as Array<{ id: string; name: string }>;
  const members = db.prepare('SELECT case_id AS caseId, source_id AS sourceId, start, end FROM case_members ORDER BY rowid').all() as Array<{
    caseId: string;
    sourceId: string;
    start: number | null;
    end: number | null;
  }>;
  const regions = new Map<string, Region[]>(cases.map((c) => [c.id, []]));
  for (const m of members) {
    regions.get(m.caseId)?.push({ sourceId: m.sourceId, start: m.start ?? 0, end: m.end ?? lengths.get(m.sourceId) ?? 0 });
  }
  return cases.map((c) => ({ ...c, regions: regions.get(c.id)! }));
}

/** The text holding each value of an attribute: sources given it, and the text of cases given it. */
function attributeRegions(db: Db, name: string, lengths: Map<string, number>): Map<string, Region[]> {
  const byValue = new Map<string, Region[]>();
  const add = (value: string, regions: Region[]) => byValue.set(value, [...(byValue.get(value) ?? []), ...regions]);
  const sources = db.prepare('SELECT source_id AS sourceId, value FROM source_attributes WHERE name = ?').all(name) as Array<{ sourceId: string; value: string }>;
  for (const s of sources) add(s.value, [{ sourceId: s.sourceId, start: 0, end: lengths.get(s.sourceId) ?? 0 }]);
  const cases = new Map(caseRegions(db, lengths).map((c) => [c.id, c.regions]));
  const caseValues = db.prepare('SELECT case_id AS caseId, value FROM case_attributes WHERE name = ?').all(name) as Array<{ caseId: string; value: string }>;
  for (const c of caseValues) add(c.value, cases.get(c.caseId) ?? []);
  return byValue;
}

/** Attribute names and their values, of sources and cases alike, in a reader's order. */
export function attributeValues(db: Db): Array<{ name: string; values: string[] }> {
  const rows = db.prepare('SELECT name, value FROM source_attributes UNION SELECT name, value FROM case_attributes').all() as Array<{ name: string; value: string }>;
  const byName = new Map<string, string[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.value]);
  return [...byName.keys()].sort(readerOrder).map((name) => ({ name, values: byName.get(name)!.sort(readerOrder) }));
}

function filterRegions(db: Db, filter: AttributeFilter, lengths: Map<string, number>): Region[] {
  return attributeRegions(db, filter.name, lengths).get(filter.value) ?? [];
}

function passageRegions(db: Db): readonly Region[] {
  return keptUntilChanged(db, 'passages', () => db.prepare('SELECT source_id AS sourceId, start, end FROM passages').all() as Region[]);
}

const readerOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

export function matrixFacts(db: Db, spec: MatrixSpec): MatrixFacts {
  const sources = sourceRows(db);
  const lengths = new Map(sources.map((s) => [s.id, s.length]));
  let columns: MatrixFacts['columns'] = [];
  if (spec.columns === 'sources') columns = sources.map((s) => ({ key: s.id, label: s.title, regions: [whole(s)] }));
  else if (spec.columns === 'cases') columns = caseRegions(db, lengths).map((c) => ({ key: c.id, label: c.name, regions: c.regions }));
  else if (spec.columns === 'attribute') {
    const values = attributeRegions(db, spec.attribute ?? '', lengths);
    columns = [...values.keys()].sort(readerOrder).map((value) => ({ key: value, label: value, regions: values.get(value)! }));
  }
  return {
    codes: listCodes(db),
    codings: matrixCodings(db),
    columns,
    filter: spec.filter ? filterRegions(db, spec.filter, lengths) : null,
    passages: spec.columns === 'codes' && spec.cooccurrence === 'passage' ? passageRegions(db) : [],
  };
}

/** The segments of these codings with their source's title, text cut at `max` characters, in the order given. */
export function segmentsOf(db: Db, codingIds: readonly string[], max = 600) {
  const rows = db
    .prepare(
      `SELECT c.id AS codingId, c.code_id AS codeId, c.source_id AS sourceId, s.title AS sourceTitle, c.start, c.end, c.summary
       FROM codings c JOIN sources s ON s.id = c.source_id WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(codingIds)) as Array<{ codingId: string; codeId: string; sourceId: string; sourceTitle: string; start: number; end: number; summary: string }>;
  const byId = new Map(rows.map((r) => [r.codingId, r]));
  // Offsets are UTF-16 units, which only the text itself counts right: slice it here, each source read once.
  const texts = new Map<string, string>();
  const textOf = db.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  return codingIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    if (!texts.has(row.sourceId)) texts.set(row.sourceId, textOf.get(row.sourceId) as string);
    const text = texts.get(row.sourceId)!.slice(row.start, Math.min(row.end, row.start + max));
    return [{ ...row, text: row.end - row.start > max ? `${text}…` : text }];
  });
}

export function networkFacts(db: Db): NetworkFacts {
  const sources = sourceRows(db);
  const lengths = new Map(sources.map((s) => [s.id, s.length]));
  const themes = db.prepare('SELECT id, name FROM themes ORDER BY position, lower(name)').all() as Array<{ id: string; name: string }>;
  const members = db.prepare('SELECT theme_id AS themeId, code_id AS codeId FROM theme_codes').all() as Array<{ themeId: string; codeId: string }>;
  const evidence = db
    .prepare(
      `SELECT e.conclusion_id AS conclusionId, e.stance, e.evidence_kind AS kind, e.evidence_id AS id, cd.code_id AS codeId
       FROM conclusion_evidence e LEFT JOIN codings cd ON e.evidence_kind IN ('coding', 'summary') AND cd.id = e.evidence_id
       ORDER BY e.conclusion_id, e.position`,
    )
    .all() as Array<{ conclusionId: string; stance: 'supports' | 'contradicts'; kind: string; id: string; codeId: string | null }>;
  const conclusions = db.prepare('SELECT id, statement, status FROM conclusions ORDER BY position, created_at').all() as Array<Omit<NetworkFacts['conclusions'][number], 'evidence'>>;
  // Claims appear where they are evidence: every claim of every audited manuscript would swamp the picture.
  const claims = db
    .prepare(`SELECT id, text FROM claims WHERE id IN (SELECT evidence_id FROM conclusion_evidence WHERE evidence_kind = 'claim') ORDER BY source_id, ordinal`)
    .all() as Array<{ id: string; text: string }>;
  return {
    codes: listCodes(db),
    codings: matrixCodings(db),
    passages: passageRegions(db),
    themes: themes.map((t) => ({ ...t, codeIds: members.filter((m) => m.themeId === t.id).map((m) => m.codeId) })),
    cases: caseRegions(db, lengths),
    claims,
    conclusions: conclusions.map((c) => ({
      ...c,
      evidence: evidence
        .filter((e) => e.conclusionId === c.id)
        .map((e) => ({ stance: e.stance, ...(e.codeId ? { codeId: e.codeId } : {}), ...(e.kind === 'claim' ? { claimId: e.id } : {}) })),
    })),
  };
}

// ——— Saved displays ———

interface DisplayRow {
  id: string;
  name: string;
  config: string;
  layout: string;
  created_at: string;
  updated_at: string;
}

const toDisplay = (r: DisplayRow): SavedDisplay => ({
  id: r.id,
  name: r.name,
  config: JSON.parse(r.config) as DisplayConfig,
  layout: JSON.parse(r.layout) as SavedDisplay['layout'],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listDisplays(db: Db): SavedDisplay[] {
  return (db.prepare('SELECT id, name, config, layout, created_at, updated_at FROM displays ORDER BY created_at, rowid').all() as DisplayRow[]).map(toDisplay);
}

export function findDisplay(db: Db, id: string): SavedDisplay | undefined {
  const row = db.prepare('SELECT id, name, config, layout, created_at, updated_at FROM displays WHERE id = ?').get(id) as DisplayRow | undefined;
  return row && toDisplay(row);
}

export function insertDisplay(db: Db, d: { id: string; name: string; config: DisplayConfig; layout: SavedDisplay['layout']; now: string }): void {
  db.prepare('INSERT INTO displays (id, kind, name, config, layout, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    d.id,
    d.config.kind,
    d.name,
    JSON.stringify(d.config),
    JSON.stringify(d.layout),
    d.now,
    d.now,
  );
}

/** Returns false when there is no such display. A layout left out stays as it was. */
export function updateDisplay(db: Db, id: string, d: { name: string; config: DisplayConfig; layout?: SavedDisplay['layout']; now: string }): boolean {
  return (
    db
      .prepare('UPDATE displays SET kind = ?, name = ?, config = ?, layout = coalesce(?, layout), updated_at = ? WHERE id = ?')
      .run(d.config.kind, d.name, JSON.stringify(d.config), d.layout ? JSON.stringify(d.layout) : null, d.now, id).changes > 0
  );
}

export function deleteDisplay(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM displays WHERE id = ?').run(id).changes > 0;
}

/** The sources holding codings of any of these codes. */
export function sourcesCodedWith(db: Db, codeIds: readonly string[]): string[] {
  return db.prepare('SELECT DISTINCT source_id FROM codings WHERE code_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(codeIds)) as string[];
}
