import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { AppError } from '../../../shared/api/errors';
import { fileError } from './document';
import { MAX_DOCX_EXPANDED_BYTES, MAX_DOCX_PART_BYTES, MAX_NESTING_DEPTH, MAX_ZIP_ENTRIES, count, megabytes } from './limits';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

// Word's title style is the document's title, which the text model treats as a heading.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];
// Images are not text; skipping their base64 encoding keeps large documents fast.
// Mammoth ends each footnote with a "↑" link back to its reference: navigation, not text.
const FOOTNOTE_BACKLINK = /\s*<a href="#(?:footnote|endnote)-ref-[^"]*">\u2191<\/a>/g;
const DROP_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

const notWord = (fileName: string, why: string): AppError => fileError('UNREADABLE', fileName, `is not a valid Word document (${why}).`);

function openZip(bytes: Uint8Array, fileName: string): Promise<yauzl.ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    // Entries are listed one by one, and each part is checked against its declared size as it is
    // expanded. The zip stays open after the listing, for the parts mammoth asks for later.
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, autoClose: false }, (error, zip) =>
      error || !zip ? reject(notWord(fileName, 'the zip container is damaged')) : resolve(zip),
    );
  });
}

/** The zip's table of contents, read before any part is expanded. */
function listEntries(zip: yauzl.ZipFile, fileName: string): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    return Promise.reject(
      fileError('UNSUPPORTED', fileName, `holds ${count(zip.entryCount)} files in its zip container; a Word document holds a few dozen, and Quarry reads up to ${count(MAX_ZIP_ENTRIES)}.`),
    );
  }
  const entries = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => {
      // yauzl checks names as it lists them: '../x' or '/etc/x' would write outside a folder it was unpacked into.
      const unsafe = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(error.message);
      reject(
        unsafe
          ? fileError('UNREADABLE', fileName, `is not a valid Word document: its zip container names a file outside itself (${unsafe[1]!.slice(0, 100)}), which Word never writes; it was not read.`)
          : notWord(fileName, 'the zip container is damaged'),
      );
    });
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, fileName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const damaged = (): void => reject(notWord(fileName, `the zip container is damaged at ${entry.fileName}`));
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(entry.isEncrypted() ? fileError('UNREADABLE', fileName, 'is encrypted; save it from Word without a password and import it again.') : damaged());
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', damaged);
    });
  });
}

/**
 * How deeply the elements of an XML text nest, counted up to `stopAbove`. Comments, CDATA,
 * declarations and quoted attribute values are stepped over, so what they hold is not counted.
 */
export function xmlDepth(xml: string, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const skipTo = xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<![CDATA[', i) ? ']]>' : xml[i + 1] === '?' || xml[i + 1] === '!' ? '>' : undefined;
    if (skipTo) {
      const end = xml.indexOf(skipTo, i + 2);
      if (end < 0) break;
      i = end;
      continue;
    }
    let end = i + 1;
    for (let quote = ''; end < xml.length; end++) {
      const char = xml[end];
      if (quote) {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '>') break;
    }
    if (xml[i + 1] === '/') depth--;
    else if (xml[end - 1] !== '/' && ++depth > deepest) {
      deepest = depth;
      if (deepest > stopAbove) break;
    }
    i = end;
  }
  return deepest;
}

/** Refuses XML that a Word document never contains and that is how XML parsers are attacked. */
function checkXml(xml: string, part: string, fileName: string): void {
  // OOXML forbids document type declarations; with them come entity expansion ("billion laughs")
  // and external entities (which read other files), so their mere presence refuses the file.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    const entities = /<!ENTITY/i.test(xml) ? ' declaring XML entities' : '';
    throw fileError(
      'UNSUPPORTED',
      fileName,
      `has a document type declaration${entities} in ${part}, which Word never writes and which is how XML entity-expansion and external-entity attacks work, so Quarry did not read it; open it in Word, save a copy and import that.`,
    );
  }
  if (xmlDepth(xml, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) {
    throw fileError('UNSUPPORTED', fileName, `nests the XML of ${part} more than ${count(MAX_NESTING_DEPTH)} levels deep, more than Quarry reads; it is probably generated or damaged.`);
  }
}

/**
 * The zip as mammoth reads it (its `file` input): each part is expanded only when mammoth asks for
 * it, after its declared size was checked against the limits, and XML is checked before mammoth
 * parses it.
 */
async function docxFile(bytes: Uint8Array, fileName: string) {
  const zip = await openZip(bytes, fileName);
  const entries = await listEntries(zip, fileName);
  let expanded = 0;
  return {
    exists: (name: string): boolean => entries.has(name),
    read: async (name: string, encoding?: string): Promise<Buffer | string> => {
      const entry = entries.get(name);
      if (!entry) throw notWord(fileName, `${name} is missing from the zip container`);
      const size = entry.uncompressedSize;
      if (size > MAX_DOCX_PART_BYTES || expanded + size > MAX_DOCX_EXPANDED_BYTES) {
        const [what, limit] = size > MAX_DOCX_PART_BYTES ? [`${name} alone`, MAX_DOCX_PART_BYTES] : ['its parts', MAX_DOCX_EXPANDED_BYTES];
        throw fileError('UNSUPPORTED', fileName, `expands to more than Quarry reads from one Word document: ${what} would take ${megabytes(size > MAX_DOCX_PART_BYTES ? size : expanded + size)}, over the limit of ${megabytes(limit)}; split it into parts and import those.`);
      }
      expanded += size;
      const data = await readEntry(zip, entry, fileName);
      if (!encoding) return data;
      if (encoding === 'base64') return data.toString('base64');
      const text = new TextDecoder(encoding).decode(data);
      if (/\.(?:xml|rels)$/i.test(name)) checkXml(text, name, fileName);
      return text;
    },
  };
}

/** Word document to HTML, so it shares the HTML reader's text model. */
export async function docxToHtml(bytes: Uint8Array, fileName: string): Promise<string> {
  if (!ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte)) throw notWord(fileName, 'it is not a .docx zip container');
  const file = await docxFile(bytes, fileName);
  try {
    // mammoth takes a zip it can read parts from as `file`; its type declarations list only paths and buffers.
    const input = { file } as unknown as { buffer: Buffer };
    const result = await mammoth.convertToHtml(input, { styleMap: STYLE_MAP, convertImage: DROP_IMAGES });
    return result.value.replace(FOOTNOTE_BACKLINK, '');
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : '';
    const problem = /main document part/i.test(message)
      ? 'the zip container holds no document'
      : /^(?:warning|error|fatalError): /.test(message)
        ? 'its XML is malformed'
        : 'the zip container is damaged';
    throw fileError('UNREADABLE', fileName, `is not a valid Word document (${problem}).`, error);
  }
}
