/** A snippet cut into plain and highlighted runs, for rendering highlights as <mark> without HTML strings. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** Overlapping or out-of-order highlights are merged, and spans outside the snippet are clipped. */
export function snippetParts(snippet: string, highlights: ReadonlyArray<readonly [number, number]>): SnippetPart[] {
  const spans = highlights
    .map(([start, end]) => [Math.max(0, start), Math.min(snippet.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const last = parts.at(-1);
    if (start > at || !last?.marked) parts.push({ text: snippet.slice(at, start), marked: false }, { text: '', marked: true });
    parts.at(-1)!.text += snippet.slice(Math.max(start, at), end);
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return parts.filter((p) => p.text.length > 0);
}
