import type { AttributeValue, Passage, Source, SourceFormat, SourceKind, SourceSummary, SourceText, SpeakerSummary, Stage, TextMark } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';

interface SourceRow {
  id: string;
  title: string;
  kind: SourceKind;
  format: SourceFormat;
  file_name: string | null;
  stage: Stage;
  authors: string;
  year: string | null;
  length: number;
  coding_count: number;
  created_at: string;
}

const summaryColumns = `s.id, s.title, s.kind, s.format, s.file_name, s.stage, s.authors, s.year, length(s.text) AS length, s.created_at,
  (SELECT count(*) FROM codings c WHERE c.source_id = s.id) AS coding_count`;

function toSummary(row: SourceRow): SourceSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    format: row.format,
    fileName: row.file_name,
    stage: row.stage,
    authors: JSON.parse(row.authors) as string[],
    year: row.year,
    length: row.length,
    codingCount: row.coding_count,
    createdAt: row.created_at,
  };
}

export interface NewSource {
  id: string;
  title: string;
  kind: SourceKind;
  format: SourceFormat;
  fileName: string | null;
  text: string;
  stage?: Stage;
  passages: Array<Omit<Passage, 'id' | 'ordinal'> & { id: string }>;
  marks: readonly TextMark[];
  now: string;
}

export function listSources(db: Db): SourceSummary[] {
  const rows = db.prepare(`SELECT ${summaryColumns} FROM sources s ORDER BY s.created_at, s.title`).all() as SourceRow[];
  return rows.map(toSummary);
}

export function findSourceSummary(db: Db, id: string): SourceSummary | undefined {
  const row = db.prepare(`SELECT ${summaryColumns} FROM sources s WHERE s.id = ?`).get(id) as SourceRow | undefined;
  return row && toSummary(row);
}

export function findSource(db: Db, id: string): Source | undefined {
  const summary = findSourceSummary(db, id);
  if (!summary) return undefined;
  const { text, passages } = findSourceText(db, id)!;
  return { ...summary, text, passages, attributes: sourceAttributes(db, id) };
}

export function sourceAttributes(db: Db, id: string): Source['attributes'] {
  const rows = db.prepare('SELECT name, value FROM source_attributes WHERE source_id = ? ORDER BY name').all(id) as Array<{ name: string; value: string }>;
  return Object.fromEntries(rows.map((a) => [a.name, a.value]));
}

/** Returns false when the source does not exist. */
export function setSourceAttribute(db: Db, id: string, name: string, value: string): boolean {
  if (!db.prepare('SELECT 1 FROM sources WHERE id = ?').get(id)) return false;
  db.prepare(
    'INSERT INTO source_attributes (source_id, name, value) VALUES (?, ?, ?) ON CONFLICT (source_id, name) DO UPDATE SET value = excluded.value',
  ).run(id, name, value);
  return true;
}

export function deleteSourceAttribute(db: Db, id: string, name: string): boolean {
  return db.prepare('DELETE FROM source_attributes WHERE source_id = ? AND name = ?').run(id, name).changes > 0;
}

export function listAttributeValues(db: Db): AttributeValue[] {
  return db
    .prepare('SELECT name, value, count(*) AS sourceCount FROM source_attributes GROUP BY name, value ORDER BY name, value')
    .all() as AttributeValue[];
}

export function sourceText(db: Db, id: string): string | undefined {
  const row = db.prepare('SELECT text FROM sources WHERE id = ?').get(id) as { text: string } | undefined;
  return row?.text;
}

/** Inserts a source and its passages; callers wrap it in their transaction. */
export function insertSource(db: Db, source: NewSource): void {
  db.prepare(
    `INSERT INTO sources (id, title, kind, file_name, format, text, stage, created_at, updated_at)
     VALUES (@id, @title, @kind, @fileName, @format, @text, @stage, @now, @now)`,
  ).run({ ...source, stage: source.stage ?? 'collected' });
  const insertPassage = db.prepare(
    'INSERT INTO passages (id, source_id, ordinal, kind, level, start, end, marker, speaker, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  source.passages.forEach((p, ordinal) => insertPassage.run(p.id, source.id, ordinal, p.kind, p.level, p.start, p.end, p.marker, p.speaker, p.timestamp));
  // The same emphasis twice over one span (nested <em>s) is one mark.
  const insertMark = db.prepare('INSERT OR IGNORE INTO text_marks (source_id, start, end, kind, href) VALUES (?, ?, ?, ?, ?)');
  for (const mark of source.marks) insertMark.run(source.id, mark.start, mark.end, mark.kind, mark.href);
}

/** What sources.update may change; absent fields stay as they are, and a null year clears it. */
export interface SourceChanges {
  title?: string;
  kind?: SourceKind;
  stage?: Stage;
  authors?: string[];
  year?: string | null;
}

export function updateSource(db: Db, id: string, changes: SourceChanges, now: string): boolean {
  const result = db
    .prepare(
      `UPDATE sources SET title = coalesce(@title, title), kind = coalesce(@kind, kind), stage = coalesce(@stage, stage),
         authors = coalesce(@authors, authors), year = CASE WHEN @setYear THEN @year ELSE year END, updated_at = @now
       WHERE id = @id`,
    )
    .run({
      id,
      title: changes.title ?? null,
      kind: changes.kind ?? null,
      stage: changes.stage ?? null,
      authors: changes.authors ? JSON.stringify(changes.authors) : null,
      setYear: changes.year !== undefined ? 1 : 0,
      year: changes.year ?? null,
      now,
    });
  return result.changes > 0;
}

export function deleteSource(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
}

export function stageOf(db: Db, id: string): Stage | undefined {
  return db.prepare('SELECT stage FROM sources WHERE id = ?').pluck().get(id) as Stage | undefined;
}

export function setStage(db: Db, id: string, stage: Stage): void {
  db.prepare('UPDATE sources SET stage = ? WHERE id = ?').run(stage, id);
}

/** A source's text and passages: what never changes after import. */
export function findSourceText(db: Db, id: string): SourceText | undefined {
  const text = sourceText(db, id);
  if (text === undefined) return undefined;
  const passages = db.prepare('SELECT id, ordinal, kind, level, start, end, marker, speaker, timestamp FROM passages WHERE source_id = ? ORDER BY ordinal').all(id) as Passage[];
  const marks = db.prepare('SELECT kind, start, end, href FROM text_marks WHERE source_id = ? ORDER BY start, end, kind').all(id) as TextMark[];
  return { id, text, passages, marks };
}

/** Every speaker of the project's transcripts, most turns first. */
export function listSpeakers(db: Db): SpeakerSummary[] {
  return db
    .prepare(
      `SELECT speaker, count(*) AS turnCount, count(DISTINCT source_id) AS sourceCount FROM passages
       WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY turnCount DESC, speaker`,
    )
    .all() as SpeakerSummary[];
}

/** Sets who wrote a source and when (names as written, year as written), as its reference gives them. */
export function setSourceAuthorship(db: Db, id: string, authors: readonly string[], year: string | null, now: string): void {
  db.prepare('UPDATE sources SET authors = ?, year = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(authors), year, now, id);
}

/** Every source with its text, for exchange with other tools. */
export function listSourceTexts(db: Db): Array<{ id: string; title: string; text: string; createdAt: string; updatedAt: string }> {
  return db.prepare('SELECT id, title, text, created_at AS createdAt, updated_at AS updatedAt FROM sources ORDER BY created_at, title').all() as Array<{
    id: string;
    title: string;
    text: string;
    createdAt: string;
    updatedAt: string;
  }>;
}

export function listAllSourceAttributes(db: Db): Array<{ sourceId: string; name: string; value: string }> {
  return db.prepare('SELECT source_id AS sourceId, name, value FROM source_attributes ORDER BY source_id, name').all() as Array<{ sourceId: string; name: string; value: string }>;
}
