import type { Migration } from './types';

// The first schema covers the whole domain (sources to conclusions) so that later work
// extends it instead of reshaping it. Offsets are UTF-16 code units into sources.text,
// end exclusive: the text of a source never changes after import, so they stay stable.
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE project_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('paper', 'transcript', 'note', 'manuscript', 'other')),
  file_name TEXT,
  format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'docx', 'pdf')),
  text TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT 'collected' CHECK (stage IN ('collected', 'reduced', 'displayed', 'concluded')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE source_attributes (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (source_id, name)
) STRICT;

CREATE TABLE passages (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph')),
  level INTEGER NOT NULL DEFAULT 0,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL CHECK (end >= start),
  UNIQUE (source_id, ordinal)
) STRICT;

CREATE TABLE codes (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES codes(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  definition TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX codes_parent ON codes(parent_id);

CREATE TABLE codings (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL CHECK (end > start),
  coder TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX codings_source ON codings(source_id, start);
CREATE INDEX codings_code ON codings(code_id);

CREATE TABLE memos (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'source', 'code', 'coding')),
  target_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((target_kind = 'project') = (target_id IS NULL))
) STRICT;
CREATE INDEX memos_target ON memos(target_kind, target_id);

-- "references" is an SQL keyword, hence reference_entries.
CREATE TABLE reference_entries (
  id TEXT PRIMARY KEY,
  source_id TEXT REFERENCES sources(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  authors TEXT NOT NULL DEFAULT '[]',
  year TEXT,
  title TEXT,
  container TEXT,
  volume TEXT,
  issue TEXT,
  pages TEXT,
  doi TEXT,
  url TEXT,
  raw TEXT NOT NULL,
  start INTEGER,
  end INTEGER,
  -- a source in the project holding this work's full text, for checking claims against it
  full_text_source_id TEXT REFERENCES sources(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX reference_entries_source ON reference_entries(source_id, ordinal);

CREATE TABLE citations (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  authors TEXT NOT NULL DEFAULT '[]',
  year TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('matched', 'missing', 'near-match', 'year-mismatch', 'ambiguous')),
  citation_key TEXT NOT NULL
) STRICT;
CREATE INDEX citations_source ON citations(source_id, ordinal);

CREATE TABLE citation_references (
  citation_id TEXT NOT NULL REFERENCES citations(id) ON DELETE CASCADE,
  reference_id TEXT NOT NULL REFERENCES reference_entries(id) ON DELETE CASCADE,
  PRIMARY KEY (citation_id, reference_id)
) STRICT;

CREATE TABLE claims (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  flags TEXT NOT NULL DEFAULT '[]',
  claim_key TEXT NOT NULL
) STRICT;
CREATE INDEX claims_source ON claims(source_id, ordinal);

CREATE TABLE claim_citations (
  claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  citation_id TEXT NOT NULL REFERENCES citations(id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, citation_id)
) STRICT;

-- Verdicts are keyed by stable text keys, not by claim/citation rows, so that re-running
-- the audit (which rebuilds those rows) keeps every decision a reviewer made.
CREATE TABLE verdicts (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  claim_key TEXT NOT NULL,
  citation_key TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('supported', 'partly-supported', 'not-supported', 'cannot-verify')),
  note TEXT NOT NULL DEFAULT '',
  evidence_source_id TEXT REFERENCES sources(id) ON DELETE SET NULL,
  evidence_start INTEGER,
  evidence_end INTEGER,
  decided_at TEXT NOT NULL,
  UNIQUE (source_id, claim_key, citation_key)
) STRICT;

CREATE TABLE audit_findings (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  citation_id TEXT REFERENCES citations(id) ON DELETE CASCADE,
  reference_id TEXT REFERENCES reference_entries(id) ON DELETE CASCADE,
  suggested_reference_id TEXT REFERENCES reference_entries(id) ON DELETE SET NULL,
  start INTEGER,
  end INTEGER
) STRICT;
CREATE INDEX audit_findings_source ON audit_findings(source_id, ordinal);

CREATE TABLE conclusions (
  id TEXT PRIMARY KEY,
  statement TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'tentative' CHECK (status IN ('tentative', 'verified', 'refuted')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE conclusion_evidence (
  conclusion_id TEXT NOT NULL REFERENCES conclusions(id) ON DELETE CASCADE,
  evidence_kind TEXT NOT NULL CHECK (evidence_kind IN ('coding', 'claim')),
  evidence_id TEXT NOT NULL,
  stance TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts')),
  PRIMARY KEY (conclusion_id, evidence_kind, evidence_id)
) STRICT;
`,
};
