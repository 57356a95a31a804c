import type { Db } from '../store/database';
import type { IndexInput } from './segment';
import type { SearchDoc, SearchKind } from './types';

/** Kinds whose title is their own words; passages and claims carry their source's title for display only. */
const OWN_TITLE: ReadonlySet<SearchKind> = new Set<SearchKind>(['memo', 'code', 'reference']);

/** The text of each indexed field of a doc, in FIELDS order. */
export function indexedFields(doc: SearchDoc): string[] {
  return [OWN_TITLE.has(doc.kind) ? doc.title : '', doc.text];
}

/**
 * What the index keeps of a doc: enough to filter hits and to find the doc's text for snippets.
 * A passage's text is not kept: it is a slice of its source's, read when a hit needs it.
 */
export interface IndexedDoc {
  id: string;
  kind: SearchKind;
  sourceId: string | null;
  title: string;
  text: string | null;
  start: number;
  end: number;
}

/** A project doc as found in its tables, with the fingerprint that tells whether the index holds it as it is. */
export interface ScannedDoc {
  doc: IndexedDoc;
  fingerprint: [number, number];
}

/** Two 32-bit halves of cyrb53 over the parts: fast on the short strings fingerprints are made of. */
export function fingerprint(parts: readonly string[]): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0xffff, 2654435761);
    h2 = Math.imul(h2 ^ 0xffff, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/**
 * A passage is fingerprinted by its place in its source rather than by its words: a source's text
 * never changes after import (see migration 001), so offsets plus the source's byte length identify
 * the words, and opening a project need not read or hash every source's text.
 */
function passageFingerprint(id: string, sourceId: string, title: string, start: number, end: number, sourceBytes: number): [number, number] {
  return fingerprint(['passage', id, sourceId, title, String(start), String(end), String(sourceBytes)]);
}

/** Memos, codes, claims and references are short: their fingerprint covers all their words. */
function contentFingerprint(doc: SearchDoc): [number, number] {
  return fingerprint([doc.kind, doc.id, doc.sourceId ?? '\u0001', doc.title, doc.text]);
}

/** A hash of what indexing reads from a doc (not display-only titles): equal hashes, same index entries. */
export function contentHash(doc: SearchDoc): [number, number] {
  return fingerprint([doc.kind, doc.sourceId ?? '\u0001', ...indexedFields(doc)]);
}

function stored(doc: SearchDoc): IndexedDoc {
  return { ...doc, start: 0, end: doc.text.length };
}

interface SourceInfo {
  title: string;
  bytes: number;
}

function sourceInfo(db: Db): Map<string, SourceInfo> {
  const rows = db.prepare('SELECT id, title, octet_length(text) FROM sources').raw().all() as Array<[string, string, number]>;
  return new Map(rows.map(([id, title, bytes]) => [id, { title, bytes }]));
}

/**
 * How each kind of project row becomes a search doc. Everything that reads docs from the
 * tables (a full scan here, a scoped read after a write) builds them with these, so a doc
 * read either way hashes the same.
 */
export const searchDocs = {
  passage: (id: string, sourceId: string, sourceTitle: string, text: string): SearchDoc => ({ id, kind: 'passage', sourceId, title: sourceTitle, text }),
  memo: (id: string, title: string, body: string, targetKind: string, targetId: string | null): SearchDoc => ({
    id,
    kind: 'memo',
    sourceId: targetKind === 'source' ? targetId : null,
    title,
    text: body,
  }),
  code: (id: string, name: string, definition: string): SearchDoc => ({ id, kind: 'code', sourceId: null, title: name, text: definition }),
  claim: (id: string, sourceId: string, sourceTitle: string, text: string): SearchDoc => ({ id, kind: 'claim', sourceId, title: sourceTitle, text }),
  reference: (id: string, sourceId: string | null, title: string | null, raw: string): SearchDoc => ({ id, kind: 'reference', sourceId, title: title ?? '', text: raw }),
};

/** Rows that changed, by table and key (their id): which docs they are is decided here. */
export interface ChangedRow {
  table: string;
  key: string | null;
}

// The keys of a change's rows go to SQLite as one JSON array: an import writes thousands of
// passages, and a statement per row cost more than the rest of the update.
const KEYS = 'SELECT value FROM json_each(?)';

/** A doc fingerprinted by its content, as the index keeps it. */
function byContent(doc: SearchDoc): ScannedDoc {
  return { doc: stored(doc), fingerprint: contentFingerprint(doc) };
}

/** Title and UTF-8 length of the given sources, each read once: octet_length reads a whole text, and a book has thousands of passages. */
function sourcesById(db: Db, sourceIds: Iterable<string>): Map<string, SourceInfo> {
  const rows = db.prepare(`SELECT id, title, octet_length(text) FROM sources WHERE id IN (${KEYS})`).raw().all(JSON.stringify([...new Set(sourceIds)])) as Array<[string, string, number]>;
  return new Map(rows.map(([id, title, bytes]) => [id, { title, bytes }]));
}

type PassageRow = [id: string, sourceId: string, start: number, end: number, ...more: number[]];

/** Passages as scanDocuments keeps them: their offsets, not their words, with the same fingerprint. */
function scannedPassages(db: Db, rows: readonly PassageRow[]): ScannedDoc[] {
  const sources = sourcesById(
    db,
    rows.map(([, sourceId]) => sourceId),
  );
  return rows.map(([id, sourceId, start, end]) => {
    const source = sources.get(sourceId)!;
    return {
      doc: { id, kind: 'passage', sourceId, title: source.title, text: null, start, end },
      fingerprint: passageFingerprint(id, sourceId, source.title, start, end, source.bytes),
    };
  });
}

/**
 * How to read the docs of a table's changed rows, by their keys, in one statement; other tables
 * hold none.
 */
const docReaders: Record<string, (db: Db, keys: string) => ScannedDoc[]> = {
  passages: (db, keys) => scannedPassages(db, db.prepare(`SELECT id, source_id, start, end FROM passages WHERE id IN (${KEYS})`).raw().all(keys) as PassageRow[]),
  memos: (db, keys) =>
    (db.prepare(`SELECT id, title, body, target_kind, target_id FROM memos WHERE id IN (${KEYS})`).raw().all(keys) as Array<[string, string, string, string, string | null]>).map((row) =>
      byContent(searchDocs.memo(...row)),
    ),
  codes: (db, keys) =>
    (db.prepare(`SELECT id, name, definition FROM codes WHERE id IN (${KEYS})`).raw().all(keys) as Array<[string, string, string]>).map((row) => byContent(searchDocs.code(...row))),
  claims: (db, keys) =>
    (
      db.prepare(`SELECT c.id, c.source_id, s.title, c.text FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.id IN (${KEYS})`).raw().all(keys) as Array<[string, string, string, string]>
    ).map((row) => byContent(searchDocs.claim(...row))),
  reference_entries: (db, keys) =>
    (db.prepare(`SELECT id, source_id, title, raw FROM reference_entries WHERE id IN (${KEYS})`).raw().all(keys) as Array<[string, string | null, string | null, string]>).map((row) =>
      byContent(searchDocs.reference(...row)),
    ),
};

/** Whether a changed row is a doc itself: a keyed row of a table docs are read from. */
const isDoc = (row: ChangedRow): boolean => row.key !== null && Object.hasOwn(docReaders, row.table);

/** Whether a changed row can be a doc, or stands for docs: rows of other tables, and rows without a key, never do. */
export const holdsDoc = (row: ChangedRow): boolean => isDoc(row) || standsForPassages(row);

/**
 * Whether a changed row stands for its source's passages: they carry its title, and a source's
 * import records its own row only (see history.ts: rows that cascade from a parent inserted in
 * the same step need no statement of their own). Docs behind a row that is gone went with it,
 * each recorded on its own.
 */
export const standsForPassages = (row: ChangedRow): boolean => row.table === 'sources' && row.key !== null;

/**
 * Up to `limit` of a source's passages after the one at `afterOrdinal`, in order, read along
 * the source's own index so that a book's thousands of passages can be read a page at a time.
 */
export function sourcePassages(db: Db, sourceId: string, afterOrdinal: number, limit: number): { docs: ScannedDoc[]; lastOrdinal: number } {
  const rows = db.prepare('SELECT id, source_id, start, end, ordinal FROM passages WHERE source_id = ? AND ordinal > ? ORDER BY ordinal LIMIT ?').raw().all(sourceId, afterOrdinal, limit) as PassageRow[];
  return { docs: scannedPassages(db, rows), lastOrdinal: rows.length > 0 ? rows[rows.length - 1]![4]! : afterOrdinal };
}

/** The docs of changed rows that are docs themselves, as the tables hold them now, fingerprinted: those still there to index again, the others to remove. */
export function changedDocuments(db: Db, rows: readonly ChangedRow[]): { changed: ScannedDoc[]; vanished: string[] } {
  const keysByTable = new Map<string, string[]>();
  for (const row of rows) {
    if (!isDoc(row)) continue;
    const keys = keysByTable.get(row.table);
    if (keys) keys.push(row.key!);
    else keysByTable.set(row.table, [row.key!]);
  }
  const changed: ScannedDoc[] = [];
  const vanished: string[] = [];
  for (const [table, keys] of keysByTable) {
    const found = new Map(docReaders[table]!(db, JSON.stringify(keys)).map((scanned) => [scanned.doc.id, scanned]));
    for (const key of keys) {
      const scanned = found.get(key);
      if (scanned) changed.push(scanned);
      else vanished.push(key);
    }
  }
  return { changed, vanished };
}

/** How many docs the project holds. */
export function countDocuments(db: Db): number {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM passages) + (SELECT count(*) FROM memos) + (SELECT count(*) FROM codes)
         + (SELECT count(*) FROM claims) + (SELECT count(*) FROM reference_entries)`,
    )
    .pluck()
    .get() as number;
}

/** Memos, codes, claims and references, in a stable order. */
function* otherDocuments(db: Db, titles: ReadonlyMap<string, SourceInfo>): Iterable<SearchDoc> {
  const memos = db.prepare('SELECT id, title, body, target_kind, target_id FROM memos ORDER BY created_at, id').raw().iterate() as Iterable<[string, string, string, string, string | null]>;
  for (const row of memos) yield searchDocs.memo(...row);
  const codes = db.prepare('SELECT id, name, definition FROM codes ORDER BY position, id').raw().iterate() as Iterable<[string, string, string]>;
  for (const row of codes) yield searchDocs.code(...row);
  const claims = db.prepare('SELECT id, source_id, text FROM claims ORDER BY source_id, ordinal').raw().iterate() as Iterable<[string, string, string]>;
  for (const [id, sourceId, text] of claims) yield searchDocs.claim(id, sourceId, titles.get(sourceId)?.title ?? '', text);
  const references = db.prepare('SELECT id, source_id, title, raw FROM reference_entries ORDER BY source_id, ordinal').raw().iterate() as Iterable<
    [string, string | null, string | null, string]
  >;
  for (const row of references) yield searchDocs.reference(...row);
}

/** Every project doc with its fingerprint, without reading the sources' text. */
export function scanDocuments(db: Db): ScannedDoc[] {
  const sources = sourceInfo(db);
  const scanned: ScannedDoc[] = [];
  const passages = db.prepare('SELECT id, source_id, start, end FROM passages').raw().all() as Array<[string, string, number, number]>;
  for (const [id, sourceId, start, end] of passages) {
    const source = sources.get(sourceId)!;
    scanned.push({
      doc: { id, kind: 'passage', sourceId, title: source.title, text: null, start, end },
      fingerprint: passageFingerprint(id, sourceId, source.title, start, end, source.bytes),
    });
  }
  for (const doc of otherDocuments(db, sources)) scanned.push(byContent(doc));
  return scanned;
}

/** Reads source texts on demand and keeps them (up to a bound): a hit needs its source's text, and reading a long source again for each of its passages would dominate a query. */
export class SourceTexts {
  private readonly cache = new Map<string, string>();
  private cachedChars = 0;
  private readonly select;
  constructor(
    db: Db,
    private readonly limitChars = 128_000_000,
  ) {
    this.select = db.prepare('SELECT text FROM sources WHERE id = ?').pluck();
  }

  get(sourceId: string): string {
    let text = this.cache.get(sourceId);
    if (text === undefined) {
      text = (this.select.get(sourceId) as string | undefined) ?? '';
      if (this.cachedChars + text.length > this.limitChars) {
        this.cache.clear();
        this.cachedChars = 0;
      }
      this.cache.set(sourceId, text);
      this.cachedChars += text.length;
    }
    return text;
  }

  forget(sourceId: string): void {
    const text = this.cache.get(sourceId);
    if (text !== undefined) this.cachedChars -= text.length;
    this.cache.delete(sourceId);
  }
}

/** The words of a doc the index keeps. */
export function textOf(doc: IndexedDoc, sources: SourceTexts): string {
  return doc.text ?? sources.get(doc.sourceId!).slice(doc.start, doc.end);
}

/** A scanned doc as the input of a build, and as the index keeps it. */
export function toIndexInput(scanned: ScannedDoc, sources: SourceTexts): IndexInput {
  const { doc } = scanned;
  return { id: doc.id, hash: scanned.fingerprint, fields: indexedFields({ ...doc, text: textOf(doc, sources) }) };
}

/**
 * Fingerprints docs handed to upsert as the project tables would: a passage by its row (and
 * its source), anything else by its content. A passage not (yet) in the tables gets a content
 * fingerprint, which the next open will not find and so will re-check.
 */
export function fingerprintDocs(db: Db, docs: readonly SearchDoc[]): ScannedDoc[] {
  const passageIds = docs.filter((doc) => doc.kind === 'passage').map((doc) => doc.id);
  const passages = new Map(
    (db.prepare(`SELECT id, source_id, start, end FROM passages WHERE id IN (${KEYS})`).raw().all(JSON.stringify(passageIds)) as Array<[string, string, number, number]>).map(
      ([id, ...rest]) => [id, rest] as const,
    ),
  );
  const sources = sourcesById(
    db,
    [...passages.values()].map(([sourceId]) => sourceId),
  );
  return docs.map((doc) => {
    const passage = doc.kind === 'passage' ? passages.get(doc.id) : undefined;
    const source = passage && sources.get(passage[0]);
    if (!passage || !source) return byContent(doc);
    const [sourceId, start, end] = passage;
    return { doc: stored(doc), fingerprint: passageFingerprint(doc.id, sourceId, source.title, start, end, source.bytes) };
  });
}

/** Every searchable document of a project, read from its tables (passage text is a slice of sources.text). */
export function* collectDocuments(db: Db): Iterable<SearchDoc> {
  const sources = sourceInfo(db);
  const texts = new SourceTexts(db);
  const passages = db
    .prepare('SELECT p.id, p.source_id, p.start, p.end FROM passages p JOIN sources s ON s.id = p.source_id ORDER BY s.created_at, s.id, p.ordinal')
    .raw()
    .all() as Array<[string, string, number, number]>;
  for (const [id, sourceId, start, end] of passages) {
    yield searchDocs.passage(id, sourceId, sources.get(sourceId)!.title, texts.get(sourceId).slice(start, end));
  }
  yield* otherDocuments(db, sources);
}
