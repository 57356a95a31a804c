import type { Topic } from '../../../shared/api/method';

/**
 * Which topic each table of the project belongs to: a change that writes a table must declare
 * its topic. Every table is listed (a test checks the schema against this list), so a new table
 * cannot be written without a change saying so.
 */
export const tableTopics: Readonly<Record<string, Topic>> = {
  project_meta: 'project',
  sources: 'sources',
  passages: 'source-text',
  text_marks: 'source-text',
  source_attributes: 'attributes',
  attribute_definitions: 'attributes',
  codes: 'codes',
  codings: 'codings',
  memos: 'memos',
  cases: 'cases',
  case_attributes: 'cases',
  case_members: 'cases',
  themes: 'themes',
  theme_codes: 'themes',
  displays: 'displays',
  conclusions: 'conclusions',
  conclusion_evidence: 'conclusions',
  conclusion_tactics: 'conclusions',
  reference_entries: 'audit',
  citations: 'audit',
  citation_references: 'audit',
  claims: 'audit',
  claim_citations: 'audit',
  verdicts: 'audit',
  audit_findings: 'audit',
  audit_runs: 'audit',
  library_references: 'library',
};

/** Tables the undo history does not record: the search index is a cache rebuilt from the rest, and the history records itself. */
export const unrecordedTables: readonly string[] = ['search_segments', 'history_steps', 'history_ops'];
