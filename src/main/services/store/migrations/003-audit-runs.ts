import type { Migration } from './types';

// One row per audited source. Its presence tells "audited, found nothing" apart from
// "never audited", and it keeps where the reference list was found (the entries' own rows
// do not say whether they came under a heading).
export const auditRuns: Migration = {
  version: 3,
  name: 'audit-runs',
  sql: `
CREATE TABLE audit_runs (
  source_id TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  audited_at TEXT NOT NULL,
  reference_list_start INTEGER,
  reference_list_end INTEGER,
  reference_list_heading TEXT
) STRICT;
`,
};
