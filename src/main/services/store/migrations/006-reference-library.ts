import type { Migration } from './types';

// The project's reference library: one row per work the project knows of, whatever brought it
// in — added by hand, imported from BibTeX, BibLaTeX, RIS or CSL-JSON (with a Zotero export's
// attached PDFs as sources), or taken from the reference list of an audited manuscript.
//
// How it relates to reference_entries: those rows are the audit's reading of one manuscript's
// reference list, with their offsets in its text, and the audit rebuilds them each time the
// manuscript is audited again. The library is the project's own list of works and outlives any
// audit. Taking an audited list into the library copies each entry's fields into a library
// reference (merging with one already there); from then on the two are related by identity, not
// by a foreign key: a manuscript cites a library reference when one of its entries has the same
// DOI or, where either lacks one, the same work key (normalised family names + year + title) —
// the rule de-duplication uses — so re-running an audit never leaves a link dangling, and a
// reference imported later from Zotero is found as cited by a manuscript audited before.
//
// Each reference is kept as CSL-JSON (csl), the interchange citation-js reads, writes and
// formats with citeproc; type, authors (family names), year, title, doi and work_key are derived
// from it whenever it is written, for listing and matching in SQL.
export const referenceLibrary: Migration = {
  version: 6,
  name: 'reference-library',
  sql: `
CREATE TABLE library_references (
  id TEXT PRIMARY KEY,
  csl TEXT NOT NULL CHECK (json_valid(csl)),
  type TEXT NOT NULL,
  -- the BibTeX key it was imported with, kept for exporting it back
  citation_key TEXT,
  authors TEXT NOT NULL DEFAULT '[]',
  year TEXT,
  title TEXT NOT NULL DEFAULT '',
  -- lower case, without a doi.org prefix
  doi TEXT,
  work_key TEXT NOT NULL,
  -- the project source holding the work's full text; a source is the full text of one work at most
  full_text_source_id TEXT REFERENCES sources(id) ON DELETE SET NULL,
  -- what brought it in: a file name, 'added by hand', or the audited manuscript's title
  origin TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX library_references_doi ON library_references(doi) WHERE doi IS NOT NULL;
CREATE INDEX library_references_work ON library_references(work_key);
CREATE UNIQUE INDEX library_references_full_text ON library_references(full_text_source_id) WHERE full_text_source_id IS NOT NULL;
`,
};
