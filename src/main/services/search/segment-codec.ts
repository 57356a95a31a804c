import { crc32 } from 'node:zlib';
import { FIELDS } from './analyzer';
import type { Segment } from './segment';
import { positionStarts } from './segment';

/** Bumped whenever the layout or the analysis changes: a segment of another format is rebuilt. */
export const SEGMENT_FORMAT = 2;
const MAGIC = 0x31475351; // "QSG1"

interface Header {
  format: number;
  fields: readonly string[];
  docIds: string[];
  terms: string[];
  arrays: number[];
}

/**
 * A segment as one binary blob: a JSON header (strings) followed by raw little-endian Uint32
 * arrays, so loading is a copy and a JSON.parse rather than rebuilding objects per posting.
 * Position starts are not stored: they are the running sum of term frequencies.
 */
export function encodeSegment(segment: Segment): Buffer {
  const arrays: Uint32Array[] = [segment.hashes];
  FIELDS.forEach((_, f) => {
    const postings = segment.fields[f]!;
    arrays.push(segment.fieldLengths[f]!, postings.termStart, postings.docs, postings.tfs, postings.positions);
  });
  const header: Header = { format: SEGMENT_FORMAT, fields: FIELDS, docIds: segment.docIds, terms: segment.terms, arrays: arrays.map((a) => a.length) };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = 8 + json.length + ((4 - (json.length % 4)) % 4);
  const body = arrays.reduce((sum, a) => sum + a.byteLength, 0);
  const blob = Buffer.alloc(headerBytes + body);
  blob.writeUInt32LE(MAGIC, 0);
  blob.writeUInt32LE(json.length, 4);
  json.copy(blob, 8);
  let offset = headerBytes;
  for (const array of arrays) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(blob, offset);
    offset += array.byteLength;
  }
  return blob;
}

export function checksum(blob: Uint8Array): number {
  return crc32(blob);
}

/** Decodes a blob written by encodeSegment; throws on anything that does not add up. */
export function decodeSegment(blob: Buffer): Segment {
  if (blob.length < 8 || blob.readUInt32LE(0) !== MAGIC) throw new Error('not a search segment');
  const jsonLength = blob.readUInt32LE(4);
  const header = JSON.parse(blob.toString('utf8', 8, 8 + jsonLength)) as Header;
  if (header.format !== SEGMENT_FORMAT || header.fields.join() !== FIELDS.join()) throw new Error('segment of another format');
  const headerBytes = 8 + jsonLength + ((4 - (jsonLength % 4)) % 4);
  const total = header.arrays.reduce((sum, n) => sum + n * 4, 0);
  if (headerBytes + total !== blob.length) throw new Error('segment size does not match its header');
  // Copied into a fresh, aligned buffer: SQLite's blob may sit at any byte offset.
  const words = new Uint32Array(total / 4);
  new Uint8Array(words.buffer).set(blob.subarray(headerBytes));
  let at = 0;
  const take = (n: number): Uint32Array => words.subarray(at, (at += n));
  const lengths = [...header.arrays];
  const next = (): Uint32Array => take(lengths.shift()!);
  const hashes = next();
  const fieldLengths: Uint32Array[] = [];
  const fields = FIELDS.map(() => {
    fieldLengths.push(next());
    const termStart = next();
    const docs = next();
    const tfs = next();
    const positions = next();
    return { termStart, docs, tfs, posStart: positionStarts(tfs), positions };
  });
  const n = header.docIds.length;
  const valid =
    hashes.length === n * 2 &&
    fieldLengths.every((l) => l.length === n) &&
    fields.every((p) => p.termStart.length === header.terms.length + 1 && p.termStart[header.terms.length] === p.docs.length && p.docs.every((d) => d < n) && p.posStart[p.tfs.length] === p.positions.length);
  if (!valid) throw new Error('segment arrays are inconsistent');
  return { docIds: header.docIds, hashes, fieldLengths, terms: header.terms, fields };
}
