import { describe, expect, it } from 'vitest';
import { locateQuote } from './locate-quote';

describe('locateQuote', () => {
  const text = 'Members trusted the\ncooperative’s board more than any app. Prices (in USD) rose.';

  it('finds a passage pasted without its line breaks and with straight quotes', () => {
    const span = locateQuote(text, "  the cooperative's board  ");
    expect(span).not.toBeNull();
    expect(text.slice(span!.start, span!.end)).toBe('the\ncooperative’s board');
  });

  it('treats the passage as text, not as a pattern', () => {
    expect(locateQuote(text, 'Prices (in USD)')).toEqual({ start: text.indexOf('Prices'), end: text.indexOf(' rose') });
    expect(locateQuote(text, 'P.ices')).toBeNull();
  });

  it('finds nothing for an empty or absent passage', () => {
    expect(locateQuote(text, '   ')).toBeNull();
    expect(locateQuote(text, 'members of parliament')).toBeNull();
  });
});
