import lunr from 'lunr';
import { FIELDS, TEXT_FIELD } from './analyzer';
import type { PhraseClause, QueryPlan, TermClause } from './query-plan';
import type { Segment } from './segment';
import { findTerm, loadedPositions, lowerBound, type UintArray } from './segment';
import type { IndexedDoc } from './documents';
import type { SearchFilter } from './types';

// lunr's BM25 parameters (lunr.Builder's defaults).
const K1 = 1.2;
const B = 0.75;

export interface LiveSegment {
  segment: Segment;
  /** Its row in search_segments, null until saved. */
  rowId: number | null;
  /** 1 for each local doc removed or replaced since the segment was built. */
  dead: Uint8Array;
  deadCount: number;
  /** The global number of the segment's first doc: segments share one doc address space. */
  base: number;
  /** Per field, lunr's BM25 length normalisation k1 * (1 - b + b * length / average). */
  norms: Float64Array[];
  /** Reads the segment's positions from disk, for a segment loaded without them. */
  loadPositions: (() => void) | null;
}

export interface RankedDoc {
  doc: IndexedDoc;
  score: number;
  /** The doc's number in this index, to look up its match positions. */
  global: number;
}

export interface Ranking {
  total: number;
  top: RankedDoc[];
  /** The query's terms and phrases that can match in the text field, for highlighting. */
  textTerms: Set<string>;
  textPhrases: PhraseClause[];
}

type TokenSetNode = { edges: Record<string, TokenSetNode>; final: boolean };
// lunr.TokenSet.fromClause exists at run time; @types/lunr leaves it out.
// It takes the clause as lunr's parser leaves it: editDistance present only for fuzzy terms.
const tokenSetFromClause = (lunr.TokenSet as unknown as { fromClause(clause: { term: string; editDistance?: number }): TokenSetNode }).fromClause;

/** Whether lunr's TokenSet for a wildcard or fuzzy clause accepts a term: lunr's intersect, for one word. */
function accepts(root: TokenSetNode, term: string): boolean {
  let states: TokenSetNode[] = [root];
  for (let i = 0; i < term.length; i++) {
    const ch = term[i]!;
    const next: TokenSetNode[] = [];
    for (const state of states) {
      const exact = state.edges[ch];
      if (exact && !next.includes(exact)) next.push(exact);
      const any = state.edges['*'];
      if (any && !next.includes(any)) next.push(any);
    }
    if (next.length === 0) return false;
    states = next;
  }
  return states.some((s) => s.final);
}

/**
 * The searchable state: immutable segments with tombstones, the docs they hold, and query
 * evaluation with lunr's semantics and BM25 scoring over the segments' typed-array postings.
 * Statistics (doc count, average field lengths, document frequencies) are global across
 * segments, so scores equal those of one lunr index built over the same live docs.
 */
export class SearchIndex {
  readonly segments: LiveSegment[] = [];
  private readonly docs: Array<IndexedDoc | undefined> = [];
  private readonly ids = new Map<string, number>();
  private readonly fieldTotals = FIELDS.map(() => 0);
  private normAverages: number[] = [];
  /** Document frequencies of the query being ranked: each term's is needed two or three times. */
  private dfCache = new Map<string, number>();
  /** Each term's number in each segment's dictionary (-1 where absent), for the query being ranked and its hits. */
  private termIdCache = new Map<string, Int32Array>();

  private termIds(term: string): Int32Array {
    let ids = this.termIdCache.get(term);
    if (ids === undefined) {
      ids = Int32Array.from(this.segments, (live) => findTerm(live.segment.terms, term));
      this.termIdCache.set(term, ids);
    }
    return ids;
  }

  get size(): number {
    return this.ids.size;
  }

  get capacity(): number {
    return this.docs.length;
  }

  doc(id: string): IndexedDoc | undefined {
    const global = this.ids.get(id);
    return global === undefined ? undefined : this.docs[global];
  }

  /** Adds a segment; `docs` gives each local doc's content (undefined until attached). Refuses a doc id that is already live. */
  addSegment(
    segment: Segment,
    rowId: number | null,
    dead: Uint8Array | null,
    docs?: readonly (IndexedDoc | undefined)[],
    loadPositions: (() => void) | null = null,
  ): LiveSegment {
    const base = this.docs.length;
    const n = segment.docIds.length;
    const live: LiveSegment = { segment, rowId, dead: dead ?? new Uint8Array(n), deadCount: 0, base, norms: [], loadPositions };
    for (let d = 0; d < n; d++) {
      this.docs.push(docs?.[d]);
      if (live.dead[d]) {
        live.deadCount++;
        continue;
      }
      const id = segment.docIds[d]!;
      if (this.ids.has(id)) throw new Error(`doc ${id} is live in two segments`);
      this.ids.set(id, base + d);
      FIELDS.forEach((_, f) => (this.fieldTotals[f]! += segment.fieldLengths[f]![d]!));
    }
    this.segments.push(live);
    this.normAverages = [];
    return live;
  }

  /**
   * Puts `segment` in the place of the segments from `first` on, whose live docs it holds in
   * their order (as mergeSegments makes it). The segments before keep their doc numbers, and
   * the merged docs keep their content and lengths, so this costs the merged docs' numbering only.
   */
  replaceTail(first: number, segment: Segment): LiveSegment {
    const merged = this.segments.splice(first);
    const base = merged[0]?.base ?? this.docs.length;
    // Live docs move down over the dead ones, in place; only those that move are renumbered.
    let next = base;
    for (const live of merged) {
      for (let d = 0; d < live.segment.docIds.length; d++) {
        if (live.dead[d]) continue;
        const global = live.base + d;
        if (global !== next) {
          this.docs[next] = this.docs[global];
          this.ids.set(live.segment.docIds[d]!, next);
        }
        next++;
      }
    }
    if (next - base !== segment.docIds.length) throw new Error(`a merge of ${next - base} live docs holds ${segment.docIds.length}`);
    this.docs.length = next;
    const live: LiveSegment = { segment, rowId: null, dead: new Uint8Array(next - base), deadCount: 0, base, norms: [], loadPositions: null };
    this.segments.push(live);
    this.normAverages = [];
    return live;
  }

  private locate(global: number): { live: LiveSegment; local: number } {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid]!.base <= global) lo = mid;
      else hi = mid - 1;
    }
    const live = this.segments[lo]!;
    return { live, local: global - live.base };
  }

  /** Gives a loaded doc its content; reports whether the index holds this doc with this content. */
  attach(doc: IndexedDoc, hash: [number, number]): 'same' | 'changed' | 'unknown' {
    const global = this.ids.get(doc.id);
    if (global === undefined) return 'unknown';
    const { live, local } = this.locate(global);
    if (live.segment.hashes[local * 2] !== hash[0] || live.segment.hashes[local * 2 + 1] !== hash[1]) return 'changed';
    this.docs[global] = doc;
    return 'same';
  }

  /** Ids that are live but were never attached: in the index, no longer in the project. */
  unattached(): string[] {
    return [...this.ids].filter(([, global]) => this.docs[global] === undefined).map(([id]) => id);
  }

  /** Marks a doc dead; returns its segment, or null when it was not indexed. */
  remove(id: string): LiveSegment | null {
    const global = this.ids.get(id);
    if (global === undefined) return null;
    const { live, local } = this.locate(global);
    live.dead[local] = 1;
    live.deadCount++;
    this.ids.delete(id);
    this.docs[global] = undefined;
    FIELDS.forEach((_, f) => (this.fieldTotals[f]! -= live.segment.fieldLengths[f]![local]!));
    this.normAverages = [];
    return live;
  }

  /** Makes sure every segment has its positions (read lazily: only phrases and merges need them). */
  ensurePositions(): void {
    for (const live of this.segments) {
      if (live.segment.fields.every((f) => f.positions !== null)) continue;
      live.loadPositions?.();
    }
  }

  /** Whether matchRanges can answer for this doc without reading positions from disk. */
  hasPositions(global: number): boolean {
    return this.locate(global).live.segment.fields[TEXT_FIELD]!.positions !== null;
  }

  /**
   * Token index ranges, in the text field of a doc ranked by the last rank() call, of each
   * matched term (from the postings rank() noted for it) and of each occurrence of a matched
   * phrase (first word to last).
   */
  matchRanges(global: number, phrases: readonly PhraseClause[]): Array<[number, number]> {
    const { live, local } = this.locate(global);
    const segmentNumber = this.segments.indexOf(live);
    const postings = live.segment.fields[TEXT_FIELD]!;
    const { posStart, positions } = loadedPositions(postings);
    const ranges: Array<[number, number]> = [];
    const { matchHead, matchNext, matchPosting } = this.scratch;
    for (let e = matchHead[global]!; e >= 0; e = matchNext[e]!) {
      const p = matchPosting[e]!;
      for (let x = posStart[p]!; x < posStart[p + 1]!; x++) ranges.push([positions[x]!, positions[x]!]);
    }
    const positionsOf = (term: string): UintArray | null => {
      const t = this.termIds(term)[segmentNumber]!;
      if (t < 0) return null;
      const to = postings.termStart[t + 1]!;
      const p = lowerBoundU32(postings.docs, local, postings.termStart[t]!, to);
      return p < to && postings.docs[p] === local ? positions.subarray(posStart[p]!, posStart[p + 1]!) : null;
    };
    for (const phrase of phrases) {
      const lists = phrase.words.map((w) => positionsOf(w.term));
      if (lists.some((l) => l === null)) continue;
      const first = Math.min(...phrase.words.map((w) => w.offset));
      const last = Math.max(...phrase.words.map((w) => w.offset));
      const [anchorWord] = phrase.words;
      for (const x of lists[0]!) {
        const origin = x - anchorWord!.offset;
        const fits = phrase.words.every((w, j) => {
          const list = lists[j]!;
          const at = lowerBoundU32(list, origin + w.offset, 0, list.length);
          return list[at] === origin + w.offset;
        });
        if (fits) ranges.push([origin + first, origin + last]);
      }
    }
    return ranges;
  }

  private refreshNorms(): void {
    const n = this.ids.size;
    const averages = this.fieldTotals.map((total) => (n > 0 ? total / n : 0));
    const stale = this.segments.some((s) => s.norms.length === 0) || averages.some((a, f) => a !== this.normAverages[f]);
    if (!stale) return;
    this.normAverages = averages;
    for (const live of this.segments) {
      live.norms = FIELDS.map((_, f) => {
        const lengths = live.segment.fieldLengths[f]!;
        const norms = new Float64Array(lengths.length);
        const average = averages[f]!;
        for (let d = 0; d < lengths.length; d++) norms[d] = K1 * (1 - B + B * (average > 0 ? lengths[d]! / average : 0));
        return norms;
      });
    }
  }

  /** Live docs whose fields contain term: lunr's idf counts a doc once per field. */
  private documentFrequency(term: string): number {
    const cached = this.dfCache.get(term);
    if (cached !== undefined) return cached;
    let df = 0;
    const ids = this.termIds(term);
    for (const [s, live] of this.segments.entries()) {
      const t = ids[s]!;
      if (t < 0) continue;
      for (const postings of live.segment.fields) {
        const from = postings.termStart[t]!;
        const to = postings.termStart[t + 1]!;
        if (live.deadCount === 0) df += to - from;
        else for (let p = from; p < to; p++) if (!live.dead[postings.docs[p]!]) df++;
      }
    }
    this.dfCache.set(term, df);
    return df;
  }

  /** Terms of the dictionary a clause term stands for, as lunr's TokenSet intersection finds them. */
  private expand(term: string, clause: TermClause): string[] {
    if (!clause.expand || (clause.editDistance === 0 && !term.includes('*'))) return this.termIds(term).some((t) => t >= 0) ? [term] : [];
    const found = new Set<string>();
    const star = term.indexOf('*');
    if (clause.editDistance === 0 && star === term.length - 1) {
      const prefix = term.slice(0, -1);
      for (const live of this.segments) {
        const terms = live.segment.terms;
        for (let t = lowerBound(terms, prefix); t < terms.length && terms[t]!.startsWith(prefix); t++) found.add(terms[t]!);
      }
      return [...found];
    }
    const tokenSet = tokenSetFromClause(clause.editDistance > 0 ? { term, editDistance: clause.editDistance } : { term });
    for (const live of this.segments) for (const t of live.segment.terms) if (!found.has(t) && accepts(tokenSet, t)) found.add(t);
    return [...found];
  }

  /** Calls visit(global) once per live doc holding any of the terms in any of the fields. */
  private forDocs(terms: readonly string[], fields: readonly number[], visit: (global: number) => void): void {
    const stamp = this.nextStamp();
    const visited = this.scratch.visited;
    for (const [s, live] of this.segments.entries()) {
      const dead = live.deadCount > 0 ? live.dead : null;
      for (const term of terms) {
        const t = this.termIds(term)[s]!;
        if (t < 0) continue;
        for (const f of fields) {
          const { termStart, docs } = live.segment.fields[f]!;
          for (let p = termStart[t]!, end = termStart[t + 1]!; p < end; p++) {
            const local = docs[p]!;
            if (dead !== null && dead[local]) continue;
            const global = live.base + local;
            if (visited[global] === stamp) continue;
            visited[global] = stamp;
            visit(global);
          }
        }
      }
    }
  }

  /** Calls visit(global) for each live doc in which the phrase occurs in one of its fields. */
  private forPhraseDocs(phrase: PhraseClause, visit: (global: number) => void): void {
    const stamp = this.nextStamp();
    const visited = this.scratch.visited;
    const words = phrase.words;
    for (const live of this.segments) {
      const { segment } = live;
      const ids = words.map((w) => findTerm(segment.terms, w.term));
      if (ids.some((t) => t < 0)) continue;
      for (const f of phrase.fields) {
        const { termStart, docs } = segment.fields[f]!;
        const { posStart, positions } = loadedPositions(segment.fields[f]!);
        // Walk the rarest word's postings and look the others up by binary search.
        let rarest = 0;
        ids.forEach((t, j) => {
          if (termStart[t + 1]! - termStart[t]! < termStart[ids[rarest]! + 1]! - termStart[ids[rarest]!]!) rarest = j;
        });
        const anchor = words[rarest]!.offset;
        const at = new Int32Array(words.length);
        for (let p = termStart[ids[rarest]!]!, end = termStart[ids[rarest]! + 1]!; p < end; p++) {
          const local = docs[p]!;
          const global = live.base + local;
          if ((live.deadCount > 0 && live.dead[local]) || visited[global] === stamp) continue;
          let present = true;
          for (let j = 0; j < words.length && present; j++) {
            const from = termStart[ids[j]!]!;
            const to = termStart[ids[j]! + 1]!;
            const q = lowerBoundU32(docs, local, from, to);
            present = q < to && docs[q] === local;
            at[j] = q;
          }
          if (!present) continue;
          let occurs = false;
          for (let x = posStart[p]!; x < posStart[p + 1]! && !occurs; x++) {
            const first = positions[x]! - anchor;
            occurs = words.every((w, j) => {
              const want = first + w.offset;
              const lo = posStart[at[j]!]!;
              const hi = posStart[at[j]! + 1]!;
              const found = lowerBoundU32(positions, want, lo, hi);
              return found < hi && positions[found] === want;
            });
          }
          if (occurs) {
            visited[global] = stamp;
            visit(global);
          }
        }
      }
    }
  }

  /**
   * Per-doc working arrays reused across queries. Instead of clearing them, each query (and each
   * clause) takes a new stamp, and an entry counts only when it carries the current one.
   */
  private scratch = {
    size: 0,
    visited: new Uint32Array(0),
    touched: new Uint32Array(0),
    scores: new Float64Array(0),
    required: new Uint16Array(0),
    excluded: new Uint32Array(0),
    // The text-field postings each touched doc matched, as linked lists, so that hits are
    // highlighted from positions without looking every query term up again.
    matchHead: new Int32Array(0),
    matchNext: new Int32Array(1024),
    matchPosting: new Uint32Array(1024),
  };
  private stamp = 0;

  private nextStamp(): number {
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.stamp = 1;
      this.scratch.visited.fill(0);
      this.scratch.touched.fill(0);
      this.scratch.excluded.fill(0);
    }
    return this.stamp;
  }

  private growMatches(): void {
    const next = new Int32Array(this.scratch.matchNext.length * 2);
    next.set(this.scratch.matchNext);
    const posting = new Uint32Array(next.length);
    posting.set(this.scratch.matchPosting);
    this.scratch.matchNext = next;
    this.scratch.matchPosting = posting;
  }

  private ensureScratch(): void {
    const size = this.docs.length;
    if (this.scratch.size >= size) return;
    const grown = Math.max(size, Math.ceil(this.scratch.size * 1.5));
    this.scratch = {
      size: grown,
      visited: new Uint32Array(grown),
      touched: new Uint32Array(grown),
      scores: new Float64Array(grown),
      required: new Uint16Array(grown),
      excluded: new Uint32Array(grown),
      matchHead: new Int32Array(grown),
      matchNext: this.scratch.matchNext,
      matchPosting: this.scratch.matchPosting,
    };
    this.stamp = 0;
  }

  /** Ranks live docs for a plan as lunr.Index.query would, keeping the top offset + limit. */
  rank(plan: QueryPlan, keep: number, filter: SearchFilter | undefined): Ranking {
    const empty: Ranking = { total: 0, top: [], textTerms: new Set(), textPhrases: [] };
    const n = this.ids.size;
    if (n === 0 || (plan.clauses.length === 0 && plan.phrases.length === 0)) return empty;
    this.refreshNorms();
    this.ensureScratch();
    if (plan.phrases.length > 0) this.ensurePositions();
    this.dfCache = new Map();
    this.termIdCache = new Map();

    const queryVectors = FIELDS.map(() => new Map<string, number>());
    const required: Array<{ terms: string[]; fields: number[] } | PhraseClause> = [];
    const prohibited: Array<{ terms: string[]; fields: number[] } | PhraseClause> = [];
    const textTerms = new Set<string>();
    for (const clause of plan.clauses) {
      if (clause.presence === 'required' && clause.terms.length === 0) return empty;
      // A set: a prefix's expansion and the stem of the word before the * may name the same term, which counts once.
      const expanded = new Set<string>();
      for (const term of clause.terms) {
        const terms = this.expand(term, clause).filter((t) => this.documentFrequency(t) > 0);
        if (terms.length === 0 && clause.presence === 'required' && !clause.alternatives) return empty;
        for (const t of terms) expanded.add(t);
      }
      if (expanded.size === 0 && clause.presence === 'required') return empty;
      if (clause.presence === 'prohibited') {
        prohibited.push({ terms: [...expanded], fields: clause.fields });
        continue;
      }
      if (clause.presence === 'required') required.push({ terms: [...expanded], fields: clause.fields });
      if (clause.fields.includes(TEXT_FIELD)) for (const term of expanded) textTerms.add(term);
      for (const term of expanded) for (const f of clause.fields) queryVectors[f]!.set(term, (queryVectors[f]!.get(term) ?? 0) + clause.boost);
    }
    for (const phrase of plan.phrases) {
      if (phrase.presence === 'prohibited') {
        prohibited.push(phrase);
        continue;
      }
      required.push(phrase);
      for (const { term } of phrase.words) {
        if (this.documentFrequency(term) === 0) return empty;
        for (const f of phrase.fields) queryVectors[f]!.set(term, (queryVectors[f]!.get(term) ?? 0) + 1);
      }
    }

    const { scores, touched, required: requiredHits, excluded, matchHead } = this.scratch;
    const queryStamp = this.nextStamp();
    const candidates: number[] = [];
    let entries = 0;
    queryVectors.forEach((vector, f) => {
      let magnitude = 0;
      for (const boost of vector.values()) magnitude += boost * boost;
      magnitude = Math.sqrt(magnitude);
      for (const [term, boost] of vector) {
        const df = this.documentFrequency(term);
        const idf = Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
        const weight = boost / magnitude;
        const noteMatches = f === TEXT_FIELD && textTerms.has(term);
        const ids = this.termIds(term);
        for (const [s, live] of this.segments.entries()) {
          const t = ids[s]!;
          if (t < 0) continue;
          const { termStart, docs, tfs } = live.segment.fields[f]!;
          const norms = live.norms[f]!;
          const dead = live.deadCount > 0 ? live.dead : null;
          for (let p = termStart[t]!, end = termStart[t + 1]!; p < end; p++) {
            const local = docs[p]!;
            if (dead !== null && dead[local]) continue;
            const tf = tfs[p]!;
            // lunr's BM25 weight, rounded to three decimals as lunr stores it.
            const bm25 = Math.round(((idf * ((K1 + 1) * tf)) / (norms[local]! + tf)) * 1000) / 1000;
            const global = live.base + local;
            if (touched[global] !== queryStamp) {
              touched[global] = queryStamp;
              scores[global] = 0;
              requiredHits[global] = 0;
              matchHead[global] = -1;
              candidates.push(global);
            }
            scores[global]! += weight * bm25;
            if (noteMatches) {
              if (entries === this.scratch.matchNext.length) this.growMatches();
              this.scratch.matchPosting[entries] = p;
              this.scratch.matchNext[entries] = matchHead[global]!;
              matchHead[global] = entries++;
            }
          }
        }
      }
    });
    // lunr's Query.isNegated: with only exclusions, every other doc matches (with score 0).
    const negated = plan.clauses.every((c) => c.presence === 'prohibited') && plan.phrases.every((p) => p.presence === 'prohibited');
    if (negated) {
      for (const global of this.ids.values()) {
        touched[global] = queryStamp;
        scores[global] = 0;
        requiredHits[global] = 0;
        matchHead[global] = -1;
        candidates.push(global);
      }
    }

    // A doc must satisfy every required clause and no prohibited one.
    const count = (global: number): void => {
      if (touched[global] === queryStamp) requiredHits[global]!++;
    };
    for (const clause of required) {
      if ('words' in clause) this.forPhraseDocs(clause, count);
      else this.forDocs(clause.terms, clause.fields, count);
    }
    const exclude = (global: number): void => {
      excluded[global] = queryStamp;
    };
    for (const clause of prohibited) {
      if ('words' in clause) this.forPhraseDocs(clause, exclude);
      else this.forDocs(clause.terms, clause.fields, exclude);
    }

    const kinds = filter?.kinds ? new Set(filter.kinds) : null;
    const sources = filter?.sourceIds ? new Set(filter.sourceIds) : null;
    const heap = new TopK(Math.max(keep, 0));
    let total = 0;
    for (const global of candidates) {
      if (requiredHits[global] !== required.length || excluded[global] === queryStamp) continue;
      const doc = this.docs[global];
      if (!doc) continue;
      if (kinds && !kinds.has(doc.kind)) continue;
      if (sources && (doc.sourceId === null || !sources.has(doc.sourceId))) continue;
      if (filter?.allow && !filter.allow(doc.id, doc.sourceId)) continue;
      total++;
      heap.offer(global, scores[global]!);
    }
    return {
      total,
      top: heap.sorted().map(({ global, score }) => ({ doc: this.docs[global]!, score, global })),
      textTerms,
      textPhrases: plan.phrases.filter((p) => p.presence === 'required' && p.fields.includes(TEXT_FIELD)),
    };
  }
}

function lowerBoundU32(values: UintArray, target: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keeps the k best (score desc, then doc order) without sorting every match. */
class TopK {
  private readonly globals: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  /** a ranks below b. */
  private worse(i: number, j: number): boolean {
    const si = this.scores[i]!;
    const sj = this.scores[j]!;
    return si < sj || (si === sj && this.globals[i]! > this.globals[j]!);
  }

  private swap(i: number, j: number): void {
    [this.globals[i], this.globals[j]] = [this.globals[j]!, this.globals[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }

  offer(global: number, score: number): void {
    if (this.k === 0) return;
    if (this.globals.length < this.k) {
      this.globals.push(global);
      this.scores.push(score);
      let i = this.globals.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const rootScore = this.scores[0]!;
    if (score < rootScore || (score === rootScore && global > this.globals[0]!)) return;
    this.globals[0] = global;
    this.scores[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.globals.length && this.worse(l, m)) m = l;
      if (r < this.globals.length && this.worse(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  sorted(): Array<{ global: number; score: number }> {
    return this.globals
      .map((global, i) => ({ global, score: this.scores[i]! }))
      .sort((a, b) => b.score - a.score || a.global - b.global);
  }
}
