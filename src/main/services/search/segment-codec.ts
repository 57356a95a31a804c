import { crc32 } from 'node:zlib';
import { FIELDS } from './analyzer';
import type { Segment, UintArray } from './segment';
import { positionStarts } from './segment';

/** Bumped whenever the layout or the analysis changes: a segment of another format is rebuilt. */
export const SEGMENT_FORMAT = 4;
const MAGIC = 0x34475351; // "QSG4"

/** Each stored array as [element count, bytes per element]. */
type Layout = Array<[number, 1 | 2 | 4]>;

interface Header {
  format: number;
  fields: readonly string[];
  arrays: Layout;
  /** Code units of the doc id and term tables. */
  idChars: number;
  termChars: number;
}

function narrowest(values: UintArray): UintArray {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  if (max < 0x100) return Uint8Array.from(values);
  if (max < 0x10000) return Uint16Array.from(values);
  return values instanceof Uint32Array ? values : Uint32Array.from(values);
}

/** Arrays back to back, each padded to four bytes so that it can be viewed in place. */
function pack(arrays: readonly UintArray[]): { layout: Layout; bytes: Buffer[] } {
  const layout: Layout = [];
  const bytes: Buffer[] = [];
  for (const array of arrays) {
    layout.push([array.length, array.BYTES_PER_ELEMENT as 1 | 2 | 4]);
    bytes.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength), Buffer.alloc((4 - (array.byteLength % 4)) % 4));
  }
  return { layout, bytes };
}

function packedBytes(layout: Layout): number {
  return layout.reduce((sum, [n, width]) => sum + Math.ceil((n * width) / 4) * 4, 0);
}

/** Copies each array out of the blob (SQLite's buffer may sit at any byte offset). */
function unpack(blob: Buffer, from: number, layout: Layout): UintArray[] {
  let at = from;
  return layout.map(([n, width]) => {
    const array = width === 1 ? new Uint8Array(n) : width === 2 ? new Uint16Array(n) : new Uint32Array(n);
    new Uint8Array(array.buffer).set(blob.subarray(at, at + n * width));
    at += Math.ceil((n * width) / 4) * 4;
    return array;
  });
}

function withHeader(header: object, body: Buffer[]): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8 + json.length + ((4 - (json.length % 4)) % 4));
  prefix.writeUInt32LE(MAGIC, 0);
  prefix.writeUInt32LE(json.length, 4);
  json.copy(prefix, 8);
  return Buffer.concat([prefix, ...body]);
}

function readHeader<T>(blob: Buffer): { header: T; bodyAt: number } {
  if (blob.length < 8 || blob.readUInt32LE(0) !== MAGIC) throw new Error('not a search segment');
  const jsonLength = blob.readUInt32LE(4);
  const header = JSON.parse(blob.toString('utf8', 8, 8 + jsonLength)) as T;
  return { header, bodyAt: 8 + jsonLength + ((4 - (jsonLength % 4)) % 4) };
}

/**
 * A segment as two blobs. `data`: a small JSON header, the arrays (each of the narrowest width
 * that holds its values), then doc ids and terms as UTF-16 text cut by their lengths (exact for
 * any string, and much quicker to load than JSON). `positions`: each field's token positions,
 * needed only for phrases and highlights. Position starts are not stored: they are the running
 * sum of term frequencies.
 */
export function encodeSegment(segment: Segment): { data: Buffer; positions: Buffer } {
  const ids = segment.docIds.join('');
  const terms = segment.terms.join('');
  const arrays: UintArray[] = [segment.hashes, Uint32Array.from(segment.docIds, (s) => s.length), Uint32Array.from(segment.terms, (s) => s.length)];
  FIELDS.forEach((_, f) => {
    const postings = segment.fields[f]!;
    arrays.push(segment.fieldLengths[f]!, postings.termStart, postings.docs, postings.tfs);
  });
  const { layout, bytes } = pack(arrays.map((a, i) => (i === 0 ? a : narrowest(a))));
  const header: Header = { format: SEGMENT_FORMAT, fields: FIELDS, arrays: layout, idChars: ids.length, termChars: terms.length };
  const data = withHeader(header, [...bytes, Buffer.from(ids, 'utf16le'), Buffer.from(terms, 'utf16le')]);
  const positions = pack(
    segment.fields.map((f) => {
      if (!f.positions) throw new Error('segment positions are not loaded');
      return narrowest(f.positions);
    }),
  );
  return { data, positions: withHeader({ arrays: positions.layout }, positions.bytes) };
}

export function checksum(blob: Uint8Array): number {
  return crc32(blob);
}

/** A segment as it is stored, with the checksums of both blobs. */
export interface StoredSegment {
  data: Uint8Array;
  dataChecksum: number;
  positions: Uint8Array;
  positionsChecksum: number;
}

/** encodeSegment with checksums: what a build worker hands back so the main thread only writes it. */
export function storedSegment(segment: Segment): StoredSegment {
  const { data, positions } = encodeSegment(segment);
  return { data, dataChecksum: checksum(data), positions, positionsChecksum: checksum(positions) };
}

function splitByLengths(text: string, lengths: UintArray): string[] {
  const out = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) out[i] = text.slice(at, (at += lengths[i]!));
  if (at !== text.length) throw new Error('string table does not match its lengths');
  return out;
}

/** Decodes the data blob of encodeSegment, positions not yet loaded; throws on anything that does not add up. */
export function decodeSegment(blob: Buffer): Segment {
  const { header, bodyAt } = readHeader<Header>(blob);
  if (header.format !== SEGMENT_FORMAT || header.fields.join() !== FIELDS.join()) throw new Error('segment of another format');
  const arrayBytes = packedBytes(header.arrays);
  if (bodyAt + arrayBytes + 2 * (header.idChars + header.termChars) !== blob.length) throw new Error('segment size does not match its header');
  const arrays = unpack(blob, bodyAt, header.arrays);
  const next = (): UintArray => arrays.shift()!;
  const hashes = next();
  if (!(hashes instanceof Uint32Array)) throw new Error('segment hashes are not 32-bit');
  const stringsAt = bodyAt + arrayBytes;
  const docIds = splitByLengths(blob.toString('utf16le', stringsAt, stringsAt + 2 * header.idChars), next());
  const terms = splitByLengths(blob.toString('utf16le', stringsAt + 2 * header.idChars, blob.length), next());
  const n = docIds.length;
  const fieldLengths: UintArray[] = [];
  const fields = FIELDS.map(() => {
    fieldLengths.push(next());
    return { termStart: next(), docs: next(), tfs: next(), posStart: null, positions: null };
  });
  const inRange = (docs: UintArray): boolean => {
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
  const { header, bodyAt } = readHeader<{ arrays: Layout }>(blob);
  if (bodyAt + packedBytes(header.arrays) !== blob.length || header.arrays.length !== segment.fields.length) throw new Error('positions blob does not add up');
  const arrays = unpack(blob, bodyAt, header.arrays);
  const starts = segment.fields.map((f) => positionStarts(f.tfs));
  if (starts.some((s, i) => s[s.length - 1] !== arrays[i]!.length)) throw new Error('positions do not match the segment');
  segment.fields.forEach((f, i) => {
    f.posStart = starts[i]!;
    f.positions = arrays[i]!;
  });
}
