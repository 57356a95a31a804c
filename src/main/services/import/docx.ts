import mammoth from 'mammoth';
import { fileError } from './document';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

// Word's title style is the document's title, which the text model treats as a heading.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];
// Images are not text; skipping their base64 encoding keeps large documents fast.
// Mammoth ends each footnote with a "↑" link back to its reference: navigation, not text.
const FOOTNOTE_BACKLINK = /\s*<a href="#(?:footnote|endnote)-ref-[^"]*">\u2191<\/a>/g;
const DROP_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** Word document to HTML, so it shares the HTML reader's text model. */
export async function docxToHtml(bytes: Uint8Array, fileName: string): Promise<string> {
  if (!ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw fileError('UNREADABLE', fileName, 'is not a valid Word document (it is not a .docx zip container).');
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: DROP_IMAGES },
    );
    return result.value.replace(FOOTNOTE_BACKLINK, '');
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const problem = /main document part/i.test(message)
      ? 'is not a valid Word document (the zip container holds no document).'
      : 'is not a valid Word document (the zip container is damaged).';
    throw fileError('UNREADABLE', fileName, problem, error);
  }
}
