import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { maxInputDepth, repairText, wellFormed } from './well-formed';

const utf8RoundTrip = (text: string) => new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(text));

describe('wellFormed', () => {
  it('replaces each lone surrogate with U+FFFD, keeping pairs and the length in UTF-16 code units', () => {
    const cut = '🚢'.slice(0, 1);
    const cases: Array<[string, string]> = [
      [`a${cut}b`, 'a\uFFFDb'],
      ['\uDC00x', '\uFFFDx'],
      ['x\uD800', 'x\uFFFD'],
      ['\uDC00\uD800', '\uFFFD\uFFFD'],
      ['ships 🚢 and 𝔸', 'ships 🚢 and 𝔸'],
      ['\uD83D\uDEA2\uD83D', '🚢\uFFFD'],
    ];
    for (const [given, repaired] of cases) {
      expect(repairText(given)).toBe(repaired);
      expect(repairText(given)).toHaveLength(given.length);
      expect(utf8RoundTrip(repairText(given))).toBe(repaired);
    }
  });

  it('walks objects, arrays and keys, and leaves other values as they are', () => {
    const lone = '\uD800';
    const bytes = new Uint8Array([1, 2]);
    expect(wellFormed({ name: lone, list: [lone, 1, null, true], nested: { [lone]: lone }, bytes })).toEqual({
      name: '\uFFFD',
      list: ['\uFFFD', 1, null, true],
      nested: { '\uFFFD': '\uFFFD' },
      bytes,
    });
  });

  it('refuses input nested deeper than any method takes, instead of overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => wellFormed(deep)).toThrow(AppError);
    let fine: unknown = 'leaf';
    for (let i = 0; i < maxInputDepth - 1; i++) fine = { inner: fine };
    expect(wellFormed(fine)).toEqual(fine);
  });
});
