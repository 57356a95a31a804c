import { AppError } from '../../../shared/api/errors';
import { legibleCodeColour } from '../../../shared/domain/rules/palette';
import { codingIdsOfCodes, codingsOfCodes } from '../codings/repository';
import { reshapeCoding } from '../codings/reshape-coding';
import { deleteCodingEvidence } from '../conclusions/repository';
import type { AreaHandlers } from '../kit';
import { deleteMemosOf, retargetMemos } from '../memos/repository';
import { copyThemeMembership } from '../themes/repository';
import { assertCanNestUnder, assertUniqueName, createCode, requireCode } from './code-operations';
import { ancestorIds, childIds, clearShortcut, deleteCode, findCode, listCodes, placeCode, subtreeIds, updateCode } from './repository';

export const codesHandlers: AreaHandlers<'codes.'> = {
  'codes.list': (_input, ctx) => listCodes(ctx.project.db),
  'codes.create': (input, ctx) => createCode(ctx, input),
  'codes.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.project;
    const code = requireCode(db, id);
    const parentId = changes.parentId === undefined ? code.parentId : changes.parentId;
    assertCanNestUnder(db, code, parentId);
    assertUniqueName(db, parentId, changes.name ?? code.name, id);
    if (changes.shortcut) clearShortcut(db, changes.shortcut, id);
    updateCode(db, id, { ...changes, color: changes.color === undefined ? undefined : legibleCodeColour(changes.color) });
    return findCode(db, id)!;
  },
  'codes.move': ({ id, parentId, index }, ctx) => {
    const { db } = ctx.project;
    const code = requireCode(db, id);
    assertCanNestUnder(db, code, parentId);
    assertUniqueName(db, parentId, code.name, id);
    placeCode(db, id, parentId, index);
    return findCode(db, id)!;
  },
  'codes.merge': ({ ids, intoId }, ctx) => {
    const { db } = ctx.project;
    const into = requireCode(db, intoId);
    const merged = [...new Set(ids)].filter((id) => id !== intoId).map((id) => requireCode(db, id));
    if (merged.length === 0) throw new AppError('VALIDATION', 'Choose at least one code other than the one to merge into.');
    const above = new Set(ancestorIds(db, intoId));
    const ancestor = merged.find((code) => above.has(code.id));
    if (ancestor) throw new AppError('CONFLICT', `"${ancestor.name}" cannot be merged into its own sub-code "${into.name}". Move "${into.name}" out from under it first.`);
    let codingsMoved = 0;
    let duplicatesCollapsed = 0;
    for (const code of merged) {
      for (const coding of codingsOfCodes(db, [code.id])) {
        const kept = reshapeCoding(db, coding, { codeId: intoId, start: coding.start, end: coding.end, summary: coding.summary });
        if (kept.id === coding.id) codingsMoved++;
        else duplicatesCollapsed++;
      }
      for (const child of childIds(db, code.id)) {
        if (merged.some((m) => m.id === child)) continue;
        const name = findCode(db, child)!.name;
        assertUniqueName(db, intoId, name);
        placeCode(db, child, intoId, Number.MAX_SAFE_INTEGER);
      }
      retargetMemos(db, 'code', code.id, intoId);
      copyThemeMembership(db, code.id, intoId);
    }
    // Deleting a merged code that is under another merged one takes it along already.
    for (const code of merged) if (findCode(db, code.id)) deleteCode(db, code.id);
    return { into: findCode(db, intoId)!, mergedNames: merged.map((c) => c.name), codingsMoved, duplicatesCollapsed };
  },
  'codes.split': ({ id, codingIds, name, parentId }, ctx) => {
    const { db } = ctx.project;
    const from = requireCode(db, id);
    const chosen = new Set(codingIds);
    const codings = codingsOfCodes(db, [id]).filter((c) => chosen.has(c.id));
    if (codings.length !== chosen.size) throw new AppError('VALIDATION', `Only codings of "${from.name}" can be split off it; choose its segments again.`);
    const code = createCode(ctx, { name, parentId: parentId === undefined ? from.parentId : parentId });
    for (const coding of codings) reshapeCoding(db, coding, { codeId: code.id, start: coding.start, end: coding.end, summary: coding.summary });
    return { code: findCode(db, code.id)!, from: from.name, moved: codings.length };
  },
  'codes.remove': ({ id }, ctx) => {
    const { db } = ctx.project;
    const { name } = requireCode(db, id);
    const subtree = subtreeIds(db, id);
    const codingIds = codingIdsOfCodes(db, subtree);
    // Memos point at rows of several tables, so no foreign key takes them along.
    deleteMemosOf(db, 'coding', codingIds);
    deleteMemosOf(db, 'code', subtree);
    deleteCodingEvidence(db, codingIds);
    deleteCode(db, id);
    return { removed: true, name, codingsRemoved: codingIds.length };
  },
};
