import { hash } from 'node:crypto';
import type { Db } from '../store/database';
import type { IndexInput } from './segment';
import type { SearchDoc, SearchKind } from './types';

/** Kinds whose title is their own words; passages and claims carry their source's title for display only. */
const OWN_TITLE: ReadonlySet<SearchKind> = new Set<SearchKind>(['memo', 'code', 'reference']);

/** The text of each indexed field of a doc, in FIELDS order. */
export function indexedFields(doc: SearchDoc): string[] {
  return [OWN_TITLE.has(doc.kind) ? doc.title : '', doc.text];
}

/** 64 bits of SHA-1 over everything the index derives from a doc: native hashing is several times faster than a JS loop. */
export function contentHash(doc: SearchDoc): [number, number] {
  const [title, text] = indexedFields(doc);
  const digest = hash('sha1', `${doc.kind}\u0000${doc.sourceId ?? '\u0001'}\u0000${title}\u0000${text}`, 'buffer');
  return [digest.readUInt32LE(0), digest.readUInt32LE(4)];
}

export function toIndexInput(doc: SearchDoc): IndexInput {
  return { id: doc.id, hash: contentHash(doc), fields: indexedFields(doc) };
}

/** Every searchable document of a project, read from its tables (passage text is a slice of sources.text). */
export function* collectDocuments(db: Db): Iterable<SearchDoc> {
  const sources = db.prepare('SELECT id, title, text FROM sources').all() as Array<{ id: string; title: string; text: string }>;
  const byId = new Map(sources.map((s) => [s.id, s]));
  const passages = db
    .prepare('SELECT p.id, p.source_id, p.start, p.end FROM passages p JOIN sources s ON s.id = p.source_id ORDER BY s.created_at, s.id, p.ordinal')
    .raw()
    .iterate() as Iterable<[string, string, number, number]>;
  for (const [id, sourceId, start, end] of passages) {
    const source = byId.get(sourceId)!;
    yield { id, kind: 'passage', sourceId, title: source.title, text: source.text.slice(start, end) };
  }
  const memos = db.prepare('SELECT id, title, body, target_kind, target_id FROM memos ORDER BY created_at, id').iterate() as Iterable<{
    id: string;
    title: string;
    body: string;
    target_kind: string;
    target_id: string | null;
  }>;
  for (const m of memos) {
    yield { id: m.id, kind: 'memo', sourceId: m.target_kind === 'source' ? m.target_id : null, title: m.title, text: m.body };
  }
  const codes = db.prepare('SELECT id, name, definition FROM codes ORDER BY position, id').iterate() as Iterable<{ id: string; name: string; definition: string }>;
  for (const c of codes) yield { id: c.id, kind: 'code', sourceId: null, title: c.name, text: c.definition };
  const claims = db.prepare('SELECT id, source_id, text FROM claims ORDER BY source_id, ordinal').iterate() as Iterable<{ id: string; source_id: string; text: string }>;
  for (const c of claims) yield { id: c.id, kind: 'claim', sourceId: c.source_id, title: byId.get(c.source_id)?.title ?? '', text: c.text };
  const references = db.prepare('SELECT id, source_id, title, raw FROM reference_entries ORDER BY source_id, ordinal').iterate() as Iterable<{
    id: string;
    source_id: string | null;
    title: string | null;
    raw: string;
  }>;
  for (const r of references) yield { id: r.id, kind: 'reference', sourceId: r.source_id, title: r.title ?? '', text: r.raw };
}
