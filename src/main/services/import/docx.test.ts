import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractBuffer } from './extract';
import { appErrorOf, marksOf, outline } from './test-support';

async function wordFile(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('Two of the interviews were by phone.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Market Stalls and Phones', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Method', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun('We spoke with '), new TextRun({ text: 'twelve', bold: true }), new TextRun('   traders in Samarinda.'), new FootnoteReferenceRun(1)],
          }),
          new Paragraph({ text: 'Prices', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'cheaper handsets', bullet: { level: 0 } }),
          new Paragraph({ text: 'a) mobile payments', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Year')] }), new TableCell({ children: [new Paragraph('Sales')] })] }),
            ],
          }),
          new Paragraph(''),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('docx', () => {
  it('keeps headings, paragraphs, list items, table cells and footnotes as passages', async () => {
    const doc = await extractBuffer(await wordFile(), 'stalls.docx');
    expect(outline(doc)).toEqual([
      'h1 Market Stalls and Phones',
      'h1 Method',
      'p We spoke with twelve traders in Samarinda.[1]',
      'h2 Prices',
      'li1 • cheaper handsets',
      'li1 • a) mobile payments',
      'p Year',
      'p Sales',
      'li1 1. Two of the interviews were by phone.',
    ]);
    expect(marksOf(doc)).toEqual(['strong: twelve']);
    expect(doc).toMatchObject({ format: 'docx', title: 'Market Stalls and Phones' });
  });

  it('gives the same text every time', async () => {
    const bytes = await wordFile();
    expect(await extractBuffer(bytes, 'a.docx')).toEqual(await extractBuffer(bytes, 'a.docx'));
  });

  it('explains what is wrong with a file that is not a Word document', async () => {
    const notZip = await appErrorOf(() => extractBuffer(new TextEncoder().encode('just some notes'), 'notes.docx'));
    expect(notZip).toMatchObject({ code: 'UNREADABLE', message: "'notes.docx' is not a valid Word document (it is not a .docx zip container)." });

    const bytes = await wordFile();
    const truncated = await appErrorOf(() => extractBuffer(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.docx'));
    expect(truncated).toMatchObject({ code: 'UNREADABLE', message: "'cut.docx' is not a valid Word document (the zip container is damaged)." });

    const otherZip = zipSync({ 'readme.txt': new TextEncoder().encode('hello') });
    const noDocument = await appErrorOf(() => extractBuffer(otherZip, 'archive.docx'));
    expect(noDocument).toMatchObject({ code: 'UNREADABLE', message: "'archive.docx' is not a valid Word document (the zip container holds no document)." });
  });
});
