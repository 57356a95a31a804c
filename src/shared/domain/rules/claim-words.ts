/** A claim with the spans of its citations, all as offsets into the same source text. */
export interface ClaimWithCitations {
  text: string;
  start: number;
  citations: ReadonlyArray<{ start: number; end: number }>;
}

/**
 * A claim's own words: its text with each citation cut out, so that looking for support in
 * the cited works matches what the claim says, not the authors' names it cites.
 */
export function claimWords({ text, start, citations }: ClaimWithCitations): string {
  let words = text;
  for (const c of [...citations].sort((a, b) => b.start - a.start)) {
    const from = c.start - start;
    const to = c.end - start;
    if (from >= 0 && to <= words.length) words = `${words.slice(0, from)} ${words.slice(to)}`;
  }
  return words;
}
