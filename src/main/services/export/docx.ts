// A document as a Word file, with the `docx` library: a title page, then the content with the
// document's title in the header and "Page n of m" in the footer; a coded passage is set beside a
// bar in its code's colour, a code's heading carries a swatch of it.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, ExportDocument, Inline } from '../../../shared/domain/export/document';

const BODY_FONT = 'Cambria';
const HEADING_FONT = 'Calibri';
const MUTED = '57606A';
const hex = (colour: string) => (/^#[0-9a-f]{6}$/i.test(colour) ? colour.slice(1).toUpperCase() : '999999');

function runs(inlines: readonly Inline[], base: { size?: number; color?: string; italics?: boolean } = {}): TextRun[] {
  return inlines.map(
    (run) =>
      new TextRun({
        text: run.text,
        italics: run.italic || base.italics,
        bold: run.bold,
        smallCaps: run.smallCaps,
        superScript: run.superscript,
        subScript: run.subscript,
        size: base.size,
        color: base.color,
      }),
  );
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blockParagraphs(block: Exclude<Block, { kind: 'title' }>): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[block.level],
          keepNext: true,
          children: [...(block.colour ? [new TextRun({ text: '■ ', color: hex(block.colour) })] : []), new TextRun(block.text)],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: runs(block.runs, block.tone === 'muted' ? { color: MUTED, italics: true } : {}) })];
    case 'passage': {
      // The passage and its notes share one left border in the code's colour, so they read as one block.
      const border = { left: { style: BorderStyle.SINGLE, size: 36, color: hex(block.colour), space: 10 } };
      const indent = { left: 280 };
      return [
        ...block.text.split('\n').map((line) => new Paragraph({ border, indent, keepLines: true, keepNext: true, spacing: { before: 0, after: 40 }, children: [new TextRun(line)] })),
        new Paragraph({
          border,
          indent,
          keepNext: block.notes.length > 0,
          spacing: { after: block.notes.length > 0 ? 40 : 200 },
          children: [new TextRun({ text: block.where, size: 16, color: MUTED, font: HEADING_FONT })],
        }),
        ...block.notes.map(
          (note, index) =>
            new Paragraph({
              border,
              indent,
              keepNext: index < block.notes.length - 1,
              spacing: { after: index === block.notes.length - 1 ? 200 : 40 },
              children: [new TextRun({ text: `${note.label.toUpperCase()}  `, bold: true, size: 16, color: MUTED, font: HEADING_FONT }), new TextRun({ text: note.text, size: 20 })],
            }),
        ),
      ];
    }
    case 'list':
      return block.items.flatMap((item) => [
        new Paragraph({ numbering: { reference: 'bullets', level: 0 }, spacing: { after: 40 }, children: runs(item.runs) }),
        ...(item.details ?? []).map((line) => new Paragraph({ indent: { left: 1080 }, spacing: { after: 40 }, children: runs(line, { size: 19, color: '3D444D' }) })),
      ]);
    case 'references':
      return block.entries.map((entry) => new Paragraph({ indent: { left: 567, hanging: 567 }, spacing: { after: 100 }, children: runs(entry) }));
    case 'table': {
      const cell = (text: string, header: boolean) =>
        new TableCell({
          shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F0F2F4' } : undefined,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 18 })] })],
        });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: block.header.map((h) => cell(h, true)) }), ...block.rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) }))],
        }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

function titlePage(block: Extract<Block, { kind: 'title' }>): Paragraph[] {
  return [
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: block.subtitle.toUpperCase(), font: HEADING_FONT, size: 22, color: MUTED, characterSpacing: 40 })] }),
    new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: block.title, font: HEADING_FONT, size: 56, bold: true })] }),
    ...block.lines.map((line) => new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: line, color: MUTED, size: 24 })] })),
  ];
}

export async function renderDocx(doc: ExportDocument): Promise<Buffer> {
  const [first, ...rest] = doc.blocks;
  const title = first?.kind === 'title' ? first : undefined;
  const body = (title ? rest : doc.blocks) as Array<Exclude<Block, { kind: 'title' }>>;
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: MUTED, font: HEADING_FONT })],
      }),
    ],
  });
  const header = new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.title, size: 16, color: MUTED, font: HEADING_FONT })] })] });
  const document = new Document({
    title: doc.title,
    creator: 'Quarry',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 22 }, paragraph: { spacing: { line: 290 } } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 480, after: 160 } } },
        heading2: { run: { font: HEADING_FONT, size: 26, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading3: { run: { font: HEADING_FONT, size: 22, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 240, after: 100 } } },
      },
    },
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }],
    },
    sections: [
      ...(title ? [{ properties: { verticalAlign: VerticalAlign.CENTER }, children: titlePage(title) }] : []),
      { properties: {}, headers: { default: header }, footers: { default: footer }, children: body.flatMap(blockParagraphs) },
    ],
  });
  return Packer.toBuffer(document);
}
