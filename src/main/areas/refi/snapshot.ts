import type { ProjectSnapshot } from '../../services/refi/write-refi';
import { listCaseAttributes, listCaseMembers, listCases } from '../cases/repository';
import { listCodebook } from '../codes/repository';
import { listCodings } from '../codings/repository';
import type { ProjectHandle } from '../kit';
import { listMemos } from '../memos/repository';
import { readMeta } from '../project/repository';
import { listAttributeDefinitions } from '../cases/repository';
import { listAllSourceAttributes, listSourceTexts } from '../sources/repository';
import { listThemes } from '../themes/repository';

/** Everything a REFI-QDA export carries, read in one transaction so the file is one consistent state of the project. */
export function projectSnapshot(project: ProjectHandle, exportedAt: string): ProjectSnapshot {
  const { db } = project;
  return db.transaction((): ProjectSnapshot => {
    const themes = listThemes(db);
    return {
      name: project.name,
      description: readMeta(db, 'description') ?? '',
      createdAt: readMeta(db, 'created_at'),
      exportedAt,
      origin: 'Quarry',
      codes: listCodebook(db),
      sources: listSourceTexts(db),
      codings: listCodings(db),
      memos: listMemos(db),
      attributeDefinitions: listAttributeDefinitions(db).map(({ name, type }) => ({ name, type })),
      sourceAttributes: listAllSourceAttributes(db),
      cases: listCases(db),
      caseAttributes: listCaseAttributes(db),
      caseMembers: listCaseMembers(db),
      themes,
      themeCodes: themes.flatMap((theme) => theme.codeIds.map((codeId) => ({ themeId: theme.id, codeId }))),
    };
  })();
}
