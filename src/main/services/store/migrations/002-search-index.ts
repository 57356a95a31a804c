import type { Migration } from './types';

// The search index is a rebuildable cache kept in the project file, so a project opens and
// answers its first query without reindexing. Each row is one immutable segment (binary
// postings, see services/search/segment-codec.ts); `deleted` is a bitmap of its docs removed or
// replaced since. Token positions, needed only for quoted phrases, sit in their own column so
// that opening a project does not read them. The CRC-32 checksums let damage be detected.
export const searchIndex: Migration = {
  version: 2,
  name: 'search-index',
  sql: `
CREATE TABLE search_segments (
  id INTEGER PRIMARY KEY,
  format INTEGER NOT NULL,
  language TEXT NOT NULL,
  doc_count INTEGER NOT NULL,
  checksum INTEGER NOT NULL,
  data BLOB NOT NULL,
  positions_checksum INTEGER NOT NULL,
  positions BLOB NOT NULL,
  deleted BLOB NOT NULL
) STRICT;
`,
};
