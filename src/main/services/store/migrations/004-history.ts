import type { Migration } from './types';

// The undo history lives in the project file, so it survives closing Quarry, and each step is
// written in the same transaction as the change it records, so a crash never leaves a change
// without its step or a step without its change. A step holds, as SQL statements, what takes
// it back (or, once undone, what makes it again): see services/store/history.ts.
export const history: Migration = {
  version: 4,
  name: 'history',
  sql: `
CREATE TABLE history_steps (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  method TEXT NOT NULL,
  touches TEXT NOT NULL,
  at TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

CREATE TABLE history_ops (
  id INTEGER PRIMARY KEY,
  step_id INTEGER NOT NULL REFERENCES history_steps(id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  row_key TEXT,
  statement TEXT NOT NULL
) STRICT;
CREATE INDEX history_ops_step ON history_ops(step_id, id);
`,
};
