import type { Passage, TextMark } from '../../../shared/domain/model';

/** Emphasis as the reader draws it: the source's marks, and the speaker's label that opens a turn. */
export interface InlineMark {
  kind: TextMark['kind'] | 'speaker';
  start: number;
  end: number;
  href: string | null;
}

/** A stretch of text under the same marks, outermost first. */
export interface InlinePiece {
  start: number;
  end: number;
  marks: InlineMark[];
}

/**
 * Where a turn's label ends: the speaker's name and the colon after it, with the timestamp
 * that may come before ("[00:12:31] Rina:"). Null for passages that are not turns, or whose
 * text does not name the speaker near its start.
 */
export function speakerLabel(text: string, passage: Pick<Passage, 'kind' | 'start' | 'end' | 'speaker'>): InlineMark | null {
  if (passage.kind !== 'turn' || !passage.speaker) return null;
  const opening = text.slice(passage.start, Math.min(passage.end, passage.start + passage.speaker.length + 40));
  const at = opening.indexOf(passage.speaker);
  if (at < 0) return null;
  const colon = opening.indexOf(':', at + passage.speaker.length);
  if (colon < 0) return null;
  return { kind: 'speaker', start: passage.start, end: passage.start + colon + 1, href: null };
}

/** The marks of each passage, found in one pass (both lists are in text order). */
export function marksByPassage(passages: readonly Pick<Passage, 'id' | 'start' | 'end'>[], marks: readonly TextMark[]): Map<string, InlineMark[]> {
  const byPassage = new Map<string, InlineMark[]>();
  let from = 0;
  for (const passage of passages) {
    while (from < marks.length && marks[from]!.end <= passage.start) from++;
    const inside: InlineMark[] = [];
    for (let i = from; i < marks.length && marks[i]!.start < passage.end; i++) {
      const mark = marks[i]!;
      if (mark.end > passage.start) inside.push({ ...mark, start: Math.max(mark.start, passage.start), end: Math.min(mark.end, passage.end) });
    }
    if (inside.length) byPassage.set(passage.id, inside);
  }
  return byPassage;
}

/**
 * Cuts [start, end) at every boundary of the marks over it, so each piece can be drawn with the
 * marks covering it; the pieces tile the range, keeping the rendered text identical to the source.
 */
export function inlinePieces(start: number, end: number, marks: readonly InlineMark[]): InlinePiece[] {
  const over = marks.filter((m) => m.start < end && m.end > start);
  if (over.length === 0) return [{ start, end, marks: [] }];
  const cuts = [...new Set([start, end, ...over.flatMap((m) => [Math.max(m.start, start), Math.min(m.end, end)])])].sort((a, b) => a - b);
  const pieces: InlinePiece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    // Longer marks outside shorter ones, so nested emphasis nests.
    const covering = over.filter((m) => m.start <= from && m.end >= to).sort((a, b) => b.end - b.start - (a.end - a.start) || a.kind.localeCompare(b.kind));
    pieces.push({ start: from, end: to, marks: covering });
  }
  return pieces;
}
