import { describe, expect, it } from 'vitest';
import { extractBuffer } from './extract';
import { outline } from './test-support';

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
      'p Traders said prices rose “fast”.',
      'h3 Stalls',
      'p a) fruit',
      'p b) cloth',
      'p silk',
      'p Year',
      'p 2023',
      'p We open at six.',
      'p Loose inline text',
    ]);
    expect(doc.title).toBe('Café & market');
  });

  it('keeps the numbers of a numbered list, from its start, as plain text keeps them', async () => {
    const doc = await extractHtml('<ol><li>Mensah K. Scales.</li><li>Osei K. Weights.<ul><li>note</li></ul></li></ol><ol start="7"><li>Lee J. Errors.</li></ol>');
    expect(outline(doc)).toEqual(['p 1. Mensah K. Scales.', 'p 2. Osei K. Weights.', 'p note', 'p 7. Lee J. Errors.']);
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
