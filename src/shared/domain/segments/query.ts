// Retrieved segments: the coding query every QDA tool has. Given the project's codings, a
// Boolean combination of codes picks the coded segments to read side by side; filters keep
// those of some sources, cases, attribute values or speakers. Pure, so the Reduce stage's
// segment list, the Display stage's matrix drill-down and the CLI read one definition.

/** A coding as the query sees it. Offsets are UTF-16 units into its source's text, end exclusive. */
export interface QueryCoding {
  id: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
}

/**
 * Which segments to retrieve:
 * - code: the codings of a code (and of its sub-codes, with `subcodes`);
 * - or: the segments of any operand;
 * - and: the text coded with every operand — where their segments overlap;
 * - not: the segments of `of` that overlap no segment of `without`;
 * - overlap: the segments of `of` that overlap a segment of `with`, each whole;
 * - near: the segments of `of` within `within` characters of a segment of `to` (overlapping counts as near).
 */
export type SegmentQuery =
  | { op: 'code'; codeId: string; subcodes?: boolean }
  | { op: 'or'; of: SegmentQuery[] }
  | { op: 'and'; of: SegmentQuery[] }
  | { op: 'not'; of: SegmentQuery; without: SegmentQuery }
  | { op: 'overlap'; of: SegmentQuery; with: SegmentQuery }
  | { op: 'near'; of: SegmentQuery; to: SegmentQuery; within: number };

/** Limits on where segments come from; each given list must be met (values within a list are alternatives). */
export interface SegmentFilter {
  sourceIds?: string[];
  caseIds?: string[];
  /** name = value pairs; a segment meets them when its source, or a case holding it, has one of the values given for each name. */
  attributes?: Array<{ name: string; value: string }>;
  speakers?: string[];
}

/** What the filters need to know about the project. */
export interface SegmentScope {
  sourceAttributes?: ReadonlyMap<string, Readonly<Record<string, string>>>;
  cases?: ReadonlyArray<{
    id: string;
    attributes: Readonly<Record<string, string>>;
    /** Whole sources (start and end null) or spans of them. */
    members: ReadonlyArray<{ sourceId: string; start: number | null; end: number | null }>;
  }>;
  /** Passages spoken by someone (transcript turns). */
  turns?: ReadonlyArray<{ sourceId: string; start: number; end: number; speaker: string }>;
  /** Sources in the order results are listed; others follow, by id. */
  sourceOrder?: readonly string[];
}

/** One retrieved segment: a coding, or (for `and`) the text where several codings overlap. */
export interface RetrievedSegment {
  sourceId: string;
  start: number;
  end: number;
  /** The codings it is made of, the first operand's first. */
  codingIds: string[];
  codeIds: string[];
}

export interface SegmentStats {
  segments: number;
  sources: number;
  /** Characters covered, overlapping segments counted once. */
  characters: number;
}

type Hit = RetrievedSegment;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const gap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));
const byPlace = (a: Hit, b: Hit) => a.start - b.start || a.end - b.end;
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The codes a query names, each with its sub-codes when asked: which codings to load. */
export function queryCodeIds(query: SegmentQuery, codes: ReadonlyArray<{ id: string; parentId: string | null }>): Set<string> {
  const children = groupBy(
    codes.filter((c) => c.parentId !== null),
    (c) => c.parentId!,
  );
  const ids = new Set<string>();
  const addTree = (id: string) => {
    if (ids.has(id)) return;
    ids.add(id);
    for (const child of children.get(id) ?? []) addTree(child.id);
  };
  const visit = (q: SegmentQuery): void => {
    switch (q.op) {
      case 'code':
        if (q.subcodes) addTree(q.codeId);
        else ids.add(q.codeId);
        return;
      case 'or':
      case 'and':
        return q.of.forEach(visit);
      case 'not':
        visit(q.of);
        return visit(q.without);
      case 'overlap':
        visit(q.of);
        return visit(q.with);
      case 'near':
        visit(q.of);
        return visit(q.to);
    }
  };
  visit(query);
  return ids;
}

/** The greatest end among hits[0..i], for each i: a hit at or before i can only reach a point if this does. */
function prefixMaxEnd(hits: readonly Hit[]): number[] {
  let running = -Infinity;
  return hits.map((h) => (running = Math.max(running, h.end)));
}

/** For each hit of `hits`, whether some hit of `others` within `reach` passes `test`; `others` sorted by start. Sweeps instead of comparing every pair. */
function anyNear(hits: readonly Hit[], others: readonly Hit[], reach: number, test: (a: Hit, b: Hit) => boolean): boolean[] {
  const maxEnd = prefixMaxEnd(others);
  return hits.map((a) => {
    // Candidates start at or before a.end + reach; walking back, stop once none before can end late enough.
    for (let i = upperBound(others, a.end + reach) - 1; i >= 0 && maxEnd[i]! >= a.start - reach; i--) {
      if (test(a, others[i]!)) return true;
    }
    return false;
  });
}

/** The number of hits whose start is at or before `value` (hits sorted by start). */
function upperBound(hits: readonly Hit[], value: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where two sorted lists of hits overlap, overlapping pieces joined into one segment. */
function intersect(left: readonly Hit[], right: readonly Hit[]): Hit[] {
  const maxEnd = prefixMaxEnd(right);
  const pieces: Hit[] = [];
  for (const a of left) {
    for (let i = upperBound(right, a.end - 1) - 1; i >= 0 && maxEnd[i]! > a.start; i--) {
      const b = right[i]!;
      if (!overlaps(a, b)) continue;
      pieces.push({ sourceId: a.sourceId, start: Math.max(a.start, b.start), end: Math.min(a.end, b.end), codingIds: union(a.codingIds, b.codingIds), codeIds: union(a.codeIds, b.codeIds) });
    }
  }
  pieces.sort(byPlace);
  const joined: Hit[] = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    if (last && piece.start < last.end) {
      last.end = Math.max(last.end, piece.end);
      last.codingIds = union(last.codingIds, piece.codingIds);
      last.codeIds = union(last.codeIds, piece.codeIds);
    } else joined.push({ ...piece });
  }
  return joined;
}

/** Items grouped by a key, in the order keys first appear. */
function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Evaluates a query over one source's codings, sorted by start. */
function evaluate(query: SegmentQuery, codings: readonly QueryCoding[], codesOf: (q: Extract<SegmentQuery, { op: 'code' }>) => ReadonlySet<string>): Hit[] {
  switch (query.op) {
    case 'code': {
      const ids = codesOf(query);
      return codings
        .filter((c) => ids.has(c.codeId))
        .map((c) => ({ sourceId: c.sourceId, start: c.start, end: c.end, codingIds: [c.id], codeIds: [c.codeId] }));
    }
    case 'or': {
      const seen = new Set<string>();
      const hits: Hit[] = [];
      for (const operand of query.of) {
        for (const hit of evaluate(operand, codings, codesOf)) {
          const key = `${hit.start}:${hit.end}:${[...hit.codingIds].sort().join(',')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          hits.push(hit);
        }
      }
      return hits.sort(byPlace);
    }
    case 'and': {
      const [first, ...rest] = query.of;
      if (!first) return [];
      return rest.reduce((hits, operand) => (hits.length ? intersect(hits, evaluate(operand, codings, codesOf)) : hits), evaluate(first, codings, codesOf));
    }
    case 'not': {
      const hits = evaluate(query.of, codings, codesOf);
      const flags = anyNear(hits, evaluate(query.without, codings, codesOf), 0, overlaps);
      return hits.filter((_, i) => !flags[i]);
    }
    case 'overlap': {
      const hits = evaluate(query.of, codings, codesOf);
      const flags = anyNear(hits, evaluate(query.with, codings, codesOf), 0, overlaps);
      return hits.filter((_, i) => flags[i]);
    }
    case 'near': {
      const hits = evaluate(query.of, codings, codesOf);
      const sameKey = (h: Hit) => [...h.codingIds].sort().join(',');
      const flags = anyNear(hits, evaluate(query.to, codings, codesOf), query.within, (a, b) => gap(a, b) <= query.within && sameKey(a) !== sameKey(b));
      return hits.filter((_, i) => flags[i]);
    }
  }
}

/** Whether a segment meets the filter, given what the scope knows. */
function filterTest(filter: SegmentFilter, scope: SegmentScope): (hit: Hit) => boolean {
  const tests: Array<(hit: Hit) => boolean> = [];
  if (filter.sourceIds) {
    const sources = new Set(filter.sourceIds);
    tests.push((hit) => sources.has(hit.sourceId));
  }
  const cases = scope.cases ?? [];
  const casesOf = (hit: Hit) =>
    cases.filter((c) => c.members.some((m) => m.sourceId === hit.sourceId && (m.start === null || m.end === null || overlaps(hit, { start: m.start, end: m.end }))));
  if (filter.caseIds) {
    const wanted = new Set(filter.caseIds);
    tests.push((hit) => casesOf(hit).some((c) => wanted.has(c.id)));
  }
  if (filter.attributes?.length) {
    const byName = new Map<string, Set<string>>();
    for (const { name, value } of filter.attributes) byName.set(name, (byName.get(name) ?? new Set()).add(value));
    tests.push((hit) => {
      const own = scope.sourceAttributes?.get(hit.sourceId) ?? {};
      const holders = [own, ...casesOf(hit).map((c) => c.attributes)];
      return [...byName].every(([name, values]) => holders.some((attributes) => attributes[name] !== undefined && values.has(attributes[name]!)));
    });
  }
  if (filter.speakers) {
    const speakers = new Set(filter.speakers);
    const turns = groupBy(
      (scope.turns ?? []).filter((turn) => speakers.has(turn.speaker)),
      (turn) => turn.sourceId,
    );
    tests.push((hit) => (turns.get(hit.sourceId) ?? []).some((turn) => overlaps(hit, turn)));
  }
  return (hit) => tests.every((test) => test(hit));
}

/**
 * Every segment the query retrieves that meets the filter, in source order (scope.sourceOrder,
 * then by id) and by place within each source.
 */
export function retrieveSegments(
  codings: readonly QueryCoding[],
  codes: ReadonlyArray<{ id: string; parentId: string | null }>,
  query: SegmentQuery,
  filter: SegmentFilter = {},
  scope: SegmentScope = {},
): RetrievedSegment[] {
  const cache = new Map<string, Set<string>>();
  const codesOf = (q: Extract<SegmentQuery, { op: 'code' }>) => {
    const key = `${q.codeId}:${q.subcodes ? 1 : 0}`;
    let ids = cache.get(key);
    if (!ids) {
      ids = queryCodeIds(q, codes);
      cache.set(key, ids);
    }
    return ids;
  };
  const bySource = groupBy(codings, (c) => c.sourceId);
  const order = new Map((scope.sourceOrder ?? []).map((id, i) => [id, i]));
  const sources = [...bySource.keys()].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  const meets = filterTest(filter, scope);
  return sources.flatMap((sourceId) => {
    const list = bySource.get(sourceId)!.sort((a, b) => a.start - b.start || a.end - b.end);
    return evaluate(query, list, codesOf).filter(meets);
  });
}

/** How many segments, from how many sources, covering how many characters. */
export function segmentStats(segments: readonly RetrievedSegment[]): SegmentStats {
  const bySource = groupBy(segments, (s) => s.sourceId);
  let characters = 0;
  for (const list of bySource.values()) {
    let reached = -Infinity;
    for (const s of [...list].sort(byPlace)) {
      const from = Math.max(s.start, reached);
      if (s.end > from) characters += s.end - from;
      reached = Math.max(reached, s.end);
    }
  }
  return { segments: segments.length, sources: bySource.size, characters };
}
