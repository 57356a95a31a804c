import type { Analyzer } from './analyzer';
import type { PhraseClause } from './query-plan';

export type Range = [number, number];

/**
 * Offsets in text of every token whose terms include a matched term, and of every occurrence
 * of a matched phrase (first word to last), merged where they overlap.
 */
export function findMatches(text: string, terms: ReadonlySet<string>, phrases: readonly PhraseClause[], analyzer: Analyzer): Range[] {
  const ranges: Range[] = [];
  const byIndex: Array<{ start: number; end: number; terms: readonly string[] }> = [];
  analyzer.tokenize(text, (lower, start, end, index) => {
    const tokenTerms = analyzer.indexTerms(lower);
    byIndex[index] = { start, end, terms: tokenTerms };
    if (tokenTerms.some((t) => terms.has(t))) ranges.push([start, end]);
  });
  for (const phrase of phrases) {
    const first = Math.min(...phrase.words.map((w) => w.offset));
    const last = Math.max(...phrase.words.map((w) => w.offset));
    for (let i = 0; i + last - first < byIndex.length; i++) {
      const fits = phrase.words.every((w) => byIndex[i + w.offset - first]?.terms.includes(w.term));
      if (fits) ranges.push([byIndex[i]!.start, byIndex[i + last - first]!.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
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
  const body = text.slice(start, end);
  const snippet = prefix + body + (end < text.length ? ELLIPSIS : '');
  const highlights: Range[] = [];
  for (const [a, b] of matches) {
    if (b <= start || a >= end) continue;
    highlights.push([Math.max(a, start) - start + prefix.length, Math.min(b, end) - start + prefix.length]);
  }
  return { snippet, highlights };
}
