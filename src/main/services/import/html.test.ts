import { describe, expect, it } from 'vitest';
import { extractBuffer } from './extract';
import { marksOf, outline } from './test-support';

const extractHtml = (html: string, name = 'page.html') => extractBuffer(new TextEncoder().encode(html), name);

describe('html', () => {
  it('reads headings and block text, decodes entities and skips scripts, styles and navigation', async () => {
    const doc = await extractHtml(`<!doctype html><html><head><title>Ignored</title><style>p { color: red }</style></head>
      <body><nav><a href="/">Home</a></nav>
      <h2>Caf&eacute; &amp; market</h2>
      <p>Traders   said&nbsp;prices<br>rose &ldquo;fast&rdquo;.<script>document.write('<p>injected</p>')</script></p>
      <h3>Stalls</h3><ul><li>a) fruit</li><li>b) cloth<ul><li>silk</li></ul></li></ul>
      <table><tr><th>Year</th><td>2023</td></tr></table>
      <blockquote>We open at six.</blockquote>
      <div hidden>draft note</div><div>Loose <em>inline</em> text<img src="x.png" alt="photo"></div>
      </body></html>`);
    expect(outline(doc)).toEqual([
      'h2 Café & market',
      'p Traders said prices\nrose “fast”.',
      'h3 Stalls',
      'li1 • a) fruit',
      'li1 • b) cloth',
      'li2 ◦ silk',
      'p Year',
      'p 2023',
      'quote We open at six.',
      'p Loose inline text',
    ]);
    expect(doc.title).toBe('Café & market');
  });

  it('keeps the numbers of a numbered list, from its start, as plain text keeps them, as list items', async () => {
    const doc = await extractHtml('<ol><li>Mensah K. Scales.</li><li>Osei K. Weights.<ul><li>note</li></ul></li></ol><ol start="7"><li>Lee J. Errors.</li></ol>');
    expect(outline(doc)).toEqual(['li1 1. Mensah K. Scales.', 'li1 2. Osei K. Weights.', 'li2 ◦ note', 'li1 7. Lee J. Errors.']);
  });

  it('falls back to the file name for the title and tolerates unclosed tags', async () => {
    const doc = await extractHtml('<p>first<p>second <b>bold', 'Site visit.htm');
    expect(outline(doc)).toEqual(['p first', 'p second bold']);
    expect(doc).toMatchObject({ title: 'Site visit', format: 'html' });
  });

  it('refuses a page with no visible text', async () => {
    await expect(extractHtml('<html><script>x()</script></html>', 'blank.html')).rejects.toMatchObject({ code: 'UNREADABLE', message: "'blank.html' contains no text to import." });
  });
});

describe('emphasis and lists as data', () => {
  it('keeps emphasis, strong, code and links as marks over the text, never as markup', async () => {
    const doc = await extractHtml('<p>Prices <em>rose</em> and <strong>fell  <i>again</i></strong>; see <a href="https://example.org/x">the  data</a> or <code>x=1</code>.</p><p>next <b></b>one</p>');
    expect(outline(doc)).toEqual(['p Prices rose and fell again; see the data or x=1.', 'p next one']);
    expect(marksOf(doc).sort()).toEqual(['code: x=1', 'emphasis: again', 'emphasis: rose', 'link: the data -> https://example.org/x', 'strong: fell again']);
  });

  it('numbers ordered items from their start, nests lists and continues an item over its paragraphs', async () => {
    const doc = await extractHtml('<ol start="3"><li><p>three</p><p>more of three</p></li><li>four<ul><li>under four</li></ul>after</li></ol>');
    expect(outline(doc)).toEqual(['li1 3. three', 'li1 more of three', 'li1 4. four', 'li2 ◦ under four', 'li1 after']);
  });
});
