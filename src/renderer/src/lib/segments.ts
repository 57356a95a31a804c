/** A span of a source's text, in UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface CodedSpan extends Span {
  id: string;
  codeId: string;
}

/** A stretch of text covered by the same set of codings; `spans` runs outermost to innermost. */
export interface Segment<T extends CodedSpan> extends Span {
  spans: T[];
}

const byNesting = <T extends CodedSpan>(a: T, b: T): number =>
  b.end - b.start - (a.end - a.start) || a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Splits `range` at every boundary of the spans that overlap it, so each piece can be drawn
 * with the exact set of codes covering it. Overlapping and nested codings both work; the
 * pieces tile the range with no gaps, which keeps the rendered text identical to the source.
 */
export function segmentRange<T extends CodedSpan>(range: Span, spans: readonly T[]): Segment<T>[] {
  if (range.end <= range.start) return [];
  const overlapping = spans.filter((s) => s.start < range.end && s.end > range.start).sort(byNesting);
  const cuts = new Set([range.start, range.end]);
  for (const s of overlapping) {
    cuts.add(Math.max(s.start, range.start));
    cuts.add(Math.min(s.end, range.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({ start, end, spans: overlapping.filter((s) => s.start <= start && s.end >= end) });
  }
  return segments;
}

/** Narrows a span so it neither starts nor ends on whitespace (double-click and drag often take a trailing space). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
