import type { Analyzer } from './analyzer';
import type { PhraseClause } from './query-plan';

export type Range = [number, number];

/**
 * Token index ranges of matched terms and phrase occurrences found by analysing text again:
 * what the index's positions give, for when they are not loaded yet (the first query after open).
 */
export function matchRangesInText(text: string, terms: ReadonlySet<string>, phrases: readonly PhraseClause[], analyzer: Analyzer): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const termsAt: Array<readonly string[]> = [];
  analyzer.tokenize(text, (lower, _start, _end, index) => {
    const tokenTerms = analyzer.indexTerms(lower);
    termsAt[index] = tokenTerms;
    if (tokenTerms.some((t) => terms.has(t))) ranges.push([index, index]);
  });
  for (const phrase of phrases) {
    const first = Math.min(...phrase.words.map((w) => w.offset));
    const last = Math.max(...phrase.words.map((w) => w.offset));
    for (let i = 0; i + last - first < termsAt.length; i++) {
      if (phrase.words.every((w) => termsAt[i + w.offset - first]?.includes(w.term))) ranges.push([i, i + last - first]);
    }
  }
  return ranges;
}

/**
 * Turns ranges of token indexes (from the index's positions) into offsets in text, merging
 * ranges that overlap or touch the same words.
 */
export function tokenRangesToOffsets(text: string, ranges: ReadonlyArray<readonly [number, number]>, analyzer: Analyzer): Range[] {
  if (ranges.length === 0) return [];
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // A loop, not Math.max(...): a term in 150,000 places would overflow the call stack as arguments.
  let lastToken = 0;
  for (const range of sorted) lastToken = Math.max(lastToken, range[1]);
  const { starts, ends } = analyzer.tokenBounds(text, lastToken);
  const merged: Range[] = [];
  for (const [first, last] of sorted) {
    const range = trimmed(text, starts[first]!, ends[last]!);
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

const WORD = /[\p{L}\p{N}_]/u;

/** A token's offsets without the punctuation around it ("(trade)," highlights "trade"), as lunr's trimmer drops it. */
function trimmed(text: string, start: number, end: number): Range {
  let a = start;
  let b = end;
  while (a < b && !WORD.test(text[a]!)) a++;
  while (b > a && !WORD.test(text[b - 1]!)) b--;
  return a < b ? [a, b] : [start, end];
}

const SNIPPET_CHARS = 200;
const LEAD_CHARS = 40;
const ELLIPSIS = '…';

/** Moves an offset back (or forward) to the nearest whitespace so the snippet does not cut words. */
function wordBoundary(text: string, at: number, direction: -1 | 1, limit: number): number {
  let i = at;
  for (let steps = 0; steps < 20 && i > 0 && i < text.length; steps++, i += direction) {
    if (/\s/.test(text[i]!)) return direction < 0 ? i + 1 : i;
  }
  return direction < 0 ? Math.max(i, 0) : Math.min(i, limit);
}

/** The window of text with the most matches, with the matches' offsets within it. */
export function makeSnippet(text: string, matches: readonly Range[]): { snippet: string; highlights: Range[] } {
  if (text.length <= SNIPPET_CHARS) return { snippet: text, highlights: matches.map(([a, b]) => [a, b]) };
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < matches.length; i++) {
    while (j < matches.length && matches[j]![1] <= matches[i]![0] + SNIPPET_CHARS - LEAD_CHARS) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      bestStart = matches[i]![0];
    }
  }
  let start = bestCount === 0 ? 0 : wordBoundary(text, Math.max(0, bestStart - LEAD_CHARS), -1, text.length);
  if (start > bestStart) start = bestStart;
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) end = wordBoundary(text, end, -1, text.length);
  if (end <= start) end = Math.min(text.length, start + SNIPPET_CHARS);
  const prefix = start > 0 ? ELLIPSIS : '';
  const body = text.slice(start, end).trimEnd();
  end = start + body.length;
  const snippet = prefix + body + (end < text.length ? ELLIPSIS : '');
  const highlights: Range[] = [];
  for (const [a, b] of matches) {
    if (b <= start || a >= end) continue;
    highlights.push([Math.max(a, start) - start + prefix.length, Math.min(b, end) - start + prefix.length]);
  }
  return { snippet, highlights };
}
