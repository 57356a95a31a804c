import { describe, expect, it } from 'vitest';
import { extractBuffer } from './extract';
import { outline, marksOf } from './test-support';

const extractMarkdown = (markdown: string) => extractBuffer(new TextEncoder().encode(markdown), 'review.md');

describe('markdown', () => {
  it('keeps only the text of headings, emphasis, links, images and escapes', async () => {
    const doc = await extractMarkdown(
      [
        '# **Market notes**',
        '',
        'Online sales could pass \\$330 billion by 2030, *if* the __forecast__ holds.',
        'See [the survey](https://example.org/survey "Survey") and <https://example.org/data>.',
        '',
        '![A bar chart](chart.png)',
        '',
        'Setext heading',
        '--------------',
        '',
        'Contact: [ana@example.org](mailto:ana@example.org), code `a*b*c` and snake_case_name.',
      ].join('\n'),
    );
    expect(outline(doc)).toEqual([
      'h1 Market notes',
      'p Online sales could pass $330 billion by 2030, if the forecast holds. See the survey and https://example.org/data.',
      'h2 Setext heading',
      'p Contact: ana@example.org, code a*b*c and snake_case_name.',
    ]);
    expect(doc.title).toBe('Market notes');
    expect(doc.format).toBe('md');
  });

  it('makes each list item a list item with its bullet kept apart, and numbers kept in the text', async () => {
    const doc = await extractMarkdown(['Factors:', '', '- cheap phones', '* a growing', '  middle class', '', '1. ordered one', '2) ordered two', '', 'a) kept as written', '', 'b) also kept'].join('\n'));
    expect(outline(doc)).toEqual(['p Factors:', 'li1 • cheap phones', 'li1 • a growing middle class', 'li1 1. ordered one', 'li1 2. ordered two', 'p a) kept as written', 'p b) also kept']);
  });

  it('handles quotes, tables, fenced code, rules, inline HTML, entities and hard breaks', async () => {
    const doc = await extractMarkdown(
      [
        '> Quoted *words*',
        '> go on.',
        '',
        '| Year | Share |',
        '| ---- | ----: |',
        '| 2021 | 14.3% |',
        '',
        '```ts',
        'const x = 1 < 2;',
        '```',
        '',
        '***',
        '',
        'Bangun<sup>1</sup> &amp; Andalia<sup>2</sup> &copy; AT&T  ',
        'next line',
      ].join('\n'),
    );
    expect(outline(doc)).toEqual(['quote Quoted words go on.', 'p Year', 'p Share', 'p 2021', 'p 14.3%', 'p const x = 1 < 2;', 'p Bangun1 & Andalia2 © AT&T\nnext line']);
  });

  it('leaves unmatched emphasis characters and bare brackets as literal text', async () => {
    const doc = await extractMarkdown(['p < .05* and 2 * 3 and [sic]', '', '**bold** and _under_ but file_name_here', '', '\\*not emphasis\\*'].join('\n'));
    expect(outline(doc)).toEqual(['p p < .05* and 2 * 3 and [sic]', 'p bold and under but file_name_here', 'p *not emphasis*']);
  });
});

describe('markdown emphasis', () => {
  it('keeps emphasis and links as marks at the right offsets, after accents are composed', async () => {
    const doc = await extractMarkdown('Cafe\u0301 *owners* said **no** to [the app](https://example.org) and `cash`.');
    expect(outline(doc)).toEqual(['p Café owners said no to the app and cash.']);
    expect(marksOf(doc)).toEqual(['emphasis: owners', 'strong: no', 'link: the app -> https://example.org', 'code: cash']);
  });
});
