import { readFile } from 'node:fs/promises';
import { buildDocument, displayName, fileError } from './document';
import { docxToHtml } from './docx';
import { htmlToBlocks } from './html';
import { markdownToHtml } from './markdown';
import { pdfToBlocks } from './pdf';
import { plainTextToBlocks } from './plain-text';
import { decodeText } from './text-decoding';
import type { Block, ExtractedDocument, SourceFormat } from './types';

export type { ExtractedDocument, ExtractedPassage, SourceFormat } from './types';

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

async function readBlocks(format: SourceFormat, bytes: Uint8Array, fileName: string): Promise<Block[]> {
  switch (format) {
    case 'txt':
      return plainTextToBlocks(decodeText(bytes, fileName));
    case 'md':
      return htmlToBlocks(markdownToHtml(decodeText(bytes, fileName)));
    case 'html':
      return htmlToBlocks(decodeText(bytes, fileName));
    case 'docx':
      return htmlToBlocks(await docxToHtml(bytes, fileName));
    case 'pdf':
      return pdfToBlocks(bytes, fileName);
  }
}

/** Extracts the text of an uploaded file; `fileName` decides the format and names the file in errors. */
export async function extractBuffer(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  const format = detectFormat(fileName);
  return buildDocument(format, fileName, await readBlocks(format, bytes, fileName));
}

/** Reads pasted text as a plain-text file is read; `name` names it in errors (a paste of nothing but spaces). */
export function extractPlainText(text: string, name: string): ExtractedDocument {
  return buildDocument('txt', name, plainTextToBlocks(text));
}

/** Extracts the text of a file on disk. Reads only; nothing is written anywhere. */
export async function extractFile(filePath: string): Promise<ExtractedDocument> {
  detectFormat(filePath);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fileError('NOT_FOUND', filePath, 'could not be found; it may have been moved or deleted.', error);
    if (code === 'EISDIR') throw fileError('UNREADABLE', filePath, 'is a folder, not a file.', error);
    if (code === 'EACCES' || code === 'EPERM') throw fileError('UNREADABLE', filePath, 'cannot be read because permission was denied.', error);
    throw fileError('UNREADABLE', filePath, 'could not be read from disk.', error);
  }
  return extractBuffer(bytes, filePath);
}
