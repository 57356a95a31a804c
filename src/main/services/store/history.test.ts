import { describe, expect, it } from 'vitest';
import { tempProjectPath } from '../../test-support/context';
import { openDatabase, type Db } from './database';
import { History } from './history';
import { tableTopics, unrecordedTables } from './tables';

// The history's mechanics on a real project file, below the API: what it records, how it
// puts rows back (with cascades, set-null keys and exact bytes), and what survives a reopen.

function project(): { db: Db; history: History; path: string } {
  const path = tempProjectPath();
  const db = openDatabase(path, { create: true });
  return { db, history: new History(db), path };
}

const meta = (method: string, touches: Array<(typeof tableTopics)[string]>) => ({ method, touches, at: '2026-01-01T00:00:00.000Z' });

function snapshot(db: Db): Record<string, unknown[]> {
  const tables = Object.keys(tableTopics);
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT rowid, * FROM ${t} ORDER BY rowid`).all()]));
}

function addSource(db: Db, id: string, text: string) {
  db.prepare("INSERT INTO sources (id, title, kind, format, text, created_at, updated_at) VALUES (?, ?, 'paper', 'txt', ?, 't', 't')").run(id, `Source ${id}`, text);
  db.prepare("INSERT INTO passages (id, source_id, ordinal, kind, start, end) VALUES (?, ?, 0, 'paragraph', 0, ?)").run(`${id}-p`, id, text.length);
}

describe('the undo history', () => {
  it('knows the topic of every table it records, so a change cannot write a table nobody declared', () => {
    const { db } = project();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    expect(tables.filter((t) => !unrecordedTables.includes(t)).sort()).toEqual(Object.keys(tableTopics).sort());
    db.close();
  });

  it('undoes and redoes a step, leaving every table as it was before and after', () => {
    const { db, history } = project();
    const before = snapshot(db);
    const { step } = history.record(meta('sources.import', ['sources', 'source-text']), () => addSource(db, 's1', 'Some words.'), () => 'Import ‘a.txt’');
    expect(step).toMatchObject({ label: 'Import ‘a.txt’', method: 'sources.import', touches: ['sources', 'source-text'] });
    const after = snapshot(db);
    expect(history.undo()?.step.label).toBe('Import ‘a.txt’');
    expect(snapshot(db)).toEqual(before);
    expect(history.undo()).toBeNull();
    expect(history.redo()?.step.label).toBe('Import ‘a.txt’');
    expect(snapshot(db)).toEqual(after);
    expect(history.redo()).toBeNull();
    db.close();
  });

  it('records one statement for a row and the rows that cascade from it, and still redoes every one of them', () => {
    const { db, history } = project();
    const ops = (stepId: number) => db.prepare('SELECT table_name FROM history_ops WHERE step_id = ? ORDER BY id').pluck().all(stepId);
    const before = snapshot(db);
    const { step } = history.record(
      meta('sources.import', ['sources', 'source-text']),
      () => {
        addSource(db, 'book', 'One. Two. Three.');
        const passage = db.prepare("INSERT INTO passages (id, source_id, ordinal, kind, start, end) VALUES (?, 'book', ?, 'paragraph', ?, ?)");
        for (let i = 1; i <= 500; i++) passage.run(`book-p${i}`, i, 0, 4);
      },
      () => 'Import ‘book.txt’',
    );
    // The passages go with their source: its insert is the step's one statement.
    expect(ops(step!.id)).toEqual(['sources']);
    const after = snapshot(db);
    history.undo();
    expect(snapshot(db)).toEqual(before);
    history.redo();
    expect(snapshot(db)).toEqual(after);
    expect(ops(step!.id)).toEqual(['sources']);
    // A row added to a parent that was already there is recorded on its own.
    const { step: added } = history.record(
      meta('sources.import', ['source-text']),
      () => db.prepare("INSERT INTO passages (id, source_id, ordinal, kind, start, end) VALUES ('late', 'book', 999, 'paragraph', 0, 3)").run(),
      () => 'Add a passage',
    );
    expect(ops(added!.id)).toEqual(['passages']);
    history.undo();
    expect(snapshot(db)).toEqual(after);
    history.undo();
    expect(snapshot(db)).toEqual(before);
    db.close();
  });

  it('brings back rows removed by cascading and set-null keys, with text byte for byte', () => {
    const { db, history } = project();
    // Astral characters, quotes, a line break and a NUL-free control character: what quoting must carry exactly.
    const text = "Ships 🚢 to Kuala Lumpur — 'quoted' \"twice\"\r\nand 漢字 after a tab\t.";
    history.record(meta('sources.import', ['sources', 'source-text']), () => addSource(db, 's1', text), () => 'Import');
    history.record(meta('sources.import', ['sources', 'source-text']), () => addSource(db, 's2', 'Full text.'), () => 'Import');
    history.record(
      meta('setup', ['codes', 'codings', 'audit']),
      () => {
        db.prepare("INSERT INTO codes (id, name, color, created_at) VALUES ('k', 'Trust', '#4e79a7', 't')").run();
        db.prepare("INSERT INTO codings (id, source_id, code_id, start, end, coder, created_at) VALUES ('c', 's1', 'k', 0, 5, 'me', 't')").run();
        db.prepare("INSERT INTO reference_entries (id, source_id, ordinal, raw, full_text_source_id) VALUES ('r', 's1', 0, 'Lim 2020', 's2')").run();
      },
      () => 'Set up',
    );
    const before = snapshot(db);
    // Deleting s1 cascades to its passages, coding and reference entry; deleting s2 sets a key to null.
    history.record(
      meta('sources.remove', ['sources', 'source-text', 'codings', 'audit']),
      () => {
        db.prepare("DELETE FROM sources WHERE id = 's2'").run();
        db.prepare("DELETE FROM sources WHERE id = 's1'").run();
      },
      () => 'Delete',
    );
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(0);
    history.undo();
    expect(snapshot(db)).toEqual(before);
    expect(db.prepare("SELECT text FROM sources WHERE id = 's1'").pluck().get()).toBe(text);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('refuses and rolls back a write outside the topics it declared', () => {
    const { db, history } = project();
    const before = snapshot(db);
    expect(() =>
      history.record(meta('memos.create', ['memos']), () => db.prepare("INSERT INTO codes (id, name, color, created_at) VALUES ('k', 'Trust', '#4e79a7', 't')").run(), () => 'x'),
    ).toThrow(/wrote codes \(codes\) without declaring it/);
    expect(snapshot(db)).toEqual(before);
    expect(history.list().undo).toEqual([]);
    db.close();
  });

  it('records no step for a write that changes nothing, and forgets the redo steps when a new change is made', () => {
    const { db, history } = project();
    history.record(meta('a', ['project']), () => db.prepare("INSERT INTO project_meta (key, value) VALUES ('name', 'A')").run(), () => 'Name A');
    expect(history.record(meta('b', ['project']), () => db.prepare("UPDATE project_meta SET value = 'A' WHERE key = 'name'").run(), () => 'Same').step).toBeNull();
    history.record(meta('c', ['project']), () => db.prepare("UPDATE project_meta SET value = 'B' WHERE key = 'name'").run(), () => 'Name B');
    history.undo();
    expect(history.list().redo.map((s) => s.label)).toEqual(['Name B']);
    history.record(meta('d', ['project']), () => db.prepare("UPDATE project_meta SET value = 'C' WHERE key = 'name'").run(), () => 'Name C');
    expect(history.list()).toMatchObject({ undo: [{ label: 'Name C' }, { label: 'Name A' }], redo: [] });
    db.close();
  });

  it('keeps the newest steps up to its depth', () => {
    const { db, history } = project();
    history.setDepth(3);
    for (let i = 1; i <= 5; i++) {
      history.record(meta('n', ['project']), () => db.prepare("INSERT INTO project_meta (key, value) VALUES ('n', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(i)), () => `Step ${i}`);
    }
    expect(history.list().undo.map((s) => s.label)).toEqual(['Step 5', 'Step 4', 'Step 3']);
    while (history.undo());
    expect(db.prepare("SELECT value FROM project_meta WHERE key = 'n'").pluck().get()).toBe('2');
    db.close();
  });

  it('survives closing and reopening the file: an undo after a restart takes back the step made before it', () => {
    const { db, history, path } = project();
    history.record(meta('sources.import', ['sources', 'source-text']), () => addSource(db, 's1', 'Words.'), () => 'Import');
    db.close();
    const reopened = openDatabase(path);
    const again = new History(reopened);
    expect(again.list().undo.map((s) => s.label)).toEqual(['Import']);
    again.undo();
    expect(reopened.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
    // The triggers are temporary: the file itself holds none, so an older reader sees plain tables.
    expect(reopened.prepare("SELECT count(*) FROM main.sqlite_schema WHERE type = 'trigger'").pluck().get()).toBe(0);
    reopened.close();
  });
});
