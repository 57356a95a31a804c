import { unzipSync } from 'fflate';
import { AppError } from '../../../shared/api/errors';

// A .qdpx is a zip from an untrusted hand. Nothing is inflated before its entry is known to be
// wanted and its declared size is within bounds, the output of each entry is bounded by that
// declared size (fflate inflates into a buffer of exactly that length), and names that would
// point outside the archive are refused outright, although nothing here ever writes them to disk.

export const archiveLimits = {
  /** Entries listed in the zip's directory. */
  entries: 20_000,
  /** The uncompressed size one entry may declare, if it is to be read. */
  entryBytes: 256 * 1024 * 1024,
  /** All entries read from one archive together. */
  totalBytes: 768 * 1024 * 1024,
};

export interface ArchiveEntry {
  /** The name as stored, with `\` read as `/`. */
  name: string;
  /** The uncompressed size the zip declares. */
  size: number;
}

const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Whether a stored name would point outside the folder it is unpacked in ("zip slip"). */
function escapesArchive(name: string): boolean {
  return name.startsWith('/') || /^[a-z]:/i.test(name) || name.includes('\0') || name.split('/').includes('..');
}

export class RefiArchive {
  readonly entries: readonly ArchiveEntry[];
  private readonly bytes: Uint8Array;
  private readonly fileName: string;
  private readonly stored: Map<string, string>;
  private read = 0;

  private constructor(bytes: Uint8Array, fileName: string, entries: ArchiveEntry[], stored: Map<string, string>) {
    this.bytes = bytes;
    this.fileName = fileName;
    this.entries = entries;
    this.stored = stored;
  }

  static isZip(bytes: Uint8Array): boolean {
    return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  }

  /** Lists the archive's entries without inflating any, refusing hostile names and counts. */
  static open(bytes: Uint8Array, fileName: string): RefiArchive {
    const entries: ArchiveEntry[] = [];
    const stored = new Map<string, string>();
    try {
      unzipSync(bytes, {
        filter: (file) => {
          if (entries.length >= archiveLimits.entries) {
            throw new AppError('UNSUPPORTED', `'${fileName}' holds more than ${archiveLimits.entries.toLocaleString('en')} files, more than any REFI-QDA project needs; Quarry does not open it.`);
          }
          const name = file.name.replace(/\\/g, '/');
          if (escapesArchive(name)) {
            throw new AppError('UNREADABLE', `'${fileName}' holds a file named ‘${name.slice(0, 80)}’ that points outside the archive, which only a damaged or malicious file does; Quarry does not open it.`);
          }
          if (!name.endsWith('/')) {
            entries.push({ name, size: file.originalSize });
            stored.set(name, file.name);
          }
          return false;
        },
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('UNREADABLE', `'${fileName}' is not a readable zip archive (${(error as Error).message}); export it again from the tool that made it.`);
    }
    return new RefiArchive(bytes, fileName, entries, stored);
  }

  /** The entry at a path, compared without regard to case (exporters write `Sources/` and `sources/`). */
  find(path: string): ArchiveEntry | undefined {
    const wanted = path.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
    return this.entries.find((e) => e.name.toLowerCase() === wanted);
  }

  /**
   * Inflates the given entries in one pass over the archive (its directory is walked once,
   * however many are wanted), after checking their declared sizes against the limits.
   */
  bytesOf(wanted: readonly ArchiveEntry[]): Map<string, Uint8Array> {
    let total = this.read;
    for (const entry of wanted) {
      if (entry.size > archiveLimits.entryBytes) {
        throw new AppError('UNSUPPORTED', `'${this.fileName}' holds ‘${entry.name}’, which unpacks to ${mib(entry.size)}; Quarry reads files of up to ${mib(archiveLimits.entryBytes)} from a REFI-QDA archive.`);
      }
      total += entry.size;
    }
    if (total > archiveLimits.totalBytes) {
      throw new AppError('UNSUPPORTED', `'${this.fileName}' unpacks to more than ${mib(archiveLimits.totalBytes)}, more than Quarry reads from one archive; split the project before exporting it.`);
    }
    const byStoredName = new Map(wanted.map((e) => [this.stored.get(e.name)!, e.name]));
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(this.bytes, { filter: (file) => byStoredName.has(file.name) });
    } catch (error) {
      throw new AppError('UNREADABLE', `'${this.fileName}' is damaged: its files cannot be unpacked (${(error as Error).message}).`);
    }
    const result = new Map<string, Uint8Array>();
    for (const [storedName, name] of byStoredName) {
      const data = files[storedName];
      if (!data) throw new AppError('UNREADABLE', `'${this.fileName}' is damaged: ‘${name}’ cannot be unpacked.`);
      this.read += data.length;
      result.set(name, data);
    }
    return result;
  }
}
