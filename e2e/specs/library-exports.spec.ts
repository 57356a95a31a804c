import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { expect, test } from '../fixtures';

// The reference library and the exports, through the UI: a .bib is imported (with a duplicate to
// confirm and a malformed entry reported by line), and the sample project's annotated summary is
// saved in each of the four formats, each file then read back for what it must hold.

const bib = `@article{santoso2024,
  author = {Santoso, Budi},
  title = {Digital Diplomacy of {Indonesia} in Realizing Its Vision as the {ASEAN} Digital Economy Hub},
  journal = {Indonesian Journal of International Relations},
  year = {2024}, volume = {8}, number = {2}, pages = {334--353},
  doi = {10.32787/ijir.v8i2.575}
}

@book{creswell2007,
  author = {Creswell, John W.},
  title = {Qualitative Inquiry and Research Design: Choosing Among Five Approaches},
  publisher = {Sage}, address = {Thousand Oaks, CA}, year = {2007}
}

@article{broken,
  author = {Nobody, Anne},
  title = {An {unclosed brace},
  year = {2020}
}

@article{santoso2024again,
  author = {Santoso, B.},
  title = {Digital diplomacy of Indonesia in realizing its vision as the ASEAN digital economy hub},
  year = {2024},
  doi = {https://doi.org/10.32787/IJIR.V8I2.575}
}
`;

test('a researcher imports a .bib into the library, confirming the merge of a duplicate', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.getByText('The library is empty.')).toBeVisible();

  await page.getByLabel('Import references').setInputFiles({ name: 'zotero.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(bib) });
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('zotero.bib: 3 references to import');
  await expect(preview).toContainText('lines 15–19: @article{broken: its braces do not balance');
  const merge = preview.getByRole('checkbox', { name: /Merge line 21 .* into the record on line 1/ });
  await expect(merge).toBeChecked();
  await preview.getByRole('button', { name: 'Import' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'zotero.bib: 2 added, 1 merged, 1 skipped' })).toBeVisible();
  const table = page.getByRole('region', { name: 'References' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('Digital Diplomacy of Indonesia in Realizing Its Vision as the ASEAN Digital Economy Hub');
  await expect(table).toContainText('doi:10.32787/ijir.v8i2.575');

  // Formatted by citeproc in the chosen style (the first format builds citeproc's engine for the style: slow on a loaded machine).
  const bibliography = page.getByRole('list', { name: 'Bibliography' });
  await expect(bibliography).toContainText('Creswell, J. W. (2007). Qualitative Inquiry and Research Design: Choosing Among Five Approaches. Sage.', { timeout: 30_000 });
  await page.getByLabel('Citation style').selectOption('ieee');
  await expect(bibliography).toContainText('[1] J. W. Creswell, Qualitative Inquiry and Research Design');

  // And it is still there after a reload: it is in the project file.
  await page.reload();
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.getByRole('region', { name: 'References' }).getByRole('row')).toHaveCount(3);
});

interface SampleSpec {
  sources: Array<{ title: string }>;
  codings: Array<{ quote: string; code: string }>;
}
const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/sample/project.json'), 'utf8')) as SampleSpec;

/** The text of a PDF, page by page, as pdf.js reads it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''));
  }
  return pages.join('\n');
}

/** Whitespace as one space, none before punctuation: markup and line breaks leave spaces where text runs on. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/ ([.,;:)])/g, '$1');

for (const format of ['md', 'html', 'docx', 'pdf'] as const) {
  test(`the sample project's annotated summary is saved as ${format} and holds its sources, codes, passages and bibliography`, async ({ page, quarry }) => {
    expect(quarry.url).toContain('token=');
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('What').selectOption('summary');
    await dialog.getByLabel('Format').selectOption(format);
    await dialog.getByLabel('Citation style').selectOption('apa');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export annotated summary' }).click()]);
    expect(download.suggestedFilename()).toBe(`Indonesia's digital diplomacy and ASEAN e-commerce (sample) – annotated summary.${format}`);
    const bytes = readFileSync(await download.path());

    const text = flat(
      format === 'pdf'
        ? await pdfText(bytes)
        : format === 'docx'
          ? (await mammoth.extractRawText({ buffer: bytes })).value
          : format === 'html'
            ? bytes.toString('utf8').replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"')
            : // Markdown: emphasis markers and escapes taken off.
              bytes.toString('utf8').replace(/(?<!\\)\*+/g, '').replace(/\\([\\`*_[\]<>|])/g, '$1'),
    );
    expect(text.toLowerCase()).toContain('annotated summary');
    for (const source of sample.sources) expect(text, source.title).toContain(source.title);
    for (const coding of sample.codings) {
      // The code's path, as the codebook nests it, heads the passages coded with it.
      expect(text, coding.code).toContain(coding.code.replace('/', ' › '));
      expect(text, coding.quote).toContain(flat(coding.quote));
    }
    // A claim with its verdict, and the bibliography, formatted in APA.
    expect(text).toContain('Supported');
    expect(text).toContain('Bibliography');
    expect(text).toContain('Santoso. (2024). Digital Diplomacy of Indonesia in Realizing Its Vision');
    expect(text).toContain('Creswell. (2007). Qualitative Inquiry and research Design: Choosing Among Five Approaches.');
    // Page numbers: printed on every page of the PDF, fields in the Word file's footer.
    if (format === 'pdf') expect(text).toMatch(/Page 1 of \d+/);
    if (format === 'docx') {
      const footers = Object.entries(unzipSync(bytes)).filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
      expect(footers.map(([, xml]) => strFromU8(xml)).join('')).toMatch(/PAGE[\s\S]*NUMPAGES/);
    }
  });
}
