// Importing files, as the app and the CLI do it: files on disk are checked before they are read,
// and every file's bytes are parsed in a worker of the parser pool, so a hostile or broken file
// can fail its own import but never block, exhaust or crash the app.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { AppError } from '../../../shared/api/errors';
import type { JobProgress } from '../workers/jobs';
import { JobStopped, parserPool } from '../workers/pool';
import { buildDocument, fileError, tooMuchMemory } from './document';
import { checkFileSize, detectFormat } from './extract';
import { EXTRACT_DEADLINE_MS, EXTRACT_DEADLINE_PER_PAGE_MS } from './limits';
import { plainTextToBlocks } from './plain-text';
import type { ExtractedDocument } from './types';

export { cancelBatch, joinBatch } from './batches';
export { detectFormat, supportedExtensions } from './extract';
export type { ExtractedDocument, ExtractedPassage, SourceFormat } from './types';

export interface ExtractOptions {
  /** Stops the extraction (its worker) at once; the promise then rejects with a CANCELLED error. */
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

/** Words a stopped extraction for the user: which bound it hit, and what to do. */
function stoppedError(stopped: JobStopped, fileName: string): AppError {
  switch (stopped.reason) {
    case 'deadline':
      return fileError(
        'UNREADABLE',
        fileName,
        `took longer to read than Quarry gives one file (${EXTRACT_DEADLINE_MS / 1000} seconds, and ${EXTRACT_DEADLINE_PER_PAGE_MS} ms more per page), and was stopped; it may be damaged, or too long to read at once: split it into parts and import those.`,
      );
    case 'memory':
      return tooMuchMemory(fileName);
    case 'crashed':
      return fileError('UNREADABLE', fileName, 'stopped the reader unexpectedly; it may be damaged. Open it in the program that made it, save a copy and import that.', stopped);
    case 'cancelled':
      return fileError('CANCELLED', fileName, 'was not imported: its import was cancelled.');
  }
}

/** Extracts the text of a file's bytes in a worker; `fileName` decides the format and names the file in errors. */
export async function extractInWorker(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  checkFileSize(detectFormat(fileName), bytes.byteLength, fileName);
  try {
    // Copied rather than transferred: the pool may need to run the job again (see WorkerPool).
    return await parserPool().run(
      'import.extract',
      { bytes, fileName },
      { deadlineMs: EXTRACT_DEADLINE_MS, deadlinePerStepMs: EXTRACT_DEADLINE_PER_PAGE_MS, signal: options.signal, onProgress: options.onProgress },
    );
  } catch (error) {
    throw error instanceof JobStopped ? stoppedError(error, fileName) : error;
  }
}

/** Reads pasted text as a plain-text file is read; `name` names it in errors (a paste of nothing but spaces). */
export function extractPlainText(text: string, name: string): ExtractedDocument {
  return buildDocument('txt', name, plainTextToBlocks(text));
}

function fileKind(stats: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not an ordinary file';
}

/**
 * Reads a file the user named, if it is a regular file whose size `checkSize` accepts (it throws
 * otherwise): a link is followed, but a FIFO, device or socket it leads to is refused before
 * anything is read from it, since reading one can block forever (a FIFO) or never end (/dev/zero).
 */
export async function readRegularFile(filePath: string, checkSize: (size: number) => void): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    // Non-blocking, so opening a FIFO returns at once instead of waiting for a writer.
    handle = await open(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fileError('NOT_FOUND', filePath, 'could not be found; it may have been moved or deleted.', error);
    if (code === 'EISDIR') throw fileError('UNREADABLE', filePath, 'is a folder, not a file.', error);
    if (code === 'EACCES' || code === 'EPERM') throw fileError('UNREADABLE', filePath, 'cannot be read because permission was denied.', error);
    if (code === 'ELOOP') throw fileError('UNREADABLE', filePath, 'is a link that leads round in a circle, not a file.', error);
    // Opening a socket fails, where opening a FIFO or device (non-blocking) succeeds and is refused below.
    if (code === 'ENXIO') throw fileError('UNREADABLE', filePath, 'is a socket or a device with nothing behind it, not an ordinary file; Quarry reads only ordinary files.', error);
    throw fileError('UNREADABLE', filePath, 'could not be read from disk.', error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw fileError('UNREADABLE', filePath, 'is a folder, not a file.');
    if (!stats.isFile()) throw fileError('UNREADABLE', filePath, `is ${fileKind(stats)}, not an ordinary file; Quarry reads only ordinary files.`);
    checkSize(stats.size);
    // What the size said, and no more: a file still being written is read as it was.
    const bytes = new Uint8Array(stats.size);
    for (let at = 0; at < bytes.length; ) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) return bytes.subarray(0, at);
      at += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** Reads a file to import from disk, refusing what is not a regular file or too large for its format. */
export function readImportFile(filePath: string): Promise<Uint8Array> {
  const format = detectFormat(filePath);
  return readRegularFile(filePath, (size) => checkFileSize(format, size, filePath));
}

/** Extracts the text of a file on disk. Reads only; nothing is written anywhere. */
export async function extractFile(filePath: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  return extractInWorker(await readImportFile(filePath), filePath, options);
}
