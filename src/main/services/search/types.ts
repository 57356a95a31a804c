import type { SearchKind } from '../../../shared/domain/search';

export type { SearchKind };

export interface SearchDoc {
  id: string;
  kind: SearchKind;
  sourceId: string | null;
  title: string;
  text: string;
}

/** Code, stage, attribute, speaker and case filters are resolved by the caller into sourceIds or allow. */
export interface SearchFilter {
  kinds?: SearchKind[];
  sourceIds?: string[];
  allow?: (docId: string, sourceId: string | null) => boolean;
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  sourceId: string | null;
  title: string;
  score: number;
  snippet: string;
  /** Offsets into snippet of the highlighted words. */
  snippetHighlights: Array<[number, number]>;
  /** Offsets into the doc's text of every matched word or phrase. */
  matches: Array<[number, number]>;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  tookMs: number;
}

export interface QueryOptions {
  limit?: number;
  offset?: number;
  filter?: SearchFilter;
}
