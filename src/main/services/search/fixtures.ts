import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../store/database';

/** Test helpers: temporary projects holding sources split into passages. */
export interface TempProject {
  db: Db;
  path: string;
  dispose(): void;
}

export function tempProject(): TempProject {
  const dir = mkdtempSync(join(tmpdir(), 'quarry-search-'));
  const path = join(dir, 'project.quarry');
  const db = openDatabase(path, { create: true });
  return {
    db,
    path,
    dispose: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const STAMP = '2024-01-01T00:00:00.000Z';

/** Inserts a source whose text is the paragraphs joined by blank lines, one passage each; returns the passage ids. */
export function addSource(db: Db, id: string, title: string, paragraphs: readonly string[]): string[] {
  const text = paragraphs.join('\n\n');
  db.prepare(
    "INSERT INTO sources (id, title, kind, format, text, created_at, updated_at) VALUES (?, ?, 'paper', 'txt', ?, ?, ?)",
  ).run(id, title, text, STAMP, STAMP);
  const insert = db.prepare("INSERT INTO passages (id, source_id, ordinal, kind, start, end) VALUES (?, ?, ?, 'paragraph', ?, ?)");
  let start = 0;
  return paragraphs.map((paragraph, ordinal) => {
    const passageId = `${id}-p${ordinal}`;
    insert.run(passageId, id, ordinal, start, start + paragraph.length);
    start += paragraph.length + 2;
    return passageId;
  });
}
