// Turning a file's bytes into a document's text. This is where untrusted input is parsed, so it
// runs in a worker thread (see index.ts); tests call it directly.
import { buildDocument, displayName, fileError } from './document';
import { docxToHtml } from './docx';
import { htmlToBlocks } from './html';
import { MAX_FILE_BYTES, MAX_TEXT_FILE_BYTES, megabytes } from './limits';
import { markdownToHtml } from './markdown';
import { pdfToBlocks } from './pdf';
import { plainTextToBlocks } from './plain-text';
import { decodeText } from './text-decoding';
import type { Block, ExtractedDocument, ReportProgress, SourceFormat } from './types';

const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

export const supportedExtensions: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

export function detectFormat(fileName: string): SourceFormat {
  const name = displayName(fileName);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const format = FORMAT_BY_EXTENSION[extension];
  if (format) return format;
  const what = extension ? `.${extension} files` : 'files without an extension';
  throw fileError('UNSUPPORTED', fileName, `cannot be imported: Quarry reads .txt, .md, .html, .docx and .pdf files, not ${what}.`);
}

/** Refuses a file too large for its format before any of it is parsed. */
export function checkFileSize(format: SourceFormat, byteLength: number, fileName: string): void {
  const text = format === 'txt' || format === 'md' || format === 'html';
  const limit = text ? MAX_TEXT_FILE_BYTES : MAX_FILE_BYTES;
  if (byteLength <= limit) return;
  const what = text ? `text files (.${format})` : 'files';
  throw fileError('UNSUPPORTED', fileName, `is ${megabytes(byteLength)}; Quarry imports ${what} of up to ${megabytes(limit)}. Split it into parts and import those.`);
}

async function readBlocks(format: SourceFormat, bytes: Uint8Array, fileName: string, report: ReportProgress): Promise<Block[]> {
  switch (format) {
    case 'txt':
      return plainTextToBlocks(decodeText(bytes, fileName));
    case 'md':
      return htmlToBlocks(markdownToHtml(decodeText(bytes, fileName), fileName), fileName);
    case 'html':
      return htmlToBlocks(decodeText(bytes, fileName), fileName);
    case 'docx':
      return htmlToBlocks(await docxToHtml(bytes, fileName), fileName);
    case 'pdf':
      return pdfToBlocks(bytes, fileName, report);
  }
}

/** Extracts the text of a file's bytes; `fileName` decides the format and names the file in errors. */
export async function extractBuffer(bytes: Uint8Array, fileName: string, report: ReportProgress = () => {}): Promise<ExtractedDocument> {
  const format = detectFormat(fileName);
  checkFileSize(format, bytes.byteLength, fileName);
  return buildDocument(format, fileName, await readBlocks(format, bytes, fileName, report));
}
