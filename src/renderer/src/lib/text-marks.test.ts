import { describe, expect, it } from 'vitest';
import type { TextMark } from '../../../shared/domain/model';
import { inlinePieces, marksByPassage, speakerLabel } from './text-marks';

const mark = (kind: TextMark['kind'], start: number, end: number): TextMark => ({ kind, start, end, href: null });

describe('inline marks', () => {
  it('tiles a range into pieces under the marks covering them, longer marks outside', () => {
    const pieces = inlinePieces(0, 10, [mark('strong', 2, 8), mark('emphasis', 4, 6)]);
    expect(pieces.map((p) => [p.start, p.end, p.marks.map((m) => m.kind)])).toEqual([
      [0, 2, []],
      [2, 4, ['strong']],
      [4, 6, ['strong', 'emphasis']],
      [6, 8, ['strong']],
      [8, 10, []],
    ]);
    expect(inlinePieces(3, 5, [])).toEqual([{ start: 3, end: 5, marks: [] }]);
  });

  it('gives each passage the marks inside it, cut at its edges', () => {
    const passages = [
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 12, end: 20 },
    ];
    const byPassage = marksByPassage(passages, [mark('code', 1, 3), mark('link', 8, 15)]);
    expect(byPassage.get('a')!.map((m) => [m.kind, m.start, m.end])).toEqual([
      ['code', 1, 3],
      ['link', 8, 10],
    ]);
    expect(byPassage.get('b')!.map((m) => [m.kind, m.start, m.end])).toEqual([['link', 12, 15]]);
  });

  it('finds a turn’s label, with a timestamp before it, and nothing for other passages', () => {
    const text = 'Intro.\n\n[00:12:31] Rina: We sell bags.';
    const turn = { kind: 'turn' as const, start: 8, end: text.length, speaker: 'Rina' };
    const label = speakerLabel(text, turn)!;
    expect(text.slice(label.start, label.end)).toBe('[00:12:31] Rina:');
    expect(speakerLabel(text, { ...turn, kind: 'paragraph' })).toBeNull();
    expect(speakerLabel(text, { ...turn, speaker: 'Ade' })).toBeNull();
  });
});
