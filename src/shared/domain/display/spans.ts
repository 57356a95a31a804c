// Character spans of a source's text (UTF-16 offsets, end exclusive) as sets: what a code
// covers, what a case holds, where two codes meet. A "merged" list is sorted, with no two
// spans overlapping or touching.

export interface Span {
  start: number;
  end: number;
}

const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

/** Whether spans come sorted by start, as codings read in source order do. */
function sortedByStart(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i - 1]!.start > spans[i]!.start) return false;
  return true;
}

/** The same characters as `spans`, merged: sorted, disjoint and not touching. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  // Spans already sorted by start (codings in source order) merge as they come, without a sort.
  const sorted = sortedByStart(spans) ? spans : [...spans].sort(byStart);
  const merged: Span[] = [];
  for (const span of sorted) {
    if (span.end <= span.start) continue;
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** How many characters merged spans cover. */
export function spansLength(merged: readonly Span[]): number {
  let total = 0;
  for (const s of merged) total += s.end - s.start;
  return total;
}

/** The characters two merged lists share, merged. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** The index of the first span in a list sorted by end that ends after `position` (binary search); the list's length if none does. */
export function firstEndingAfter(sorted: readonly { end: number }[], position: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `span` shares at least one character with a merged list. */
export function overlapsAny(span: Span, merged: readonly Span[]): boolean {
  // The first merged span ending after span.start is the only candidate.
  const first = firstEndingAfter(merged, span.start);
  return first < merged.length && merged[first]!.start < span.end;
}

/** How many characters two merged lists share: the length of their intersection, without making it. */
export function intersectionLength(a: readonly Span[], b: readonly Span[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) total += end - start;
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return total;
}

/**
 * How many characters of a merged list `within` any of `spans` covers, overlaps counted once:
 * the length of their union's intersection with `within`, in one pass and without making either.
 */
export function coveredLength(spans: readonly Span[], within: readonly Span[]): number {
  const sorted = sortedByStart(spans) ? spans : [...spans].sort(byStart);
  let total = 0;
  let j = 0;
  let runStart = 0;
  let runEnd = -1;
  // Each run of overlapping spans is measured against `within` as it closes (both only move forward); the last closes after the end.
  for (let i = 0; i <= sorted.length; i++) {
    const span = sorted[i];
    if (span && span.end <= span.start) continue;
    if (span && span.start <= runEnd) {
      runEnd = Math.max(runEnd, span.end);
      continue;
    }
    if (runEnd > runStart) {
      while (j < within.length && within[j]!.end <= runStart) j++;
      for (let k = j; k < within.length && within[k]!.start < runEnd; k++) total += Math.min(runEnd, within[k]!.end) - Math.max(runStart, within[k]!.start);
    }
    if (span) {
      runStart = span.start;
      runEnd = span.end;
    }
  }
  return total;
}
