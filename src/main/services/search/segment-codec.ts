import { crc32 } from 'node:zlib';
import { FIELDS } from './analyzer';
import type { Segment } from './segment';
import { positionStarts } from './segment';

/** Bumped whenever the layout or the analysis changes: a segment of another format is rebuilt. */
export const SEGMENT_FORMAT = 3;
const MAGIC = 0x33475351; // "QSG3"

interface Header {
  format: number;
  fields: readonly string[];
  /** Element counts of the Uint32 arrays that follow, in order. */
  arrays: number[];
  /** Code units of the doc id and term tables. */
  idChars: number;
  termChars: number;
}

/**
 * A segment as two blobs. `data`: a small JSON header, raw little-endian Uint32 arrays, then
 * doc ids and terms as UTF-16 text with their lengths (exact for any string, and much quicker
 * to load than JSON). `positions`: each field's token positions, loaded only for phrase queries.
 * Position starts are not stored: they are the running sum of term frequencies.
 */
export function encodeSegment(segment: Segment): { data: Buffer; positions: Buffer } {
  const ids = segment.docIds.join('');
  const terms = segment.terms.join('');
  const arrays: Uint32Array[] = [segment.hashes, Uint32Array.from(segment.docIds, (s) => s.length), Uint32Array.from(segment.terms, (s) => s.length)];
  FIELDS.forEach((_, f) => {
    const postings = segment.fields[f]!;
    arrays.push(segment.fieldLengths[f]!, postings.termStart, postings.docs, postings.tfs);
  });
  const header: Header = { format: SEGMENT_FORMAT, fields: FIELDS, arrays: arrays.map((a) => a.length), idChars: ids.length, termChars: terms.length };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = 8 + json.length + ((4 - (json.length % 4)) % 4);
  const parts = [...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), Buffer.from(ids, 'utf16le'), Buffer.from(terms, 'utf16le')];
  const prefix = Buffer.alloc(headerBytes);
  prefix.writeUInt32LE(MAGIC, 0);
  prefix.writeUInt32LE(json.length, 4);
  json.copy(prefix, 8);
  const positions = segment.fields.map((f) => {
    if (!f.positions) throw new Error('segment positions are not loaded');
    return Buffer.from(f.positions.buffer, f.positions.byteOffset, f.positions.byteLength);
  });
  return { data: Buffer.concat([prefix, ...parts]), positions: Buffer.concat(positions) };
}

export function checksum(blob: Uint8Array): number {
  return crc32(blob);
}

/** Copies bytes into a fresh, aligned array: SQLite's blob may sit at any byte offset. */
function words(blob: Buffer, from: number, bytes: number): Uint32Array {
  const out = new Uint32Array(bytes / 4);
  new Uint8Array(out.buffer).set(blob.subarray(from, from + bytes));
  return out;
}

function splitByLengths(text: string, lengths: Uint32Array): string[] {
  const out = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) out[i] = text.slice(at, (at += lengths[i]!));
  if (at !== text.length) throw new Error('string table does not match its lengths');
  return out;
}

/** Decodes the data blob of encodeSegment, positions not yet loaded; throws on anything that does not add up. */
export function decodeSegment(blob: Buffer): Segment {
  if (blob.length < 8 || blob.readUInt32LE(0) !== MAGIC) throw new Error('not a search segment');
  const jsonLength = blob.readUInt32LE(4);
  const header = JSON.parse(blob.toString('utf8', 8, 8 + jsonLength)) as Header;
  if (header.format !== SEGMENT_FORMAT || header.fields.join() !== FIELDS.join()) throw new Error('segment of another format');
  const headerBytes = 8 + jsonLength + ((4 - (jsonLength % 4)) % 4);
  const arrayBytes = header.arrays.reduce((sum, n) => sum + n * 4, 0);
  if (headerBytes + arrayBytes + 2 * (header.idChars + header.termChars) !== blob.length) throw new Error('segment size does not match its header');
  const all = words(blob, headerBytes, arrayBytes);
  let at = 0;
  const lengths = [...header.arrays];
  const next = (): Uint32Array => all.subarray(at, (at += lengths.shift()!));
  const hashes = next();
  const stringsAt = headerBytes + arrayBytes;
  const docIds = splitByLengths(blob.toString('utf16le', stringsAt, stringsAt + 2 * header.idChars), next());
  const terms = splitByLengths(blob.toString('utf16le', stringsAt + 2 * header.idChars, blob.length), next());
  const n = docIds.length;
  const fieldLengths: Uint32Array[] = [];
  const fields = FIELDS.map(() => {
    fieldLengths.push(next());
    return { termStart: next(), docs: next(), tfs: next(), posStart: null, positions: null };
  });
  const inRange = (docs: Uint32Array): boolean => {
    for (let p = 0; p < docs.length; p++) if (docs[p]! >= n) return false;
    return true;
  };
  const valid =
    hashes.length === n * 2 &&
    fieldLengths.every((l) => l.length === n) &&
    fields.every((p) => p.termStart.length === terms.length + 1 && p.termStart[terms.length] === p.docs.length && p.tfs.length === p.docs.length && inRange(p.docs));
  if (!valid) throw new Error('segment arrays are inconsistent');
  return { docIds, hashes, fieldLengths, terms, fields };
}

/** Fills in a decoded segment's positions from the positions blob of encodeSegment. */
export function decodePositions(segment: Segment, blob: Buffer): void {
  const starts = segment.fields.map((f) => positionStarts(f.tfs));
  const total = starts.reduce((sum, s) => sum + s[s.length - 1]!, 0);
  if (blob.length !== total * 4) throw new Error('positions do not match the segment');
  const all = words(blob, 0, blob.length);
  let at = 0;
  segment.fields.forEach((f, i) => {
    const s = starts[i]!;
    f.posStart = s;
    f.positions = all.subarray(at, (at += s[s.length - 1]!));
  });
}
