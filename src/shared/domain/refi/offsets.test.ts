import { describe, expect, it } from 'vitest';
import { detectConvention, normaliseLineBreaks, offsetConventions, positionsToUnits, spanPlausibility, unitsToCodePoints, type OffsetConvention } from './offsets';

// 😀 and 𠀀 (CJK Extension B) lie outside the Basic Multilingual Plane: two UTF-16 units, one code point.
const text = 'Ana 😀 said:\r\n𠀀 stays; 漢字 too.\r\nEnd 🚢.';

/** Where each word of `words` lies in `text`, counted by `convention` (written out by hand, independently of the code under test). */
function countIn(source: string, convention: OffsetConvention, unitIndex: number): number {
  const before = source.slice(0, unitIndex);
  const codePoints = convention.startsWith('code-points');
  let n = codePoints ? [...before].length : before.length;
  if (convention.endsWith('crlf-as-one')) n -= before.split('\r\n').length - 1;
  return n;
}

describe('positions in REFI-QDA conventions', () => {
  it('maps code points, UTF-16 units and CRLF-as-one to UTF-16 indices', () => {
    for (const word of ['said', 'stays', '漢字', 'End', '🚢', '𠀀']) {
      const at = text.indexOf(word);
      for (const convention of offsetConventions) {
        const toUnits = positionsToUnits(text, convention);
        expect(toUnits(countIn(text, convention, at)), `${word} under ${convention}`).toBe(at);
        expect(toUnits(countIn(text, convention, at + word.length))).toBe(at + word.length);
      }
    }
  });

  it('answers undefined past the end of the text', () => {
    expect(positionsToUnits(text, 'code-points')([...text].length)).toBe(text.length);
    expect(positionsToUnits(text, 'code-points')([...text].length + 1)).toBeUndefined();
    expect(positionsToUnits(text, 'utf16')(-1)).toBeUndefined();
  });

  it('converts Quarry UTF-16 offsets to code points and back', () => {
    const toCodePoints = unitsToCodePoints(text);
    const toUnits = positionsToUnits(text, 'code-points');
    for (let i = 0; i <= text.length; i++) {
      const inPair = i > 0 && /[\ud800-\udbff]/.test(text[i - 1]!) && /[\udc00-\udfff]/.test(text[i] ?? '');
      if (inPair) expect(toCodePoints(i)).toBe(toCodePoints(i - 1));
      else expect(toUnits(toCodePoints(i))).toBe(i);
    }
    expect(toCodePoints(text.length)).toBe([...text].length);
  });

  it('turns CRLF into LF and moves indices with it', () => {
    const { text: lf, map } = normaliseLineBreaks(text);
    expect(lf).toBe(text.replace(/\r\n/g, '\n'));
    for (const word of ['said', 'stays', 'End']) expect(lf.slice(map(text.indexOf(word)), map(text.indexOf(word)) + word.length)).toBe(word);
    // Between CR and LF: the LF.
    const cr = text.indexOf('\r');
    expect(lf[map(cr + 1)]).toBe('\n');
    expect(normaliseLineBreaks('a\rb').text).toBe('a\nb');
  });
});

describe('which convention a file used', () => {
  const words = (source: string) => [...source.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ at: m.index, length: m[0].length }));
  const selectionsIn = (source: string, convention: OffsetConvention) =>
    words(source).map((w) => ({ start: countIn(source, convention, w.at), end: countIn(source, convention, w.at + w.length) }));

  const long = Array.from({ length: 12 }, (_, i) => `Line ${i} has 😀 an emoji and 𠀀 one more.\r\nSecond part of line ${i}.`).join('\r\n');

  it.each(offsetConventions)('recognises selections counted as %s', (convention) => {
    const choice = detectConvention([{ text: long, selections: selectionsIn(long, convention) }]);
    expect(choice.decided).toBe(true);
    expect(choice.convention).toBe(convention);
  });

  it('takes the standard when the text cannot tell the conventions apart', () => {
    const plain = 'No line breaks or emoji here at all.';
    const choice = detectConvention([{ text: plain, selections: selectionsIn(plain, 'utf16') }]);
    expect(choice).toMatchObject({ convention: 'code-points', decided: false });
  });

  it('uses a selection named after its text', () => {
    const source = 'Tea 😀 or coffee, then toast.';
    // "coffee, then" starts and ends on word boundaries under both conventions' readings? Only the name tells.
    const at = source.indexOf('or coffee');
    const s = { start: countIn(source, 'utf16', at), end: countIn(source, 'utf16', at + 'or coffee'.length), name: 'or coffee' };
    expect(detectConvention([{ text: source, selections: [s] }]).convention).toBe('utf16');
  });

  it('scores spans that split a character or a word as implausible', () => {
    const source = 'ab😀cd';
    expect(spanPlausibility(source, 0, 2)).toBe(2);
    expect(spanPlausibility(source, 0, 3)).toBeLessThan(0);
    expect(spanPlausibility(source, 1, 2)).toBe(0);
    expect(spanPlausibility(source, 0, 99)).toBeLessThan(-3);
    expect(spanPlausibility(source, 2, 2)).toBeLessThan(-3);
  });
});
