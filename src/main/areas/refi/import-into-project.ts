import type { Memo } from '../../../shared/domain/model';
import { planCodes, type CodePlan, type RefiImportSummary } from '../../../shared/domain/refi/import-plan';
import { offsetConventionLabels } from '../../../shared/domain/refi/offsets';
import { colourForNewCode } from '../../../shared/domain/rules/palette';
import { stageAfterCoding } from '../../../shared/domain/rules/stage';
import type { PreparedImport, PreparedTarget } from '../../services/refi/read-refi';
import type { Db } from '../../services/store/database';
import { addCaseAttribute, addCaseMember, defineAttribute, findAttributeDefinition, findCaseByName, insertCase } from '../cases/repository';
import { countCodes, fillEmptyCriteria, insertCode, listCodes } from '../codes/repository';
import { insertCodings } from '../codings/repository';
import type { AreaContext } from '../kit';
import { insertMemo } from '../memos/repository';
import { writeMeta } from '../project/repository';
import { insertSource, setSourceAttribute } from '../sources/repository';
import { addThemeCodes, findThemeByName, insertTheme } from '../themes/repository';

/** How a prepared file meets the project as it stands: which codes, cases and themes it already has. */
interface Plan {
  codes: CodePlan;
  cases: Map<string, string | undefined>;
  themes: Map<string, string | undefined>;
}

function plan(db: Db, prepared: PreparedImport): Plan {
  return {
    codes: planCodes(prepared.codes, listCodes(db)),
    cases: new Map(prepared.cases.map((c) => [c.key, findCaseByName(db, c.name)?.id])),
    themes: new Map(prepared.themes.map((t) => [t.key, findThemeByName(db, t.name)?.id])),
  };
}

function summarise(prepared: PreparedImport, p: Plan): RefiImportSummary {
  const merged = (matches: Map<string, string | undefined>) => [...matches.values()].filter(Boolean).length;
  return {
    fileName: prepared.fileName,
    kind: prepared.kind,
    projectName: prepared.projectName,
    origin: prepared.origin,
    convention: { name: prepared.convention.convention, label: offsetConventionLabels[prepared.convention.convention], decided: prepared.convention.decided },
    inFile: prepared.inFile,
    codes: { created: p.codes.created.length, merged: p.codes.merged.length, createdPaths: p.codes.created, mergedPaths: p.codes.merged },
    sources: prepared.sources.length,
    codings: prepared.codings.length,
    memos: prepared.memos.length,
    cases: { created: p.cases.size - merged(p.cases), merged: merged(p.cases) },
    themes: { created: p.themes.size - merged(p.themes), merged: merged(p.themes) },
    attributes: prepared.sources.reduce((n, s) => n + s.attributes.length, 0) + prepared.cases.reduce((n, c) => n + c.attributes.length, 0),
    notes: p.codes.duplicates
      ? [...prepared.notes, `${p.codes.duplicates === 1 ? 'One code shares its' : `${p.codes.duplicates} codes share their`} name with a sibling in the file and ${p.codes.duplicates === 1 ? 'is' : 'are'} merged with it.`]
      : prepared.notes,
  };
}

/** What importing the file would do to the project, without doing it. */
export function previewImport(db: Db, prepared: PreparedImport): RefiImportSummary {
  return summarise(prepared, plan(db, prepared));
}

/** Writes a prepared file into the project, inside the change's transaction. */
export function importIntoProject(ctx: AreaContext, prepared: PreparedImport, adoptProjectDetails: boolean): RefiImportSummary {
  const { db } = ctx.project;
  const now = ctx.clock();
  const p = plan(db, prepared);

  const codeIds = new Map<string, string>();
  let codesSoFar = countCodes(db);
  for (const code of prepared.codes) {
    const target = p.codes.targets.get(code.key)!;
    if (target.kind === 'existing' || target.key !== code.key) {
      const id = target.kind === 'existing' ? target.id : codeIds.get(target.key)!;
      fillEmptyCriteria(db, id, code.criteria);
      codeIds.set(code.key, id);
      continue;
    }
    const id = ctx.newId();
    insertCode(db, {
      id,
      parentId: code.parentKey === null ? null : codeIds.get(code.parentKey)!,
      name: code.name,
      color: code.color ?? colourForNewCode(codesSoFar),
      ...code.criteria,
      now,
    });
    codesSoFar++;
    codeIds.set(code.key, id);
  }

  // A type the project already declares for an attribute is kept.
  for (const variable of prepared.variables) if (!findAttributeDefinition(db, variable.name)) defineAttribute(db, variable.name, variable.type);
  const sourceIds = new Map<string, string>();
  const coded = new Set(prepared.codings.map((c) => c.sourceKey));
  for (const source of prepared.sources) {
    const id = ctx.newId();
    sourceIds.set(source.key, id);
    insertSource(db, {
      id,
      title: source.title,
      kind: source.kind,
      format: source.format,
      fileName: source.fileName,
      text: source.text,
      stage: coded.has(source.key) ? stageAfterCoding('collected') : 'collected',
      passages: source.passages.map((passage) => ({ ...passage, id: ctx.newId() })),
      // Emphasis does not travel in REFI-QDA's plain texts.
      marks: [],
      now,
    });
    for (const a of source.attributes) setSourceAttribute(db, id, a.name, a.value);
  }

  const codingIds = new Map<string, string>();
  insertCodings(
    db,
    prepared.codings.map((coding) => {
      const id = ctx.newId();
      codingIds.set(coding.key, id);
      return {
        id,
        sourceId: sourceIds.get(coding.sourceKey)!,
        codeId: codeIds.get(coding.codeKey)!,
        start: coding.start,
        end: coding.end,
        coder: coding.coder,
        createdAt: coding.createdAt,
        summary: coding.summary,
      };
    }),
  );

  const caseIds = new Map<string, string>();
  for (const c of prepared.cases) {
    const id = p.cases.get(c.key) ?? ctx.newId();
    if (!p.cases.get(c.key)) insertCase(db, { id, name: c.name, description: c.description, now });
    caseIds.set(c.key, id);
    for (const a of c.attributes) addCaseAttribute(db, id, a.name, a.value);
    for (const m of c.members) addCaseMember(db, { id: ctx.newId(), caseId: id, sourceId: sourceIds.get(m.sourceKey)!, start: m.start, end: m.end });
  }

  const themeIds = new Map<string, string>();
  for (const t of prepared.themes) {
    const id = p.themes.get(t.key) ?? ctx.newId();
    if (!p.themes.get(t.key)) insertTheme(db, { id, name: t.name, kind: 'theme', description: t.description, now });
    themeIds.set(t.key, id);
    addThemeCodes(db, id, t.codeKeys.map((key) => codeIds.get(key)!));
  }

  const idsOf: Record<Exclude<PreparedTarget['kind'], 'project'>, Map<string, string>> = {
    source: sourceIds,
    code: codeIds,
    coding: codingIds,
    case: caseIds,
    theme: themeIds,
  };
  for (const memo of prepared.memos) {
    const targetId = memo.target.kind === 'project' ? null : (idsOf[memo.target.kind].get(memo.target.key) ?? null);
    const row: Omit<Memo, 'about'> = {
      id: ctx.newId(),
      title: memo.title,
      body: memo.body,
      // A note whose target did not come along is kept on the project.
      targetKind: targetId === null ? 'project' : memo.target.kind,
      targetId,
      createdAt: memo.createdAt,
      updatedAt: memo.updatedAt,
    };
    insertMemo(db, row);
  }

  if (adoptProjectDetails) {
    writeMeta(db, 'name', prepared.projectName);
    if (prepared.description) writeMeta(db, 'description', prepared.description);
  }
  return summarise(prepared, p);
}
