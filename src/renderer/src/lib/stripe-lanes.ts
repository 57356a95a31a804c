import type { Span } from './segments';

/**
 * Gives each coding a lane beside the text so that codings that overlap never share one: the
 * margin stripes then show every coding's extent, however they overlap. Greedy interval
 * partitioning in order of start (longer first on ties) uses as few lanes as the deepest
 * overlap needs, and a coding keeps its lane as the reader scrolls.
 */
export function stripeLanes<T extends Span & { id: string }>(codings: readonly T[]): { lanes: Map<string, number>; count: number } {
  const sorted = [...codings].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const coding of sorted) {
    let lane = laneEnds.findIndex((end) => end <= coding.start);
    if (lane < 0) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = coding.end;
    lanes.set(coding.id, lane);
  }
  return { lanes, count: laneEnds.length };
}
