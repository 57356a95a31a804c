// The PDF path of the gold benchmark: each sampled manuscript is laid out as a reviewer's PDF would
// be (pandoc to HTML, Chromium's print to PDF: two columns for IEEE, justified and hyphenated text,
// Chromium's running head and foot with the title, date, file and page number), imported as the
// app imports a PDF, and scored against the gold of its plain text. The PDFs are built in a
// temporary folder, never kept. Needs pandoc and Chromium (QUARRY_CHROMIUM or /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractBuffer } from '../src/main/services/import/extract';
import { readGold, scoreImported, type ManuscriptResult } from './audit-gold';

const CHROMIUM = process.env['QUARRY_CHROMIUM'] ?? '/usr/bin/chromium';
const TWO_COLUMNS = new Set(['ieee']);

/** Why PDFs cannot be built here, or null when pandoc and Chromium both run. */
export function pdfToolsMissing(): string | null {
  for (const [tool, args] of [['pandoc', ['--version']], [CHROMIUM, ['--version']]] as const) {
    const run = spawnSync(tool, args, { encoding: 'utf8' });
    if (run.error || run.status !== 0) return `${tool} does not run (${run.error?.message ?? run.stderr.trim()}); install it or leave out --pdf.`;
  }
  return null;
}

/**
 * Soft hyphens in long words outside code and links, where Chromium may break a line and print a
 * hyphen: its own hyphenation needs dictionaries it downloads, which an offline machine lacks.
 */
function hyphenate(html: string): string {
  let verbatim = 0;
  return html
    .split(/(<[^>]+>)/u)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(?:code|pre|a)\b/iu.test(part)) verbatim += 1;
        if (/^<\/(?:code|pre|a)>/iu.test(part)) verbatim = Math.max(0, verbatim - 1);
        return part;
      }
      if (verbatim > 0) return part;
      return part.replace(/\p{L}{10,}/gu, (word) => word.replace(/(?<=^\p{L}{5}(?:\p{L}{4})*)(?=\p{L}{3})/gu, '\u00ad'));
    })
    .join('');
}

function page(title: string, body: string, columns: number): string {
  const css = [
    '@page { size: A4; margin: 20mm 16mm; }',
    `body { font: 10pt/1.35 "DejaVu Serif", serif; text-align: justify; hyphens: manual; column-count: ${columns}; column-gap: 8mm; }`,
    'h1 { font-size: 13pt; column-span: all; } h2, h3 { font-size: 11pt; } pre { white-space: pre-wrap; font-size: 8.5pt; }',
  ].join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head><body>${body}</body></html>`;
}

/** Lays one Markdown manuscript of the set out as a PDF in `work`, and returns the PDF's path. */
export function buildPdf(folder: string, file: string, work: string, title: string): string {
  const body = spawnSync('pandoc', ['-f', 'markdown', '-t', 'html5', join(folder, file)], { encoding: 'utf8' });
  if (body.status !== 0) throw new Error(`pandoc could not convert ${file}: ${body.stderr}`);
  const html = join(work, 'manuscript.html');
  const style = file.split('/')[0] ?? '';
  writeFileSync(html, page(title, hyphenate(body.stdout), TWO_COLUMNS.has(style) ? 2 : 1));
  const pdf = join(work, `${basename(file, '.md')}.pdf`);
  const print = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${pdf}`, pathToFileURL(html).href], { encoding: 'utf8', timeout: 120_000 });
  if (print.status !== 0) throw new Error(`Chromium could not print ${file}: ${print.stderr}`);
  return pdf;
}

/** Lays one Markdown manuscript out as a PDF and scores the audit of the PDF as the app imports it. */
export async function scorePdfManuscript(folder: string, file: string): Promise<ManuscriptResult> {
  const { gold, plain } = readGold(folder, file);
  const work = mkdtempSync(join(tmpdir(), 'quarry-pdf-'));
  try {
    const pdf = buildPdf(folder, file, work, `${gold.paper} (${file.split('/')[0] ?? ''})`);
    return scoreImported(gold, plain, await extractBuffer(readFileSync(pdf), pdf));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
