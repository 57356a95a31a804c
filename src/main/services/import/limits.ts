// How much work one imported file may cause. Each limit is checked before the work it bounds
// is done, and each refusal names the limit and what to do instead (see limitError). The
// numbers are far above what genuine sources need and far below what would hurt the app;
// the worker's heap cap, memory budget and deadline (workers/pool.ts) catch what slips past.

const MB = 1024 * 1024;

/** Any file. The API refuses larger uploads as well (sources.maxBase64Length); a PDF of scanned pages with a text layer rarely passes 100 MB. */
export const MAX_FILE_BYTES = 200 * MB;

/**
 * A .txt, .md or .html file. Text files are decoded whole and parsed in memory; 40 MB is four
 * times the most text a source may hold (MAX_SOURCE_CHARS), which leaves room for markup.
 */
export const MAX_TEXT_FILE_BYTES = 40 * MB;

/**
 * The text of one source: 10 million characters, about 4,000 pages of prose. The reader, the
 * search index and the audit each hold a source's text whole.
 */
export const MAX_SOURCE_CHARS = 10_000_000;

/** PDF pages. The longest books and proceedings run to a few thousand; more is a generated or hostile file. */
export const MAX_PDF_PAGES = 5_000;

/** Entries in a .docx zip. A Word document has a few dozen parts, a few hundred with many images. */
export const MAX_ZIP_ENTRIES = 5_000;

/**
 * One part of a .docx (document.xml, the footnotes), expanded: 10 MB. mammoth parses the XML into
 * a tree that takes about 40 times its size, so 10 MB is what fits a parser worker's heap
 * (workers/pool.ts). That is about 4 million characters of plain text, fewer with heavy formatting.
 */
export const MAX_DOCX_PART_BYTES = 10 * MB;

/** All the parts read from one .docx, expanded: the main text with room for notes, comments and styles. */
export const MAX_DOCX_EXPANDED_BYTES = 12 * MB;

/**
 * How deeply elements (HTML, a .docx's XML) or lists and quotes (Markdown) may nest. Real
 * documents stay within a dozen levels; parsers walk nesting recursively or with work per level,
 * so thousands of levels are an attack on them.
 */
export const MAX_NESTING_DEPTH = 200;

/**
 * A Markdown paragraph (lines with no blank one between): a million characters, some 150,000
 * words. marked matches a block with regular expressions that backtrack over all of it, which
 * overflows V8's regex stack at several million characters.
 */
export const MAX_MARKDOWN_BLOCK_CHARS = 1_000_000;

/**
 * Time to read one file: 25 seconds, and 100 ms more per page of a PDF once its page count is
 * known. A dense page of a real paper takes 5 to 20 ms on a two-core laptop, so this leaves room
 * for a machine many times slower or busier; a parser still busy after it is stuck.
 */
export const EXTRACT_DEADLINE_MS = 25_000;
export const EXTRACT_DEADLINE_PER_PAGE_MS = 100;

/** Formats a count for a message: 5000 → "5,000". */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Formats a size in bytes for a message: "64 MB". */
export function megabytes(bytes: number): string {
  return `${count(Math.ceil(bytes / MB))} MB`;
}
