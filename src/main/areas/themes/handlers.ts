import { AppError } from '../../../shared/api/errors';
import type { Theme } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';
import { requireCode } from '../codes/code-operations';
import type { AreaHandlers } from '../kit';
import { deleteMemosOf } from '../memos/repository';
import { addThemeCodes, deleteTheme, findTheme, findThemeByName, insertTheme, listThemes, removeThemeCodes, updateTheme } from './repository';

function requireTheme(db: Db, id: string): Theme {
  const theme = findTheme(db, id);
  if (!theme) throw new AppError('NOT_FOUND', 'That theme no longer exists in this project.');
  return theme;
}

function assertUniqueName(db: Db, name: string, selfId?: string): void {
  const clash = findThemeByName(db, name);
  if (clash && clash.id !== selfId) throw new AppError('CONFLICT', `There is already a theme or category named "${name}". Choose another name.`);
}

export const themesHandlers: AreaHandlers<'themes.'> = {
  'themes.list': (_input, ctx) => listThemes(ctx.project.db),
  'themes.create': ({ name, kind, description, codeIds }, ctx) => {
    const { db } = ctx.project;
    assertUniqueName(db, name);
    for (const codeId of codeIds ?? []) requireCode(db, codeId);
    const id = ctx.newId();
    insertTheme(db, { id, name, kind: kind ?? 'theme', description: description ?? '', now: ctx.clock() });
    addThemeCodes(db, id, codeIds ?? []);
    return requireTheme(db, id);
  },
  'themes.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.project;
    requireTheme(db, id);
    if (changes.name !== undefined) assertUniqueName(db, changes.name, id);
    updateTheme(db, id, changes);
    return requireTheme(db, id);
  },
  'themes.remove': ({ id }, ctx) => {
    const { db } = ctx.project;
    const { name } = requireTheme(db, id);
    deleteMemosOf(db, 'theme', [id]);
    deleteTheme(db, id);
    return { removed: true, name };
  },
  'themes.addCodes': ({ id, codeIds }, ctx) => {
    const { db } = ctx.project;
    requireTheme(db, id);
    for (const codeId of codeIds) requireCode(db, codeId);
    addThemeCodes(db, id, codeIds);
    return requireTheme(db, id);
  },
  'themes.removeCodes': ({ id, codeIds }, ctx) => {
    const { db } = ctx.project;
    requireTheme(db, id);
    removeThemeCodes(db, id, codeIds);
    return requireTheme(db, id);
  },
};
