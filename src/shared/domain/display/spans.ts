// Character spans of a source's text (UTF-16 offsets, end exclusive) as sets: what a code
// covers, what a case holds, where two codes meet. A "merged" list is sorted, with no two
// spans overlapping or touching.

export interface Span {
  start: number;
  end: number;
}

/** The same characters as `spans`, merged: sorted, disjoint and not touching. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
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

/** Whether `span` shares at least one character with a merged list (binary search). */
export function overlapsAny(span: Span, merged: readonly Span[]): boolean {
  let lo = 0;
  let hi = merged.length;
  // The first merged span ending after span.start is the only candidate.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < merged.length && merged[lo]!.start < span.end;
}
