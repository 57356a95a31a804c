import { describe, expect, it } from 'vitest';
import { contextAround, passageIndexAt } from './context';

const text = 'First passage here.\n\nSecond one, longer, with the coded words in it.\n\nThird.';
const passages = text.split('\n\n').map((words) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length }));
const coded = { start: text.indexOf('coded'), end: text.indexOf(' in it') };

describe('the text around a segment', () => {
  it('is the passage it lies in', () => {
    expect(contextAround(text, passages, coded)).toEqual({ start: 21, end: 68, text: 'Second one, longer, with the coded words in it.', moreBefore: true, moreAfter: true });
  });

  it('widens by passages on request, and says when there is no more', () => {
    const wide = contextAround(text, passages, coded, 1);
    expect(wide).toMatchObject({ start: 0, end: 76, moreBefore: false, moreAfter: false });
    expect(wide.text).toBe(text);
  });

  it('covers every passage a segment spans', () => {
    expect(contextAround(text, passages, { start: 10, end: 30 })).toMatchObject({ start: 0, end: 68 });
  });

  it('cuts long passages at a space near the clip', () => {
    const clipped = contextAround(text, passages, coded, 0, 10);
    expect(clipped.text).toBe('with the coded words in it.');
    expect(clipped).toMatchObject({ moreBefore: true, moreAfter: true });
  });

  it('finds the passage at an offset', () => {
    expect(passageIndexAt(passages, 0)).toBe(0);
    expect(passageIndexAt(passages, 20)).toBe(1);
    expect(passageIndexAt(passages, 75)).toBe(2);
    expect(passageIndexAt([], 3)).toBe(-1);
  });
});
