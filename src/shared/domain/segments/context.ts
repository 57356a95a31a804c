import type { SegmentContext } from './types';

interface Bounds {
  start: number;
  end: number;
}

/** The index of the first passage that ends after `offset` (passages in order, tiling the text with gaps). */
function passageAt(passages: readonly Bounds[], offset: number): number {
  let lo = 0;
  let hi = passages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (passages[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, passages.length - 1);
}

/** The passage a span starts in, or -1 for a source without passages. */
export function passageIndexAt(passages: readonly Bounds[], offset: number): number {
  return passages.length ? passageAt(passages, offset) : -1;
}

/**
 * The text around a span: the passages it lies in and `extra` more on each side, cut to `clip`
 * characters either side of the span (at a space where one is near) when a clip is given.
 */
export function contextAround(text: string, passages: readonly Bounds[], span: Bounds, extra = 0, clip?: number): SegmentContext {
  if (!passages.length) return { start: 0, end: text.length, text, moreBefore: false, moreAfter: false };
  const first = Math.max(0, passageAt(passages, span.start) - extra);
  const last = Math.min(passages.length - 1, passageAt(passages, Math.max(span.start, span.end - 1)) + extra);
  let start = Math.min(passages[first]!.start, span.start);
  let end = Math.max(passages[last]!.end, span.end);
  let moreBefore = first > 0;
  let moreAfter = last < passages.length - 1;
  if (clip !== undefined) {
    if (span.start - start > clip) {
      const cut = span.start - clip;
      const space = text.indexOf(' ', cut);
      start = space >= 0 && space < span.start ? space + 1 : cut;
      moreBefore = true;
    }
    if (end - span.end > clip) {
      const cut = span.end + clip;
      const space = text.lastIndexOf(' ', cut);
      end = space > span.end ? space : cut;
      moreAfter = true;
    }
  }
  return { start, end, text: text.slice(start, end), moreBefore, moreAfter };
}
