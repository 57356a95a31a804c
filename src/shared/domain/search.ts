// Full-text search as the UI and the CLI see it. Offsets are UTF-16 code units into a
// source's text, end exclusive, like every other offset in the domain.

export const searchKinds = ['passage', 'memo', 'code', 'claim', 'reference'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** A span of text: [start, end). */
export type TextSpan = [start: number, end: number];

export interface SearchHitView {
  id: string;
  kind: SearchKind;
  /** Set for passages: the passage a click opens the reader at. */
  passageId?: string;
  /** Where the hit sits in its source; null for memos and codes, which have no place in a source. */
  start: number | null;
  end: number | null;
  title: string;
  snippet: string;
  /** Spans of `snippet` to highlight. */
  snippetHighlights: TextSpan[];
  /** The matched words as spans of the SOURCE text, for highlighting in the reader; empty when the hit has no place in a source. */
  matches: TextSpan[];
}

export interface SearchGroup {
  /** null for hits that belong to no source (codes, memos on the project or on codings). */
  sourceId: string | null;
  sourceTitle: string;
  hits: SearchHitView[];
}

export interface SearchResponse {
  total: number;
  tookMs: number;
  groups: SearchGroup[];
}

/** A span "Code all hits" would code (or coded). */
export interface CodeHitSpan {
  sourceId: string;
  sourceTitle: string;
  start: number;
  end: number;
  text: string;
}

export interface CodeHitsPreview {
  /** Spans that would get a new coding. */
  count: number;
  /** Spans that already carry exactly this coding and are left alone. */
  alreadyCoded: number;
  sourceCount: number;
  /** The first spans, in rank order, to show before applying. */
  sample: CodeHitSpan[];
}

export interface FindSupportResult {
  claim: { id: string; sourceId: string; text: string };
  /** Sources holding the full text of the works the claim cites: where support was looked for. */
  searchedSources: Array<{ id: string; title: string }>;
  /** Why there are no results, in words a reviewer can act on; null when there are results. */
  reason: string | null;
  groups: SearchGroup[];
}

export const searchIndexStates = ['idle', 'building', 'ready', 'failed'] as const;
export type SearchIndexState = (typeof searchIndexStates)[number];

export interface SearchStatus {
  /** idle: not opened yet (it opens on the first search); building: loading or rebuilding. */
  state: SearchIndexState;
  /** Searchable items in the project: passages, memos, codes, claims and references. */
  docCount: number;
  progress: { done: number; total: number } | null;
}
