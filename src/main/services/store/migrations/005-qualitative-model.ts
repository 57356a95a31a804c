import type { Migration } from './types';

// The model the four stages work on, beyond the first schema: source metadata and kinds,
// passages that keep a document's structure (list items, speaker turns with their
// timestamps), codebook fields (criteria, an example, a shortcut), a condensed summary per
// coded segment, cases with typed attributes, themes grouping codes beside the hierarchy,
// saved displays, and conclusions with a status, an order, evidence of every kind (each link
// with a note, optionally under one of Miles & Huberman's verification tactics) and the
// tactics' checklist. Four tables change a CHECK constraint, which SQLite can only do by
// rebuilding the table (its documented twelve-step procedure: migrations run with foreign
// keys off and are checked before they commit, see database.ts).
export const qualitativeModel: Migration = {
  version: 5,
  name: 'qualitative-model',
  sql: `
CREATE TABLE new_sources (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('paper', 'transcript', 'note', 'document', 'manuscript', 'other')),
  file_name TEXT,
  format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'docx', 'pdf')),
  text TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT 'collected' CHECK (stage IN ('collected', 'reduced', 'displayed', 'concluded')),
  -- JSON array of the authors' names as written; year as written (2021, 2021a, n.d.)
  authors TEXT NOT NULL DEFAULT '[]',
  year TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO new_sources (id, title, kind, file_name, format, text, stage, created_at, updated_at)
  SELECT id, title, kind, file_name, format, text, stage, created_at, updated_at FROM sources ORDER BY rowid;
DROP TABLE sources;
ALTER TABLE new_sources RENAME TO sources;

CREATE TABLE new_passages (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph', 'list-item', 'turn', 'quote')),
  level INTEGER NOT NULL DEFAULT 0,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL CHECK (end >= start),
  -- a list item's marker as shown ('•', '3.'); a turn's speaker ('I', 'Rina') and timestamp ('00:12:31')
  marker TEXT,
  speaker TEXT,
  timestamp TEXT,
  UNIQUE (source_id, ordinal)
) STRICT;
INSERT INTO new_passages (id, source_id, ordinal, kind, level, start, end)
  SELECT id, source_id, ordinal, kind, level, start, end FROM passages ORDER BY rowid;
DROP TABLE passages;
ALTER TABLE new_passages RENAME TO passages;
CREATE INDEX passages_speaker ON passages(source_id, speaker) WHERE speaker IS NOT NULL;

-- Inline emphasis of imported documents, kept as data and shown by the reader (never as HTML).
CREATE TABLE text_marks (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL CHECK (end > start),
  kind TEXT NOT NULL CHECK (kind IN ('emphasis', 'strong', 'code', 'link')),
  href TEXT,
  PRIMARY KEY (source_id, start, end, kind)
) STRICT;

ALTER TABLE codes ADD COLUMN inclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN exclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN example TEXT NOT NULL DEFAULT '';
-- 1–9: the key that applies the code to a selection
ALTER TABLE codes ADD COLUMN shortcut INTEGER CHECK (shortcut BETWEEN 1 AND 9);
CREATE UNIQUE INDEX codes_shortcut ON codes(shortcut) WHERE shortcut IS NOT NULL;

-- Miles & Huberman's data reduction: the researcher's condensed summary of a coded segment.
ALTER TABLE codings ADD COLUMN summary TEXT NOT NULL DEFAULT '';

CREATE TABLE attribute_definitions (
  name TEXT PRIMARY KEY,
  type TEXT NOT NULL DEFAULT 'text' CHECK (type IN ('text', 'number', 'date', 'boolean'))
) STRICT;

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX cases_name ON cases(lower(name));

CREATE TABLE case_attributes (
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (case_id, name)
) STRICT;

-- A case holds whole sources (start and end null) or segments of them.
CREATE TABLE case_members (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  start INTEGER,
  end INTEGER,
  CHECK ((start IS NULL) = (end IS NULL)),
  CHECK (end IS NULL OR end > start)
) STRICT;
CREATE INDEX case_members_case ON case_members(case_id);
CREATE INDEX case_members_source ON case_members(source_id);

-- Themes and categories group codes beside the hierarchy (ATLAS.ti's code groups, REFI-QDA's sets).
CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'theme' CHECK (kind IN ('theme', 'category')),
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX themes_name ON themes(lower(name));

CREATE TABLE theme_codes (
  theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  PRIMARY KEY (theme_id, code_id)
) STRICT;
CREATE INDEX theme_codes_code ON theme_codes(code_id);

-- A saved matrix, network or chart: what it shows (config) and, for a network, where its nodes sit.
CREATE TABLE displays (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('matrix', 'network', 'chart')),
  name TEXT NOT NULL,
  config TEXT NOT NULL DEFAULT '{}',
  layout TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE new_memos (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'source', 'code', 'coding', 'case', 'theme', 'conclusion', 'display')),
  target_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((target_kind = 'project') = (target_id IS NULL))
) STRICT;
INSERT INTO new_memos SELECT id, title, body, target_kind, target_id, created_at, updated_at FROM memos ORDER BY rowid;
DROP TABLE memos;
ALTER TABLE new_memos RENAME TO memos;
CREATE INDEX memos_target ON memos(target_kind, target_id);

CREATE TABLE new_conclusions (
  id TEXT PRIMARY KEY,
  statement TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'tentative' CHECK (status IN ('tentative', 'supported', 'verified', 'refuted', 'abandoned')),
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO new_conclusions (id, statement, status, position, created_at, updated_at)
  SELECT id, statement, status, row_number() OVER (ORDER BY created_at, rowid) - 1, created_at, updated_at FROM conclusions ORDER BY rowid;
DROP TABLE conclusions;
ALTER TABLE new_conclusions RENAME TO conclusions;

-- Evidence of any kind; tactic '' is evidence for the conclusion itself, a tactic's name is
-- evidence gathered while applying that verification tactic.
CREATE TABLE new_conclusion_evidence (
  conclusion_id TEXT NOT NULL REFERENCES conclusions(id) ON DELETE CASCADE,
  tactic TEXT NOT NULL DEFAULT '',
  evidence_kind TEXT NOT NULL CHECK (evidence_kind IN ('coding', 'summary', 'claim', 'memo', 'display')),
  evidence_id TEXT NOT NULL,
  stance TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts')),
  note TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (conclusion_id, tactic, evidence_kind, evidence_id)
) STRICT;
INSERT INTO new_conclusion_evidence (conclusion_id, evidence_kind, evidence_id, stance, position)
  SELECT conclusion_id, evidence_kind, evidence_id, stance, row_number() OVER (PARTITION BY conclusion_id ORDER BY rowid) - 1
  FROM conclusion_evidence ORDER BY rowid;
DROP TABLE conclusion_evidence;
ALTER TABLE new_conclusion_evidence RENAME TO conclusion_evidence;
CREATE INDEX conclusion_evidence_item ON conclusion_evidence(evidence_kind, evidence_id);

-- Miles & Huberman's tactics for testing or confirming findings, as a checklist per conclusion.
CREATE TABLE conclusion_tactics (
  conclusion_id TEXT NOT NULL REFERENCES conclusions(id) ON DELETE CASCADE,
  tactic TEXT NOT NULL CHECK (tactic IN (
    'representativeness', 'researcher-effects', 'triangulating', 'weighting-evidence', 'outliers', 'extreme-cases',
    'surprises', 'negative-evidence', 'if-then-tests', 'spurious-relations', 'replicating', 'rival-explanations', 'informant-feedback')),
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (conclusion_id, tactic)
) STRICT;
`,
};
