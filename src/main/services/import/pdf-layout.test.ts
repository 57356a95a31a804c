import { describe, expect, it } from 'vitest';
import { linesToBlocks, removeRunningText, type PdfLine } from './pdf-layout';

/** Body lines of one column (x 50-350, 10pt, 12pt leading) from the top of a page down. */
function column(page: number, texts: readonly (string | { text: string; right: number })[], top = 700): PdfLine[] {
  return texts.map((entry, i) => {
    const { text, right } = typeof entry === 'string' ? { text: entry, right: 350 } : entry;
    return { text, page, x: 50, right, y: top - i * 12, size: 10 };
  });
}

const texts = (lines: readonly PdfLine[]): string[] => linesToBlocks(lines).map((block) => block.text);

describe('removeRunningText', () => {
  it('drops heads and footers that repeat with changing numbers, and bare folios', () => {
    const pages = [1, 2, 3].flatMap((page) => [
      { text: `Journal of Small Trade, ${2020 + page}`, page, x: 50, right: 200, y: 780, size: 8 },
      ...column(page, [['Opening words.', 'Middle words.', 'Closing words.'][page - 1] ?? '']),
      { text: `Page ${page} of 3`, page, x: 180, right: 220, y: 40, size: 8 },
      { text: ['iv', '- 5 -', '12'][page - 1] ?? '', page, x: 300, right: 310, y: 30, size: 8 },
    ]);
    expect(removeRunningText(pages).map((line) => line.text)).toEqual(['Opening words.', 'Middle words.', 'Closing words.']);
  });

  it('keeps a line that only appears at the edge of one page', () => {
    const lines = [...column(1, ['A heading-like first line', 'and its body']), ...column(2, ['Another first line', 'more body'])];
    expect(removeRunningText(lines)).toHaveLength(4);
  });
});

describe('linesToBlocks', () => {
  it('ends a paragraph at a line that stops short, even without extra space below it', () => {
    const lines = column(1, ['The first paragraph runs across the column and', { text: 'ends here.', right: 120 }, 'The second starts on the very next baseline.']);
    expect(texts(lines)).toEqual(['The first paragraph runs across the column and ends here.', 'The second starts on the very next baseline.']);
  });

  it('treats a producer’s own hyphen characters as layout and plain hyphens as the author’s', () => {
    const lines = column(1, ['The platform counts digi\u2010', 'tal wallets and well-', 'known brands among its', 'cross\u00ad', 'border partners.']);
    expect(texts(lines)).toEqual(['The platform counts digital wallets and well-known brands among its crossborder partners.']);
  });

  it('judges plain hyphens by how the document spells the word elsewhere', () => {
    const lines = column(1, [
      'A long-term view: the long-', 'term plan, the inter-', 'national desk, the policy-',
      'makers and the policy makers, the data-', 'Sharing office and an in-', 'depth review.',
    ]);
    expect(texts(lines)).toEqual(['A long-term view: the long-term plan, the international desk, the policy-makers and the policy makers, the data-Sharing office and an indepth review.']);
  });

  it('keeps URLs whole when they wrap', () => {
    const lines = column(1, ['Retrieved from https://example.org/reports/e-', 'conomy-2023/full_', 'report.pdf and then', 'see https://example.org/a', 'website for more.']);
    expect(texts(lines)).toEqual(['Retrieved from https://example.org/reports/e-conomy-2023/full_report.pdf and then see https://example.org/a website for more.']);
  });

  it('continues a paragraph across pages unless the last line stopped short', () => {
    const lines = [
      ...column(1, ['This paragraph fills its last line on the page and']),
      ...column(2, ['Carries on here.', { text: 'This one ends.', right: 120 }]),
      ...column(3, ['New paragraph on a new page.']),
    ];
    expect(texts(lines)).toEqual(['This paragraph fills its last line on the page and Carries on here. This one ends.', 'New paragraph on a new page.']);
  });

  it('ranks headings by size and merges a heading that wraps', () => {
    const lines: PdfLine[] = [
      { text: 'A Study of', page: 1, x: 50, right: 200, y: 760, size: 20 },
      { text: 'Market Phones', page: 1, x: 50, right: 220, y: 736, size: 20 },
      { text: 'Background', page: 1, x: 50, right: 150, y: 710, size: 14 },
      ...column(1, ['Body text in the normal size for the document.'], 690),
      { text: 'RESULTS', page: 1, x: 50, right: 110, y: 660, size: 10 },
      ...column(1, ['More body text after the capitals heading line.'], 640),
    ];
    expect(linesToBlocks(lines)).toEqual([
      { kind: 'heading', level: 1, text: 'A Study of Market Phones' },
      { kind: 'heading', level: 2, text: 'Background' },
      { kind: 'paragraph', level: 0, text: 'Body text in the normal size for the document.' },
      { kind: 'heading', level: 3, text: 'RESULTS' },
      { kind: 'paragraph', level: 0, text: 'More body text after the capitals heading line.' },
    ]);
  });
});
