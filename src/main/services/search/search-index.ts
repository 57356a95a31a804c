import lunr from 'lunr';
import { FIELDS, TEXT_FIELD } from './analyzer';
import type { PhraseClause, QueryPlan, TermClause } from './query-plan';
import type { Segment } from './segment';
import { findTerm, lowerBound } from './segment';
import type { SearchDoc, SearchFilter } from './types';

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
}

export interface RankedDoc {
  doc: SearchDoc;
  score: number;
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
  private readonly docs: Array<SearchDoc | undefined> = [];
  private readonly ids = new Map<string, number>();
  private readonly fieldTotals = FIELDS.map(() => 0);
  private normAverages: number[] = [];
  /** Document frequencies of the query being ranked: each term's is needed two or three times. */
  private dfCache = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  get capacity(): number {
    return this.docs.length;
  }

  doc(id: string): SearchDoc | undefined {
    const global = this.ids.get(id);
    return global === undefined ? undefined : this.docs[global];
  }

  /** Adds a segment; `docs` gives each local doc's content (undefined until attached). Refuses a doc id that is already live. */
  addSegment(segment: Segment, rowId: number | null, dead: Uint8Array | null, docs?: readonly (SearchDoc | undefined)[]): LiveSegment {
    const base = this.docs.length;
    const n = segment.docIds.length;
    const live: LiveSegment = { segment, rowId, dead: dead ?? new Uint8Array(n), deadCount: 0, base, norms: [] };
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
  attach(doc: SearchDoc, hash: [number, number]): 'same' | 'changed' | 'unknown' {
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
    for (const live of this.segments) {
      const t = findTerm(live.segment.terms, term);
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
    if (!clause.expand) return this.segments.some((s) => findTerm(s.segment.terms, term) >= 0) ? [term] : [];
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

  /** Calls visit(global, tf, field, postings index, live segment) for every live posting of term in the fields. */
  private forPostings(term: string, fields: readonly number[], visit: (global: number, tf: number, field: number, p: number, live: LiveSegment) => void): void {
    for (const live of this.segments) {
      const t = findTerm(live.segment.terms, term);
      if (t < 0) continue;
      for (const f of fields) {
        const postings = live.segment.fields[f]!;
        for (let p = postings.termStart[t]!; p < postings.termStart[t + 1]!; p++) {
          const local = postings.docs[p]!;
          if (live.deadCount > 0 && live.dead[local]) continue;
          visit(live.base + local, postings.tfs[p]!, f, p, live);
        }
      }
    }
  }

  /** Global numbers of docs in which the phrase occurs in one of its fields. */
  private phraseMatches(phrase: PhraseClause): number[] {
    const matches: number[] = [];
    const seen = new Set<number>();
    for (const live of this.segments) {
      const { segment } = live;
      const ids = phrase.words.map((w) => findTerm(segment.terms, w.term));
      if (ids.some((t) => t < 0)) continue;
      for (const f of phrase.fields) {
        const postings = segment.fields[f]!;
        const span = (t: number): [number, number] => [postings.termStart[t]!, postings.termStart[t + 1]!];
        let rarest = 0;
        ids.forEach((t, j) => {
          const [a, b] = span(t);
          const [ra, rb] = span(ids[rarest]!);
          if (b - a < rb - ra) rarest = j;
        });
        const [from, to] = span(ids[rarest]!);
        for (let p = from; p < to; p++) {
          const local = postings.docs[p]!;
          if ((live.deadCount > 0 && live.dead[local]) || seen.has(live.base + local)) continue;
          const others = ids.map((t) => {
            const [a, b] = span(t);
            const at = lowerBoundU32(postings.docs, local, a, b);
            return at < b && postings.docs[at] === local ? at : -1;
          });
          if (others.some((q) => q < 0)) continue;
          const anchor = phrase.words[rarest]!.offset;
          const occurs = [...postings.positions.subarray(postings.posStart[p]!, postings.posStart[p + 1]!)].some((x) =>
            phrase.words.every((w, j) => {
              const q = others[j]!;
              const want = x - anchor + w.offset;
              const lo = postings.posStart[q]!;
              const hi = postings.posStart[q + 1]!;
              const at = lowerBoundU32(postings.positions, want, lo, hi);
              return at < hi && postings.positions[at] === want;
            }),
          );
          if (occurs) {
            seen.add(live.base + local);
            matches.push(live.base + local);
          }
        }
      }
    }
    return matches;
  }

  /** Ranks live docs for a plan as lunr.Index.query would, keeping the top offset + limit. */
  rank(plan: QueryPlan, keep: number, filter: SearchFilter | undefined): Ranking {
    const empty: Ranking = { total: 0, top: [], textTerms: new Set(), textPhrases: [] };
    const n = this.ids.size;
    if (n === 0 || (plan.clauses.length === 0 && plan.phrases.length === 0)) return empty;
    this.refreshNorms();
    this.dfCache = new Map();
    const capacity = this.docs.length;

    const queryVectors = FIELDS.map(() => new Map<string, number>());
    const required: Array<{ terms: string[]; fields: number[] } | PhraseClause> = [];
    const prohibited: Array<{ terms: string[]; fields: number[] } | PhraseClause> = [];
    const textTerms = new Set<string>();
    for (const clause of plan.clauses) {
      if (clause.presence === 'required' && clause.terms.length === 0) return empty;
      const expanded: string[] = [];
      for (const term of clause.terms) {
        const terms = this.expand(term, clause).filter((t) => this.documentFrequency(t) > 0);
        if (terms.length === 0 && clause.presence === 'required') return empty;
        expanded.push(...terms);
      }
      if (clause.presence === 'prohibited') {
        prohibited.push({ terms: expanded, fields: clause.fields });
        continue;
      }
      if (clause.presence === 'required') required.push({ terms: expanded, fields: clause.fields });
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

    const scores = new Float64Array(capacity);
    const matched = new Uint8Array(capacity);
    const touched: number[] = [];
    // lunr's Query.isNegated: with only exclusions, every other doc matches (with score 0).
    const negated = plan.clauses.every((c) => c.presence === 'prohibited') && plan.phrases.every((p) => p.presence === 'prohibited');
    queryVectors.forEach((vector, f) => {
      let magnitude = 0;
      for (const boost of vector.values()) magnitude += boost * boost;
      magnitude = Math.sqrt(magnitude);
      for (const [term, boost] of vector) {
        const df = this.documentFrequency(term);
        const idf = Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
        const weight = boost / magnitude;
        this.forPostings(term, [f], (global, tf, field, _p, live) => {
          const bm25 = (idf * ((K1 + 1) * tf)) / (live.norms[field]![global - live.base]! + tf);
          scores[global]! += (weight * Math.round(bm25 * 1000)) / 1000;
          if (!matched[global]) {
            matched[global] = 1;
            touched.push(global);
          }
        });
      }
    });

    // 0 = no constraint failed; a doc must satisfy every required clause and no prohibited one.
    const requiredHits = new Uint16Array(capacity);
    required.forEach((clause) => {
      const hits = 'words' in clause ? this.phraseMatches(clause) : this.clauseDocs(clause);
      for (const global of hits) requiredHits[global]!++;
    });
    const excluded = new Uint8Array(capacity);
    for (const clause of prohibited) for (const global of 'words' in clause ? this.phraseMatches(clause) : this.clauseDocs(clause)) excluded[global] = 1;

    const kinds = filter?.kinds ? new Set(filter.kinds) : null;
    const sources = filter?.sourceIds ? new Set(filter.sourceIds) : null;
    const heap = new TopK(Math.max(keep, 0));
    let total = 0;
    const candidates = negated ? [...this.ids.values()] : touched;
    for (const global of candidates) {
      if (requiredHits[global] !== required.length || excluded[global]) continue;
      const doc = this.docs[global];
      if (!doc) continue;
      if (kinds && !kinds.has(doc.kind)) continue;
      if (sources && (doc.sourceId === null || !sources.has(doc.sourceId))) continue;
      if (filter?.allow && !filter.allow(doc.id)) continue;
      total++;
      heap.offer(global, scores[global]!);
    }
    return {
      total,
      top: heap.sorted().map(({ global, score }) => ({ doc: this.docs[global]!, score })),
      textTerms,
      textPhrases: plan.phrases.filter((p) => p.presence === 'required' && p.fields.includes(TEXT_FIELD)),
    };
  }

  /** Distinct docs holding any of the terms in any of the fields. */
  private clauseDocs(clause: { terms: string[]; fields: number[] }): Set<number> {
    const docs = new Set<number>();
    for (const term of clause.terms) this.forPostings(term, clause.fields, (global) => docs.add(global));
    return docs;
  }
}

function lowerBoundU32(values: Uint32Array, target: number, from: number, to: number): number {
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
