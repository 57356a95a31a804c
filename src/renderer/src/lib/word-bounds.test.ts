import { describe, expect, it } from 'vitest';
import { nextWordEnd, nextWordStart, previousWordEnd, previousWordStart } from './word-bounds';

const text = 'Ships leave, on Fridays — if the weather’s kind.';
const at = (words: string) => text.indexOf(words);

describe('word boundaries', () => {
  it('moves an end to the end of the next word, skipping punctuation', () => {
    expect(nextWordEnd(text, at(', on'))).toBe(at(' Fridays'));
    expect(nextWordEnd(text, at(' — if'))).toBe(at(' the'));
    expect(nextWordEnd(text, text.length)).toBe(text.length);
  });

  it('moves an end back to the end of the previous word', () => {
    expect(previousWordEnd(text, at(' Fridays'))).toBe(at(', on'));
    expect(previousWordEnd(text, at('s leave'))).toBe(0);
  });

  it('moves a start to the start of the previous or next word, keeping apostrophes inside words', () => {
    expect(previousWordStart(text, at('on Fridays'))).toBe(at('leave'));
    expect(nextWordStart(text, at('the weather'))).toBe(at('weather'));
    expect(nextWordStart(text, at('weather’s'))).toBe(at('kind'));
    expect(previousWordStart(text, 0)).toBe(0);
  });
});
