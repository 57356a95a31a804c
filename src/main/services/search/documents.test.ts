import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedDocuments, collectDocuments, fingerprintDocs, holdsDoc, scanDocuments, sourcePassages, standsForPassages } from './documents';
import { addSource, tempProject, type TempProject } from './fixtures';

let project: TempProject;

beforeEach(() => {
  project = tempProject();
  addSource(project.db, 'src', 'Indonesia and ASEAN e-commerce', ['First paragraph on trade.', 'Second paragraph on diplomacy.']);
  project.db
    .prepare("INSERT INTO claims (id, source_id, ordinal, text, start, end, claim_key) VALUES ('c1', 'src', 0, 'Trade grew after 2015.', 0, 10, 'k1')")
    .run();
  project.db
    .prepare("INSERT INTO reference_entries (id, source_id, ordinal, title, raw) VALUES ('r1', 'src', 0, 'Digital trade in ASEAN', 'Author, A. (2019). Digital trade in ASEAN. Journal.')")
    .run();
  project.db.prepare("INSERT INTO codes (id, name, color, definition, created_at) VALUES ('k', 'Trust', '#000000', 'Whether buyers trust sellers.', 'x')").run();
  project.db.prepare("INSERT INTO memos (id, title, body, target_kind, created_at, updated_at) VALUES ('m', 'Idea', 'Compare with Vietnam.', 'project', 'x', 'x')").run();
});

afterEach(() => project.dispose());

describe('collectDocuments', () => {
  it('reads every kind of searchable document, passages as slices of their source', () => {
    const docs = [...collectDocuments(project.db)];
    expect(docs).toEqual([
      { id: 'src-p0', kind: 'passage', sourceId: 'src', title: 'Indonesia and ASEAN e-commerce', text: 'First paragraph on trade.' },
      { id: 'src-p1', kind: 'passage', sourceId: 'src', title: 'Indonesia and ASEAN e-commerce', text: 'Second paragraph on diplomacy.' },
      { id: 'm', kind: 'memo', sourceId: null, title: 'Idea', text: 'Compare with Vietnam.' },
      { id: 'k', kind: 'code', sourceId: null, title: 'Trust', text: 'Whether buyers trust sellers.' },
      { id: 'c1', kind: 'claim', sourceId: 'src', title: 'Indonesia and ASEAN e-commerce', text: 'Trade grew after 2015.' },
      { id: 'r1', kind: 'reference', sourceId: 'src', title: 'Digital trade in ASEAN', text: 'Author, A. (2019). Digital trade in ASEAN. Journal.' },
    ]);
  });

  it('fingerprints docs the same whether scanned at open or handed to upsert', () => {
    const scanned = new Map(scanDocuments(project.db).map((s) => [s.doc.id, s.fingerprint]));
    for (const handed of fingerprintDocs(project.db, [...collectDocuments(project.db)])) {
      expect(handed.fingerprint, handed.doc.id).toEqual(scanned.get(handed.doc.id));
    }
    const before = scanned.get('src-p0');
    project.db.prepare("UPDATE passages SET end = end - 1 WHERE id = 'src-p0'").run();
    expect(scanDocuments(project.db).find((s) => s.doc.id === 'src-p0')!.fingerprint).not.toEqual(before);
  });
});

describe('reading a change’s docs', () => {
  it('reads rows that are docs, names those that are gone, and leaves a source’s row to stand for its passages', () => {
    const rows = [
      { table: 'memos', key: 'm' },
      { table: 'sources', key: 'src' },
      { table: 'coding_links', key: 'x' },
      { table: 'codes', key: null },
      { table: 'memos', key: 'gone' },
    ];
    expect(rows.map(holdsDoc)).toEqual([true, true, false, false, true]);
    expect(rows.map(standsForPassages)).toEqual([false, true, false, false, false]);
    const { changed, vanished } = changedDocuments(project.db, rows);
    expect(changed.map((s) => s.doc.id)).toEqual(['m']);
    expect(vanished).toEqual(['gone']);
  });

  it('reads a source’s passages a page at a time, in order, with its title and the same fingerprints as a scan', () => {
    addSource(project.db, 'book', 'A longer book', ['One.', 'Two.', 'Three.', 'Four.', 'Five.']);
    const pages: string[][] = [];
    for (let after = -1; ; ) {
      const page = sourcePassages(project.db, 'book', after, 2);
      pages.push(page.docs.map((s) => s.doc.id));
      expect(page.docs.every((s) => s.doc.title === 'A longer book')).toBe(true);
      if (page.docs.length < 2) break;
      after = page.lastOrdinal;
    }
    expect(pages).toEqual([['book-p0', 'book-p1'], ['book-p2', 'book-p3'], ['book-p4']]);
    const scanned = new Map(scanDocuments(project.db).map((s) => [s.doc.id, s.fingerprint]));
    expect(sourcePassages(project.db, 'book', -1, 10).docs.map((s) => s.fingerprint)).toEqual(['book-p0', 'book-p1', 'book-p2', 'book-p3', 'book-p4'].map((id) => scanned.get(id)));
  });
});
