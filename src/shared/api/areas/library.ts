import { z } from 'zod';
import { change, counted, quoted, read } from '../method';
import { citationStyleIds, type CitationStyle } from '../../domain/citation-styles';
import { referenceLabel, referenceTypes, type LibraryReference } from '../../domain/library';
import type { ReferenceImportPreview, ReferenceImportResult } from '../../domain/library-import';
import { maxBase64Length } from './sources';

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().max(max).optional();

const referenceFields = z
  .object({
    type: z.enum(referenceTypes),
    title: z.string().trim().min(1).max(2000),
    authors: z.array(z.string().trim().min(1).max(300)).max(1000),
    year: text(40),
    container: text(1000),
    volume: text(100),
    issue: text(100),
    pages: text(100),
    publisher: text(500),
    doi: text(300),
    url: text(2000),
  })
  .strict();

const referenceFile = {
  fileName: z.string().trim().min(1).max(500),
  /** The file's text: BibTeX or BibLaTeX, RIS, or CSL-JSON. */
  text: z.string().max(100_000_000),
};

/** A file beside the reference file (a Zotero export's `files/…`), by its path relative to the export's folder. */
const attachment = z.object({ path: z.string().trim().min(1).max(2000), dataBase64: z.string().max(maxBase64Length) }).strict();

/** A library's references formatted in one style: each entry as text and HTML, and how it is cited in the text. */
export interface FormattedReferences {
  style: CitationStyle;
  entries: Array<{ id: string; text: string; html: string; citation: string }>;
}

export interface DuplicateGroup {
  /** Same work, by DOI or by authors, year and title; the first is the one kept if merged. */
  ids: string[];
}

export const libraryContract = {
  'library.list': read<LibraryReference[]>(['library'])(z.object({}).strict()),
  'library.add': change<LibraryReference>()(z.object({ fields: referenceFields }).strict(), {
    touches: ['library'],
    label: (_input, out) => `Add reference ${quoted(referenceLabel(out))}`,
  }),
  /** Replaces the fields a person edits; fields of an imported record that the form does not show are kept. */
  'library.update': change<LibraryReference>()(z.object({ id, fields: referenceFields }).strict(), {
    touches: ['library'],
    label: (_input, out) => `Edit reference ${quoted(referenceLabel(out))}`,
  }),
  'library.remove': change<{ removed: number }>()(z.object({ ids: z.array(id).min(1).max(100_000) }).strict(), {
    touches: ['library'],
    label: (_input, out) => `Delete ${counted(out.removed, 'reference')}`,
  }),
  /** What importing a file would add and merge, and what cannot be read, before anything is written. */
  'library.previewImport': read<ReferenceImportPreview>(['library'])(
    z.object({ ...referenceFile, attachmentPaths: z.array(z.string().max(2000)).max(100_000).default([]) }).strict(),
  ),
  /**
   * Imports a reference file. A record that is a work already in the library is merged into it
   * (its empty fields filled), unless its index is in keepApart; attached files are imported as
   * sources and linked as their reference's full text.
   */
  'library.import': change<ReferenceImportResult>()(
    z
      .object({
        ...referenceFile,
        attachments: z.array(attachment).max(100_000).default([]),
        keepApart: z.array(z.number().int().min(0)).max(100_000).default([]),
      })
      .strict(),
    {
      touches: ['library', 'sources', 'source-text'],
      label: (input, out) => `Import ${counted(out.added.length + out.merged.length, 'reference')} from ${quoted(input.fileName)}`,
    },
  ),
  /** Takes the reference list of an audited manuscript into the library, merging works it already has. */
  'library.takeFromAudit': change<ReferenceImportResult>()(z.object({ sourceId: id }).strict(), {
    touches: ['library'],
    label: (input, out, names) => `Take ${counted(out.added.length + out.merged.length, 'reference')} from ${quoted(names.source(input.sourceId))}`,
  }),
  /** Links (or, with null, unlinks) the source holding a reference's full text; the source takes the reference's authors and year. */
  'library.linkFullText': change<LibraryReference>()(z.object({ referenceId: id, sourceId: id.nullable() }).strict(), {
    touches: ['library', 'sources'],
    label: (input, out, names) =>
      input.sourceId ? `Link ${quoted(names.source(input.sourceId))} as the full text of ${quoted(referenceLabel(out))}` : `Unlink the full text of ${quoted(referenceLabel(out))}`,
  }),
  'library.duplicates': read<DuplicateGroup[]>(['library'])(z.object({}).strict()),
  /** Merges references the user confirmed are one work into the first: its empty fields are filled from the others, which are removed. */
  'library.merge': change<LibraryReference>()(z.object({ keepId: id, mergeIds: z.array(id).min(1).max(1000) }).strict(), {
    touches: ['library'],
    label: (input, out) => `Merge ${counted(input.mergeIds.length + 1, 'reference')} into ${quoted(referenceLabel(out))}`,
  }),
  /** The library (or some of it) formatted by citeproc in a citation style. */
  'library.format': read<FormattedReferences>(['library'])(
    z.object({ style: z.enum(citationStyleIds).default('apa'), ids: z.array(id).max(100_000).optional() }).strict(),
  ),
};
