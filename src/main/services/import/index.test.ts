import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractBuffer } from './extract';
import { detectFormat, extractFile } from './index';
import { appErrorOf, outline } from './test-support';

describe('detectFormat', () => {
  it('maps extensions case-insensitively, ignoring folders', () => {
    expect(['a.txt', 'b.TEXT', 'c.md', 'd.Markdown', 'e.html', 'f.HTM', 'g.xhtml', '/x.y/h.docx', 'C:\\i.PDF'].map(detectFormat)).toEqual(['txt', 'txt', 'md', 'md', 'html', 'html', 'html', 'docx', 'pdf']);
  });

  it('refuses other formats with a sentence naming the file', async () => {
    const doc = await appErrorOf(async () => detectFormat('/home/ana/old thesis.doc'));
    expect(doc).toMatchObject({ code: 'UNSUPPORTED', message: "'old thesis.doc' cannot be imported: Quarry reads .txt, .md, .html, .docx and .pdf files, not .doc files." });
    const bare = await appErrorOf(async () => detectFormat('README'));
    expect(bare.message).toBe("'README' cannot be imported: Quarry reads .txt, .md, .html, .docx and .pdf files, not files without an extension.");
    expect((await appErrorOf(async () => detectFormat('.txt'))).code).toBe('UNSUPPORTED');
  });
});

describe('extractFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quarry-import-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file from disk exactly as extractBuffer reads its bytes', async () => {
    const bytes = new TextEncoder().encode('# Visit log\n\nWe met at the *market*.\n');
    const path = join(dir, 'visit.md');
    await writeFile(path, bytes);
    const fromDisk = await extractFile(path);
    expect(outline(fromDisk)).toEqual(['h1 Visit log', 'p We met at the market.']);
    expect(fromDisk).toEqual(await extractBuffer(bytes, 'visit.md'));
  });

  it('explains missing files, folders and unsupported names without reading them', async () => {
    expect(await appErrorOf(() => extractFile(join(dir, 'gone.txt')))).toMatchObject({ code: 'NOT_FOUND', message: "'gone.txt' could not be found; it may have been moved or deleted." });
    expect(await appErrorOf(() => extractFile(join(dir, 'notes.rtf')))).toMatchObject({ code: 'UNSUPPORTED' });
  });

  it('reports a folder with a document-like name as unreadable', async () => {
    await mkdir(join(dir, 'chapter.txt'));
    expect(await appErrorOf(() => extractFile(join(dir, 'chapter.txt')))).toMatchObject({ code: 'UNREADABLE', message: "'chapter.txt' is a folder, not a file." });
  });

  it('refuses content that does not match its extension', async () => {
    const pdfBytes = new TextEncoder().encode('%PDF-1.4 pretending');
    const zipBytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    expect(await appErrorOf(() => extractBuffer(pdfBytes, 'essay.docx'))).toMatchObject({ code: 'UNREADABLE', message: "'essay.docx' is not a valid Word document (it is not a .docx zip container)." });
    expect(await appErrorOf(() => extractBuffer(zipBytes, 'essay.html'))).toMatchObject({ code: 'UNREADABLE', message: "'essay.html' is not a text file (it contains binary data)." });
    expect(await appErrorOf(() => extractBuffer(zipBytes, 'essay.pdf'))).toMatchObject({ code: 'UNREADABLE', message: "'essay.pdf' is not a PDF file (it does not start with a PDF header)." });
  });
});
