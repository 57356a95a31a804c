// Bringing references into the library: what a file held, which records are works the library
// already has (to be merged once the user confirms), and what could not be read.
import { identityOf, sameWork, type CslItem, type ReferenceIdentity } from './library';

export const referenceFileFormats = ['bibtex', 'ris', 'csl-json'] as const;
export type ReferenceFileFormat = (typeof referenceFileFormats)[number];

/** A part of a file that was not imported (or, with `kept`, imported with a defect), by line. */
export interface SkippedPart {
  line: number;
  endLine: number;
  reason: string;
  /** True when the record was still imported and this only notes what was wrong with it. */
  kept?: boolean;
}

/** A record as the preview shows it, with what importing it would do. */
export interface ImportRecord {
  index: number;
  line: number;
  type: string;
  authors: string[];
  year: string | null;
  title: string;
  doi: string | null;
  /** A reference already in the library that this record is the same work as. */
  duplicateOf: { id: string; label: string } | null;
  /** An earlier record of the same file that this one repeats; it is merged into that one. */
  repeats: number | null;
  /** Files the record names, and whether they were given with the import. */
  attachments: Array<{ path: string; found: boolean }>;
}

export interface ReferenceImportPreview {
  fileName: string;
  format: ReferenceFileFormat;
  records: ImportRecord[];
  skipped: SkippedPart[];
}

export interface ReferenceImportResult {
  fileName: string;
  format: ReferenceFileFormat;
  added: Array<{ id: string; label: string; line: number }>;
  /** Records merged into a reference already in the library (or into an earlier record of the file). */
  merged: Array<{ id: string; label: string; line: number }>;
  skipped: SkippedPart[];
  /** Attached files imported as sources and linked as a reference's full text. */
  fullTexts: Array<{ referenceId: string; sourceId: string; fileName: string }>;
  /** Attached files that were named but not given, or could not be read. */
  missingFiles: Array<{ path: string; line: number; reason: string }>;
}

/** For each incoming record, the library reference or earlier record it is the same work as. */
export function planImport(
  existing: ReadonlyArray<{ id: string; identity: Pick<ReferenceIdentity, 'doi' | 'workKey'> }>,
  incoming: readonly CslItem[],
): Array<{ identity: ReferenceIdentity; duplicateOf: string | null; repeats: number | null }> {
  const seen: Array<{ index: number; identity: ReferenceIdentity }> = [];
  return incoming.map((item, index) => {
    const identity = identityOf(item);
    const duplicateOf = existing.find((reference) => sameWork(reference.identity, identity))?.id ?? null;
    const repeats = duplicateOf === null ? (seen.find((earlier) => sameWork(earlier.identity, identity))?.index ?? null) : null;
    if (duplicateOf === null && repeats === null) seen.push({ index, identity });
    return { identity, duplicateOf, repeats };
  });
}
