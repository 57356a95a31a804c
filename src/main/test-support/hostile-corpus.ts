// Hostile and broken input for every importer, written into a folder: what a stranger's files,
// a damaged disk or an attacker could hand Quarry. The import suite (hostile-corpus.test.ts)
// and `npm run bench:hostile` run each file through the real import. Large and binary files
// are made here rather than committed: zip and deflate bombs are built from repeated
// full-flushed deflate blocks, so a gigabyte of expansion costs a megabyte and no compression.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { seededRandom } from '../../shared/random';

/** What importing a file must come to: a source whose text contains something, or a refusal saying why. */
export type Outcome = { imports: true; contains: string } | { refused: RegExp };

export interface HostileFile {
  name: string;
  /** The kind of attack or damage, as reports group them. */
  attack: string;
  expect: Outcome;
  /** Exists only as a path (a FIFO, a device, a link): nothing can upload it, so only reading from disk is tried. */
  pathOnly?: true;
}

const MB = 1024 * 1024;
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const imports = (contains: string): Outcome => ({ imports: true, contains });
const refused = (message: RegExp): Outcome => ({ refused: message });

// ---- deflate bombs -------------------------------------------------------------------------

interface Deflated {
  data: Buffer;
  size: number;
  crc: number;
}

/**
 * Raw deflate of `head`, then `chunk` repeated `times`, then `tail`. Each part is compressed on
 * its own and ends with a full flush, which resets the compressor, so the parts concatenate
 * into one valid stream: the chunk is compressed once however often it repeats.
 */
function repeatedDeflate(head: Buffer, chunk: Buffer, times: number, tail: Buffer): Deflated {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const block = deflateRawSync(chunk, flush);
  const parts = [deflateRawSync(head, flush), ...Array.from({ length: times }, () => block), deflateRawSync(tail, { level: 9 })];
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
  return { data: Buffer.concat(parts), size: head.length + chunk.length * times + tail.length, crc: crc32(tail, crc) };
}

/** A zlib stream (as a PDF's FlateDecode holds) of `megabytes` of spaces, in about a thousandth of that. */
function zlibSpaces(megabytes: number): Buffer {
  const { data, size } = repeatedDeflate(Buffer.alloc(0), Buffer.alloc(MB, 0x20), megabytes, Buffer.alloc(0));
  // Adler-32 of n spaces: a = 1 + 32n, b = n + 32·n(n+1)/2, both mod 65521.
  const n = BigInt(size);
  const a = (1n + 32n * n) % 65521n;
  const b = (n + 16n * n * (n + 1n)) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0xda]), data, adler]);
}

// ---- zip files -----------------------------------------------------------------------------

interface ZipEntry {
  name: string;
  data?: Buffer;
  /** Already deflated content, with the real size and CRC of what it expands to. */
  deflated?: Deflated;
  /** A size to declare instead of the real one, as a lying archive does. */
  declaredSize?: number;
}

/** A zip archive written byte by byte, so entries may carry any name or declared size. */
function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8(entry.name);
    const content = entry.deflated ?? { ...deflate(entry.data ?? Buffer.alloc(0)) };
    const size = entry.declaredSize ?? content.size;
    const fields = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // names are UTF-8
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt32LE(0, at + 6); // time and date
      header.writeUInt32LE(content.crc, at + 10);
      header.writeUInt32LE(content.data.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, content.data);
    centrals.push(central, name);
    offset += local.length + name.length + content.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function deflate(data: Buffer): Deflated {
  return { data: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const paragraphXml = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const documentXml = (body: string, prolog = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

/** A minimal Word document: the three parts Word and mammoth need, and any others. */
function docx(document: ZipEntry | string, others: ZipEntry[] = []): Buffer {
  const main = typeof document === 'string' ? { name: 'word/document.xml', data: utf8(document) } : document;
  return zip([{ name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) }, { name: '_rels/.rels', data: utf8(RELS) }, main, ...others]);
}

// ---- PDF files -----------------------------------------------------------------------------

/** A PDF written object by object (object n is objects[n - 1]), with a correct cross-reference table unless `trailer` says otherwise. */
export function pdf(objects: ReadonlyArray<string | Buffer>, trailer = ''): Buffer {
  const parts: Buffer[] = [utf8('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([utf8(`${i + 1} 0 obj\n`), typeof body === 'string' ? utf8(body) : body, utf8('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(utf8(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export const stream = (content: Buffer | string, dictionary = ''): Buffer => {
  const data = typeof content === 'string' ? utf8(content) : content;
  return Buffer.concat([utf8(`<< /Length ${data.length} ${dictionary}>>\nstream\n`), data, utf8('\nendstream')]);
};
const textContent = (text: string): string => `BT /F1 11 Tf 72 720 Td (${text}) Tj ET`;
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** One page per content stream: catalog 1, pages 2, font 3, then each page and its content. */
function pagesPdf(contents: ReadonlyArray<string | Buffer>, options: { count?: number; kids?: string } = {}): Buffer {
  const pageObjects = contents.flatMap((content, i) => [
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    typeof content === 'string' ? stream(content) : content,
  ]);
  const kids = options.kids ?? contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  return pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${options.count ?? contents.length} >>`, FONT, ...pageObjects]);
}

async function studyPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.TimesRoman);
  for (let number = 1; number <= 3; number++) {
    const page = document.addPage([420, 595]);
    for (let line = 0; line < 30; line++) page.drawText(`Page ${number}, line ${line}: harbour traders kept ledgers of every crate.`, { x: 40, y: 540 - line * 16, size: 10, font });
  }
  return Buffer.from(await document.save());
}

async function studyDocx(): Promise<Buffer> {
  const paragraphs = Array.from({ length: 40 }, (_, i) => new Paragraph(`Paragraph ${i}: harbour traders kept ledgers of every crate they shipped.`));
  const document = new Document({ sections: [{ children: [new Paragraph({ text: 'Harbour ledgers', heading: HeadingLevel.HEADING_1 }), ...paragraphs] }] });
  return Buffer.from(await Packer.toBuffer(document));
}

/** The same bytes with `count` of them, from `from` on, replaced by random ones. */
function corrupt(bytes: Buffer, from: number, count: number, seed: number): Buffer {
  const random = seededRandom(seed);
  const copy = Buffer.from(bytes);
  for (let i = 0; i < count; i++) copy[from + Math.floor(random() * (copy.length - from))] = Math.floor(random() * 256);
  return copy;
}

function randomBytes(length: number, seed: number): Buffer {
  const random = seededRandom(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

// ---- the corpus ----------------------------------------------------------------------------

const NOT_TEXT = /is not a text file \(it contains binary data\)/;
const NO_TEXT = /contains no text to import/;
const NOT_WORD = /is not a valid Word document/;
const NOT_PDF = /is not (?:a valid PDF file|a PDF file)/;
const DOCTYPE = /has a document type declaration declaring XML entities in word\/document\.xml/;
const NESTED = /more than 200 levels deep/;
const TOO_MUCH_TEXT = /holds more than 10,000,000 characters of text/;

const SENTENCE = 'The harbour café sold “local” goods for €5.';

export interface HostileCorpus {
  files: HostileFile[];
  /** Stops listening on the corpus's socket file. */
  close(): Promise<void>;
}

/** Writes the corpus into `dir` (which must exist and be empty) and says what each file must come to. */
export async function writeHostileCorpus(dir: string): Promise<HostileCorpus> {
  const files: HostileFile[] = [];
  const add = (name: string, attack: string, expect: Outcome, content: Buffer | string): void => {
    writeFileSync(join(dir, name), content);
    files.push({ name, attack, expect });
  };
  const study = { pdf: await studyPdf(), docx: await studyDocx() };

  // Text encodings: every one of these is a genuine text file and must import.
  const utf16le = Buffer.from(`${SENTENCE}\r\nSecond line.\r\n`, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  add('utf16le-bom.txt', 'UTF-16 with BOM', imports(SENTENCE), Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]));
  add('utf16be-bom.txt', 'UTF-16 with BOM', imports(SENTENCE), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]));
  add('utf16le-no-bom.txt', 'UTF-16 without BOM', imports(SENTENCE), utf16le);
  add('utf16be-no-bom.txt', 'UTF-16 without BOM', imports(SENTENCE), utf16be);
  add('utf16le-no-bom-cyrillic.md', 'UTF-16 without BOM', imports('Портовые торговцы'), Buffer.from('# Порт\n\nПортовые торговцы вели книги учёта.\n', 'utf16le'));
  add('utf16le-no-bom-chinese.txt', 'UTF-16 without BOM', imports('港口商人'), Buffer.from('港口商人记录了每一箱货物。\r\n第二行。\r\n', 'utf16le'));
  add('utf16le-no-bom.html', 'UTF-16 without BOM', imports(SENTENCE), Buffer.from(`<html><body><p>${SENTENCE}</p></body></html>`, 'utf16le'));
  add('latin1.txt', 'Latin-1', imports('café à Montréal'), Buffer.from('Le café à Montréal.\n', 'latin1'));
  add('windows-1252.txt', 'windows-1252', imports('“local”'), Buffer.concat([utf8('They sold '), Buffer.from([0x93]), utf8('local'), Buffer.from([0x94]), utf8(' goods.')]));
  add('utf8-bom.md', 'UTF-8 with BOM', imports(SENTENCE), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(`# Notes\n\n${SENTENCE}\n`)]));
  add('utf16le-bom-lone-surrogates.txt', 'lone surrogates', imports('Ledger'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ledger \ud800 entry \udc00 end.', 'utf16le')]));

  // Binary data under text names, empty and blank files.
  add('binary-garbage.txt', 'binary under a text name', refused(NOT_TEXT), randomBytes(256 * 1024, 1));
  add('binary-garbage.md', 'binary under a text name', refused(NOT_TEXT), randomBytes(64 * 1024, 2));
  add('binary-garbage.html', 'binary under a text name', refused(NOT_TEXT), randomBytes(64 * 1024, 3));
  add('png-image.txt', 'binary under a text name', refused(NOT_TEXT), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), randomBytes(4096, 4)]));
  add('zeros.txt', 'binary under a text name', refused(NOT_TEXT), Buffer.alloc(MB));
  add('pdf-as-text.md', 'binary under a text name', refused(NOT_TEXT), study.pdf);
  add('docx-as-text.txt', 'binary under a text name', refused(NOT_TEXT), study.docx);
  add('controls-only.txt', 'control characters', refused(NO_TEXT), Buffer.from(Array.from({ length: 4096 }, (_, i) => [1, 2, 3, 7, 8, 0x1b, 0x7f][i % 7]!)));
  for (const extension of ['txt', 'md', 'html', 'docx', 'pdf']) {
    const expectation = extension === 'docx' ? NOT_WORD : extension === 'pdf' ? NOT_PDF : NO_TEXT;
    add(`empty.${extension}`, 'empty file', refused(expectation), Buffer.alloc(0));
  }
  add('blank.txt', 'empty file', refused(NO_TEXT), ' \r\n\t\n   \n'.repeat(1000));

  // Long lines: a 5 MB line is a (strange) source; a 50 MB one is past the text-file limit.
  add('line-5mb.txt', 'long line', imports('ledger ledger'), 'ledger '.repeat((5 * MB) / 7));
  add('line-50mb.txt', 'long line', refused(/is 50 MB; Quarry imports text files \(\.txt\) of up to 40 MB/), 'crate '.repeat((50 * MB) / 6));
  add('text-12-million-chars.md', 'long text', refused(TOO_MUCH_TEXT), `# Ledger\n\n${`${'Crates were counted. '.repeat(20)}\n\n`.repeat(30_000)}`);
  add('markdown-2mb-paragraph.md', 'long line', refused(/has a paragraph of 2,\d{3},\d{3} characters with no blank line in it/), `${'Crates were counted. '.repeat(100_000)}\n`);

  // Deeply nested Markdown and HTML.
  add('markdown-2000-nested-lists.md', 'deep nesting', refused(NESTED), Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'));
  add('markdown-nested-lists-one-line.md', 'deep nesting', refused(NESTED), `${'- '.repeat(5000)}item\n`);
  add('markdown-10000-quotes.md', 'deep nesting', refused(NESTED), `${'>'.repeat(10_000)} quoted\n`);
  add('markdown-100000-brackets.md', 'deep nesting', imports('['), `Text ${'['.repeat(100_000)} more.\n`);
  add('markdown-50000-emphasis.md', 'deep nesting', imports('a'), `${'*a **b '.repeat(50_000)}\n`);
  add('markdown-100000-backticks.md', 'deep nesting', imports('code'), `Some ${'`'.repeat(100_000)} code\n`);
  add('markdown-raw-html-divs.md', 'deep nesting', refused(NESTED), `Intro.\n\n${'<div>'.repeat(50_000)}deep${'</div>'.repeat(50_000)}\n`);
  add('markdown-legit-nesting.md', 'deep nesting', imports('level 12'), Array.from({ length: 13 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'));
  add('html-100000-nested-divs.html', 'deep nesting', refused(NESTED), `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`);
  add('html-100000-nested-spans-unclosed.html', 'deep nesting', refused(NESTED), `<p>${'<span>x'.repeat(100_000)}</p>`);
  add('html-100000-unclosed-paragraphs.html', 'deep nesting', imports('paragraph 99999'), Array.from({ length: 100_000 }, (_, i) => `<p>paragraph ${i}`).join('\n'));
  add('html-stray-closing-tags.html', 'malformed markup', imports('text'), `<div><p>text${'</b></i></span>'.repeat(100_000)}</p></div>`);
  add('html-unterminated-comment.html', 'malformed markup', refused(NO_TEXT), `<html><body><!-- ${'never closed '.repeat(10_000)}`);
  add('html-script-only.html', 'malformed markup', refused(NO_TEXT), `<script>${'var x = "<p>not text</p>";'.repeat(100_000)}</script>`);
  add('html-entity-flood.html', 'malformed markup', imports('&&&'), `<p>${'&amp;'.repeat(1_000_000)}</p>`);

  // Word documents: damaged, bombs, XML attacks, hostile names.
  add('docx-truncated.docx', 'truncated .docx', refused(NOT_WORD), study.docx.subarray(0, Math.floor(study.docx.length / 2)));
  add('docx-corrupted.docx', 'corrupted .docx', refused(NOT_WORD), corrupt(study.docx, 100, 200, 5));
  add('docx-not-a-zip.docx', 'corrupted .docx', refused(/it is not a \.docx zip container/), 'This is plain text pretending to be Word.');
  add('docx-zip-without-document.docx', 'corrupted .docx', refused(/holds no document/), zip([{ name: 'notes.txt', data: utf8('hello') }]));
  add('docx-malformed-xml.docx', 'corrupted .docx', refused(/its XML is malformed/), docx(documentXml('<w:p><w:r><w:t>unclosed</w:r></w:body>')));
  const bomb = repeatedDeflate(utf8(documentXml('').split('<w:body>')[0] + '<w:body>'), utf8(paragraphXml('Crates were counted again. ').repeat(MB / 60)), 300, utf8('</w:body></w:document>'));
  add('docx-zip-bomb-300mb.docx', 'zip bomb', refused(/word\/document\.xml alone would take 3\d\d MB, over the limit of 10 MB/), docx({ name: 'word/document.xml', deflated: bomb }));
  add('docx-zip-bomb-lying-size.docx', 'zip bomb', refused(NOT_WORD), docx({ name: 'word/document.xml', deflated: bomb, declaredSize: 10_000 }));
  add('docx-10000-entries.docx', 'zip entry count', refused(/holds 10,003 files in its zip container/), docx(documentXml(paragraphXml('Many parts.')), Array.from({ length: 10_000 }, (_, i) => ({ name: `word/media/image${i}.bin`, data: utf8('x') }))));
  const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;
  add('docx-billion-laughs.docx', 'entity expansion', refused(DOCTYPE), docx(documentXml(paragraphXml('&lol9;'), laughs)));
  add('docx-external-entity.docx', 'external entity', refused(DOCTYPE), docx(documentXml(paragraphXml('&secret;'), '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>')));
  add('docx-parameter-entity.docx', 'external entity', refused(DOCTYPE), docx(documentXml(paragraphXml('x'), '<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>')));
  add('docx-zip-slip.docx', 'zip-slip name', refused(/names a file outside itself \(\.\.\/\.\.\/evil\.sh\)/), docx(documentXml(paragraphXml('Slip.')), [{ name: '../../evil.sh', data: utf8('rm -rf ~') }]));
  add('docx-absolute-name.docx', 'zip-slip name', refused(/names a file outside itself \(\/etc\/cron\.d\/evil\)/), docx(documentXml(paragraphXml('Slip.')), [{ name: '/etc/cron.d/evil', data: utf8('* * * * * evil') }]));
  add('docx-deep-xml.docx', 'deep nesting', refused(/nests the XML of word\/document\.xml more than 200 levels deep/), docx(documentXml(`${'<w:sdt><w:sdtContent>'.repeat(20_000)}${paragraphXml('deep')}${'</w:sdtContent></w:sdt>'.repeat(20_000)}`)));
  add('docx-legit.docx', 'valid .docx', imports('harbour traders kept ledgers'), study.docx);

  // PDFs: damaged, loops, page counts, bombs.
  add('pdf-truncated.pdf', 'truncated .pdf', refused(NOT_PDF), study.pdf.subarray(0, Math.floor(study.pdf.length / 2)));
  add('pdf-corrupted.pdf', 'corrupted .pdf', refused(NOT_PDF), corrupt(study.pdf, 400, 400, 6));
  add('pdf-header-only.pdf', 'truncated .pdf', refused(NOT_PDF), '%PDF-1.7\n');
  add('pdf-garbage-after-header.pdf', 'corrupted .pdf', refused(NOT_PDF), Buffer.concat([utf8('%PDF-1.4\n'), randomBytes(200 * 1024, 7)]));
  add('pdf-html-inside.pdf', 'corrupted .pdf', refused(/does not start with a PDF header/), '<html><body>Not a PDF</body></html>');
  const xrefLoop = pagesPdf([textContent('Looped xref')]);
  const startxref = Number(/startxref\n(\d+)/.exec(xrefLoop.toString('latin1'))![1]);
  add('pdf-xref-loop.pdf', 'PDF xref loop', imports('Looped xref'), Buffer.from(xrefLoop.toString('latin1').replace('/Root 1 0 R ', `/Root 1 0 R /Prev ${startxref} `), 'latin1'));
  // The loop leads back to the page tree; the one real page in it is read.
  add('pdf-page-tree-loop.pdf', 'PDF page-tree loop', imports('Kid loop'), pagesPdf([textContent('Kid loop')], { kids: '2 0 R 4 0 R', count: 2 }));
  add('pdf-count-one-billion.pdf', 'huge page count', imports('Only page'), pagesPdf([textContent('Only page')], { count: 1_000_000_000 }));
  add('pdf-20000-pages.pdf', 'huge page count', refused(/has 20,000 pages; Quarry imports PDFs of up to 5,000 pages/), pagesPdf(Array.from({ length: 20_000 }, (_, i) => textContent(`Page ${i + 1}`))));
  add('pdf-flate-bomb-1gb.pdf', 'flate bomb', refused(/needed more memory to read than Quarry gives one file/), pagesPdf([stream(zlibSpaces(1024), '/Filter /FlateDecode ')]));
  add('pdf-flate-bomb-double.pdf', 'flate bomb', refused(/needed more memory to read than Quarry gives one file/), pagesPdf([stream(deflateRawSyncZlib(zlibSpaces(1024)), '/Filter [/FlateDecode /FlateDecode] ')]));
  add('pdf-nested-arrays.pdf', 'deep nesting', refused(/has no text layer|is not a valid PDF file/), pagesPdf([`${'['.repeat(100_000)}${']'.repeat(100_000)} ${textContent('')}`]));
  // 2,000 lines of 100 tiny words, all within the page (text outside it is not the page's).
  const tinyWords = Array.from({ length: 2_000 }, (_, line) => `1 0 0 1 10 ${(780 - line * 0.38).toFixed(2)} Tm ${Array.from({ length: 100 }, (_, i) => `(w${line * 100 + i} ) Tj`).join(' ')}`);
  add('pdf-200000-text-items.pdf', 'many objects', imports('w199999'), pagesPdf([`BT /F1 0.3 Tf ${tinyWords.join('\n')} ET`]));
  add('pdf-form-xobject-loop.pdf', 'PDF object loop', imports('Before the loop'), pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /X 6 0 R >> >> /Contents 5 0 R >>',
    stream(`${textContent('Before the loop')} /X Do`),
    stream('/X Do', '/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X 6 0 R >> >> '),
  ]));
  add('pdf-password.pdf', 'encrypted .pdf', refused(/is protected by a password/), pdf(
    ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', FONT, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>', stream('BT ET'), `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`],
    `/Encrypt 6 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] `,
  ));
  add('pdf-no-text.pdf', 'no text layer', refused(/has no text layer/), pagesPdf(['0 0 m 100 100 l S']));
  add('pdf-legit.pdf', 'valid .pdf', imports('harbour traders kept ledgers'), study.pdf);

  // What is not a regular file is refused before anything is read from it.
  const pathOnly = (name: string, attack: string, expect: Outcome, make: (path: string) => void): void => {
    make(join(dir, name));
    files.push({ name, attack, expect, pathOnly: true });
  };
  pathOnly('fifo.txt', 'FIFO', refused(/is a named pipe \(FIFO\), not an ordinary file/), (path) => execFileSync('mkfifo', [path]));
  pathOnly('dev-zero-link.txt', 'device file', refused(/is a device, not an ordinary file/), (path) => symlinkSync('/dev/zero', path));
  pathOnly('dev-urandom-link.pdf', 'device file', refused(/is a device, not an ordinary file/), (path) => symlinkSync('/dev/urandom', path));
  pathOnly('dev-null-link.docx', 'device file', refused(/is a device, not an ordinary file/), (path) => symlinkSync('/dev/null', path));
  pathOnly('link-loop.md', 'symlink', refused(/is a link that leads round in a circle/), (path) => {
    symlinkSync(join(dir, 'link-loop-2.md'), path);
    symlinkSync(path, join(dir, 'link-loop-2.md'));
  });
  pathOnly('dangling-link.txt', 'symlink', refused(/could not be found/), (path) => symlinkSync(join(dir, 'nowhere.txt'), path));
  pathOnly('link-to-legit.pdf', 'symlink', imports('harbour traders kept ledgers'), (path) => symlinkSync(join(dir, 'pdf-legit.pdf'), path));
  pathOnly('folder.docx', 'folder', refused(/is a folder, not a file/), (path) => mkdirSync(path));
  // A socket file exists only while something listens on it, so the corpus keeps it open until closed.
  const socket = createServer();
  await new Promise<void>((resolve) => socket.listen(join(dir, 'socket.html'), resolve));
  files.push({ name: 'socket.html', attack: 'socket', expect: refused(/is a socket or a device with nothing behind it, not an ordinary file/), pathOnly: true });
  return { files, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}

/** A zlib stream of the given bytes: the outer layer of a bomb compressed twice. */
function deflateRawSyncZlib(data: Buffer): Buffer {
  const raw = deflateRawSync(data, { level: 9 });
  const adler = Buffer.alloc(4);
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), raw, adler]);
}
