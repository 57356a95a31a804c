import lunr from 'lunr';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { Analyzer } from './analyzer';

const tokens = (analyzer: Analyzer, text: string): Array<[string, number, number]> => {
  const out: Array<[string, number, number]> = [];
  analyzer.tokenize(text, (lower, start, end) => out.push([lower, start, end]));
  return out;
};

describe('Analyzer', () => {
  const original = lunr.tokenizer.separator;
  afterEach(() => {
    lunr.tokenizer.separator = original;
  });

  it('splits text into the tokens lunr.tokenizer makes, for every character of the BMP', () => {
    let text = '';
    for (let c = 0; c < 0x10000; c++) text += `${String.fromCharCode(c)}a`;
    const mine = tokens(new Analyzer(), text).map(([lower]) => lower);
    expect(mine).toEqual(lunr.tokenizer(text).map((t) => t.toString()));
  });

  it('reports offsets into the original text and numbers tokens as lunr does', () => {
    const analyzer = new Analyzer();
    const text = '  Cross-border TRADE\tgrew ';
    expect(tokens(analyzer, text)).toEqual([
      ['cross', 2, 7],
      ['border', 8, 14],
      ['trade', 15, 20],
      ['grew', 21, 25],
    ]);
    const { starts, ends } = analyzer.tokenBounds(text, 2);
    expect([...starts]).toEqual([2, 8, 15]);
    expect([...ends]).toEqual([7, 14, 20]);
  });

  it('follows a custom lunr separator', () => {
    lunr.tokenizer.separator = /[\s/]+/;
    expect(tokens(new Analyzer(), 'a/b-c d').map(([lower]) => lower)).toEqual(['a', 'b-c', 'd']);
  });

  it("runs lunr's pipeline: trimming, stop words and stemming, searched terms stemmed only", () => {
    const analyzer = new Analyzer();
    expect(analyzer.indexTerms('"running,')).toEqual(['run']);
    expect(analyzer.indexTerms('the')).toEqual([]);
    expect(analyzer.searchTerms('the')).toEqual(['the']);
  });

  it('stems other languages through lunr-languages and refuses those it lacks', () => {
    expect(new Analyzer('de').indexTerms('häuser')).toEqual(['haus']);
    expect(new Analyzer('de').indexTerms('und')).toEqual([]);
    expect(() => new Analyzer('xx')).toThrow(AppError);
  });
});
