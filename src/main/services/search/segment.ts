import type { Analyzer } from './analyzer';
import { FIELDS } from './analyzer';

/**
 * Inverted lists of one field in CSR form: the postings of term t are indexes
 * termStart[t] .. termStart[t + 1] of docs/tfs (docs ascending), and the token positions of
 * posting p are positions[posStart[p] .. posStart[p + 1]). Positions are null in a segment
 * loaded from disk until a phrase query needs them.
 */
export interface FieldPostings {
  termStart: UintArray;
  docs: UintArray;
  tfs: UintArray;
  posStart: Uint32Array | null;
  positions: UintArray | null;
}

/** Stored arrays take the narrowest width their values fit (most term frequencies fit a byte). */
export type UintArray = Uint8Array | Uint16Array | Uint32Array;

/** The positions of a field, which the caller has made sure are loaded. */
export function loadedPositions(postings: FieldPostings): { posStart: Uint32Array; positions: UintArray } {
  if (!postings.posStart || !postings.positions) throw new Error('segment positions are not loaded');
  return { posStart: postings.posStart, positions: postings.positions };
}

/** An immutable batch of indexed documents: the unit that is built, merged and persisted. */
export interface Segment {
  docIds: string[];
  /** Two 32-bit content hashes per doc, to tell whether the project still holds the same text. */
  hashes: Uint32Array;
  /** Per field, the number of terms each doc has after lunr's pipeline (lunr's field length). */
  fieldLengths: UintArray[];
  /** Sorted by UTF-16 code unit, the order of `<`, so lookups are binary searches. */
  terms: string[];
  fields: FieldPostings[];
}

/** What a segment is built from: the id, content hash and text of each indexed field. */
export interface IndexInput {
  id: string;
  hash: [number, number];
  fields: string[];
}

class GrowableU32 {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

const POSITION_SPAN = 2 ** 32;

/**
 * Lowercased token to term ids, looked up by the token's characters in place: hashing a slice of
 * the text avoids making a string per token (a Map lookup per token was most of indexing time),
 * and only a token seen for the first time is cut out and run through lunr's pipeline.
 */
class TokenTable {
  private slots = new Int32Array(1 << 16).fill(-1);
  private readonly tokens: string[] = [];
  private readonly hashes: number[] = [];
  private readonly termIds: Array<readonly number[]> = [];

  constructor(private readonly analyse: (token: string) => readonly number[]) {}

  ids(text: string, start: number, end: number): readonly number[] {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry < 0) break;
      const token = this.tokens[entry]!;
      if (this.hashes[entry] === hash && token.length === length && text.startsWith(token, start)) return this.termIds[entry]!;
    }
    const token = text.slice(start, end);
    const ids = this.analyse(token);
    this.tokens.push(token);
    this.hashes.push(hash);
    this.termIds.push(ids);
    if (this.tokens.length * 2 > this.slots.length) this.grow();
    else this.place(this.tokens.length - 1);
    return ids;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[entry]! & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let entry = 0; entry < this.tokens.length; entry++) this.place(entry);
  }
}

export function buildSegment(inputs: readonly IndexInput[], analyzer: Analyzer): Segment {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const fieldCount = FIELDS.length;
  const raw = FIELDS.map(() => ({ term: new GrowableU32(), doc: new GrowableU32(), tf: new GrowableU32(), pos: new GrowableU32() }));
  const fieldLengths = FIELDS.map(() => new Uint32Array(inputs.length));
  let keys = new Float64Array(4096);
  const hashes = new Uint32Array(inputs.length * 2);

  const tokens = new TokenTable((token) =>
    analyzer.indexTerms(token).map((term) => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        terms.push(term);
        termIds.set(term, id);
      }
      return id;
    }),
  );

  inputs.forEach((input, doc) => {
    hashes[doc * 2] = input.hash[0];
    hashes[doc * 2 + 1] = input.hash[1];
    for (let f = 0; f < fieldCount; f++) {
      let count = 0;
      analyzer.tokenizeInPlace(input.fields[f] ?? '', (lower, start, end, index) => {
        for (const id of tokens.ids(lower, start, end)) {
          if (count === keys.length) {
            const grown = new Float64Array(keys.length * 2);
            grown.set(keys);
            keys = grown;
          }
          // One sortable number per occurrence: grouped by term, positions ascending within a term.
          keys[count++] = id * POSITION_SPAN + index;
        }
      });
      fieldLengths[f]![doc] = count;
      const sorted = keys.subarray(0, count).sort();
      const out = raw[f]!;
      let i = 0;
      while (i < count) {
        const term = Math.floor(sorted[i]! / POSITION_SPAN);
        let j = i;
        while (j < count && Math.floor(sorted[j]! / POSITION_SPAN) === term) {
          out.pos.push(sorted[j]! - term * POSITION_SPAN);
          j++;
        }
        out.term.push(term);
        out.doc.push(doc);
        out.tf.push(j - i);
        i = j;
      }
    }
  });

  const order = terms.map((_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
  const rank = new Uint32Array(terms.length);
  order.forEach((oldId, newId) => (rank[oldId] = newId));
  const fields = raw.map((r) => toCsr(terms.length, r.term.view(), r.doc.view(), r.tf.view(), r.pos.view(), rank));
  return { docIds: inputs.map((i) => i.id), hashes, fieldLengths, terms: order.map((i) => terms[i]!), fields };
}

export function positionStarts(tfs: UintArray): Uint32Array {
  const starts = new Uint32Array(tfs.length + 1);
  for (let p = 0; p < tfs.length; p++) starts[p + 1] = starts[p]! + tfs[p]!;
  return starts;
}

/** Groups postings (in doc order) by term with a stable counting sort. */
function toCsr(
  termCount: number,
  termOf: Uint32Array,
  docOf: Uint32Array,
  tfOf: Uint32Array,
  positionsInOrder: Uint32Array,
  rank: Uint32Array,
): FieldPostings {
  const n = termOf.length;
  const termStart = new Uint32Array(termCount + 1);
  for (let p = 0; p < n; p++) termStart[rank[termOf[p]!]! + 1]!++;
  for (let t = 0; t < termCount; t++) termStart[t + 1]! += termStart[t]!;
  const cursor = termStart.slice(0, termCount);
  const target = new Uint32Array(n);
  for (let p = 0; p < n; p++) target[p] = cursor[rank[termOf[p]!]!]!++;
  const docs = new Uint32Array(n);
  const tfs = new Uint32Array(n);
  for (let p = 0; p < n; p++) {
    docs[target[p]!] = docOf[p]!;
    tfs[target[p]!] = tfOf[p]!;
  }
  const posStart = positionStarts(tfs);
  const positions = new Uint32Array(positionsInOrder.length);
  let source = 0;
  for (let p = 0; p < n; p++) {
    const tf = tfOf[p]!;
    positions.set(positionsInOrder.subarray(source, source + tf), posStart[target[p]!]!);
    source += tf;
  }
  return { termStart, docs, tfs, posStart, positions };
}

/** Index of term in sorted terms, or -1. */
export function findTerm(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = terms[mid]!;
    if (value === term) return mid;
    if (value < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** First index whose term is >= prefix. */
export function lowerBound(terms: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Merges segments in order into one, leaving out dead docs (dead[s][doc] !== 0). Terms are merged
 * with a k-way merge of the sorted dictionaries, so postings are written out sequentially.
 */
export function mergeSegments(segments: readonly Segment[], dead: readonly (Uint8Array | null)[]): Segment {
  const renumber: Int32Array[] = [];
  const docIds: string[] = [];
  const hashParts: number[] = [];
  let next = 0;
  segments.forEach((segment, s) => {
    const map = new Int32Array(segment.docIds.length).fill(-1);
    const gone = dead[s];
    segment.docIds.forEach((id, d) => {
      if (gone && gone[d]) return;
      map[d] = next++;
      docIds.push(id);
      hashParts.push(segment.hashes[d * 2]!, segment.hashes[d * 2 + 1]!);
    });
    renumber.push(map);
  });
  const fieldLengths = FIELDS.map((_, f) => {
    const lengths = new Uint32Array(next);
    segments.forEach((segment, s) => {
      const map = renumber[s]!;
      segment.fieldLengths[f]!.forEach((length, d) => {
        if (map[d]! >= 0) lengths[map[d]!] = length;
      });
    });
    return lengths;
  });

  const capacity = FIELDS.map((_, f) => segments.reduce((sum, seg) => sum + seg.fields[f]!.docs.length, 0));
  const positionCapacity = FIELDS.map((_, f) => segments.reduce((sum, seg) => sum + loadedPositions(seg.fields[f]!).positions.length, 0));
  const out = FIELDS.map((_, f) => ({
    termStart: [0] as number[],
    docs: new Uint32Array(capacity[f]!),
    tfs: new Uint32Array(capacity[f]!),
    positions: new Uint32Array(positionCapacity[f]!),
    postings: 0,
    positionCount: 0,
  }));

  const terms: string[] = [];
  const heads = segments.map(() => 0);
  const heap = new TermHeap(segments, heads);
  while (heap.size > 0) {
    const term = segments[heap.peek()]!.terms[heads[heap.peek()]!]!;
    const holders: number[] = [];
    while (heap.size > 0 && segments[heap.peek()]!.terms[heads[heap.peek()]!] === term) holders.push(heap.pop());
    holders.sort((a, b) => a - b);
    let written = 0;
    for (let f = 0; f < FIELDS.length; f++) {
      const o = out[f]!;
      for (const s of holders) {
        const postings = segments[s]!.fields[f]!;
        const { posStart, positions } = loadedPositions(postings);
        const map = renumber[s]!;
        const t = heads[s]!;
        for (let p = postings.termStart[t]!; p < postings.termStart[t + 1]!; p++) {
          const doc = map[postings.docs[p]!]!;
          if (doc < 0) continue;
          o.docs[o.postings] = doc;
          o.tfs[o.postings++] = postings.tfs[p]!;
          o.positions.set(positions.subarray(posStart[p]!, posStart[p + 1]!), o.positionCount);
          o.positionCount += postings.tfs[p]!;
          written++;
        }
      }
    }
    // A term whose every posting belonged to dead docs is dropped, as a fresh build would.
    if (written > 0) {
      terms.push(term);
      for (const o of out) o.termStart.push(o.postings);
    }
    for (const s of holders) {
      heads[s]!++;
      if (heads[s]! < segments[s]!.terms.length) heap.push(s);
    }
  }

  const fields = out.map((o) => {
    const tfs = o.tfs.slice(0, o.postings);
    return {
      termStart: Uint32Array.from(o.termStart),
      docs: o.docs.slice(0, o.postings),
      tfs,
      posStart: positionStarts(tfs),
      positions: o.positions.slice(0, o.positionCount),
    };
  });
  return { docIds, hashes: Uint32Array.from(hashParts), fieldLengths, terms, fields };
}

/** Min-heap of segment numbers keyed by each segment's current term. */
class TermHeap {
  private readonly items: number[] = [];
  constructor(
    private readonly segments: readonly Segment[],
    private readonly heads: number[],
  ) {
    segments.forEach((segment, s) => {
      if (segment.terms.length > 0) this.push(s);
    });
  }
  get size(): number {
    return this.items.length;
  }
  peek(): number {
    return this.items[0]!;
  }
  private less(a: number, b: number): boolean {
    const ta = this.segments[a]!.terms[this.heads[a]!]!;
    const tb = this.segments[b]!.terms[this.heads[b]!]!;
    return ta < tb || (ta === tb && a < b);
  }
  push(s: number): void {
    const items = this.items;
    items.push(s);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}
