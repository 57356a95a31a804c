import { latestVersion } from '../../services/store/database';
import type { ProjectInfo } from '../../../shared/domain/model';
import type { AppContext } from '../context';
import type { AreaHandlers } from '../handler-types';

const exportedTables = [
  'project_meta', 'sources', 'source_attributes', 'passages', 'codes', 'codings', 'memos', 'reference_entries',
  'citations', 'citation_references', 'claims', 'claim_citations', 'verdicts', 'audit_findings', 'audit_runs', 'conclusions', 'conclusion_evidence',
] as const;

export function projectInfo(ctx: AppContext): ProjectInfo {
  const { db } = ctx.project;
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    path: ctx.project.path,
    name: ctx.project.name,
    description: ctx.project.meta('description') ?? '',
    schemaVersion: latestVersion,
    language: ctx.project.language,
    counts: {
      sources: count('sources'),
      codes: count('codes'),
      codings: count('codings'),
      memos: count('memos'),
      claims: count('claims'),
      conclusions: count('conclusions'),
    },
  };
}

export const projectHandlers: AreaHandlers<'project.'> = {
  'project.getInfo': (_input, ctx) => projectInfo(ctx),
  'project.open': ({ path }, ctx) => {
    ctx.openProject(path);
    return projectInfo(ctx);
  },
  'project.create': ({ path, name, description }, ctx) => {
    ctx.createProject(path, name, description);
    return projectInfo(ctx);
  },
  'project.setLanguage': ({ language }, ctx) => {
    const project = ctx.project;
    if (language !== project.language) {
      project.setMeta('language', language);
      // The answer need not wait for the rebuild: searches wait for it and the status bar shows its
      // progress; a failed build is logged by the search hooks and reported to the next search.
      project.search.reopen().catch(() => undefined);
    }
    return projectInfo(ctx);
  },
  'project.exportJson': (_input, ctx) => {
    const { db } = ctx.project;
    // A read transaction gives one consistent snapshot across all tables.
    return db.transaction(() => {
      const tables: Record<string, unknown[]> = {};
      for (const table of exportedTables) tables[table] = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
      return { format: 'quarry-project', schemaVersion: latestVersion, exportedAt: ctx.clock(), tables };
    })();
  },
};
