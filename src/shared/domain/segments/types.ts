import type { Coding } from '../model';
import type { SegmentStats } from './query';

/** A coding as a retrieved segment shows it. */
export type SegmentCoding = Omit<Coding, 'sourceId'>;

/** One row of the retrieved segments. */
export interface SegmentRow {
  sourceId: string;
  sourceTitle: string;
  start: number;
  end: number;
  /** The segment's words, cut at `textLimit` characters (`clipped` says so). */
  text: string;
  clipped: boolean;
  /** The codings it is made of; the first is the one whose summary the row shows and edits. */
  codings: SegmentCoding[];
  /** Who speaks at its start, in a transcript of turns; null elsewhere. */
  speaker: string | null;
  /** The passage (or passages) around it, cut to a few hundred characters either side. */
  context: SegmentContext;
}

/** Text around a segment: `start`–`end` of its source, with whether more lies before and after. */
export interface SegmentContext {
  start: number;
  end: number;
  text: string;
  moreBefore: boolean;
  moreAfter: boolean;
}

/** One page of retrieved segments, with what the whole result holds. */
export interface SegmentPage {
  total: number;
  stats: SegmentStats;
  offset: number;
  rows: SegmentRow[];
}

/** Summaries of segments by code (columns) and source (rows): the per-code summary table. */
export interface SummaryTable {
  codeIds: string[];
  sources: Array<{ id: string; title: string }>;
  cells: Array<{ codeId: string; sourceId: string; segments: number; summaries: Array<{ codingId: string; summary: string }> }>;
}
