import { AppError } from '../../../shared/api/errors';
import { inVivoName } from '../../../shared/domain/rules/in-vivo';
import { createCode, requireCode } from '../codes/code-operations';
import { findSiblingByName, findCode } from '../codes/repository';
import { deleteCodingEvidence } from '../conclusions/repository';
import type { AreaHandlers } from '../kit';
import { deleteMemosOf } from '../memos/repository';
import { sourceText } from '../sources/repository';
import { applyCoding, assertWithin } from './apply-coding';
import { deleteCodings, findCoding, listCodings } from './repository';
import { reshapeCoding } from './reshape-coding';

export const codingsHandlers: AreaHandlers<'codings.'> = {
  'codings.list': (filter, ctx) => listCodings(ctx.project.db, filter),
  'codings.apply': (input, ctx) => applyCoding(ctx, input),
  'codings.applyCodes': ({ codeIds, ...span }, ctx) => {
    const texts = new Map<string, string>();
    return [...new Set(codeIds)].map((codeId) => applyCoding(ctx, { ...span, codeId }, texts));
  },
  'codings.codeInVivo': ({ sourceId, start, end, parentId }, ctx) => {
    const { db } = ctx.project;
    const text = sourceText(db, sourceId);
    if (text === undefined) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
    assertWithin({ start, end }, text);
    const name = inVivoName(text.slice(start, end));
    if (!name) throw new AppError('VALIDATION', 'In-vivo coding names the code after the selected words; select some words, not only spaces or punctuation.');
    const parent = parentId ?? null;
    if (parent) requireCode(db, parent);
    const existing = findSiblingByName(db, parent, name);
    const code = existing ? findCode(db, existing.id)! : createCode(ctx, { name, parentId: parent });
    const coding = applyCoding(ctx, { sourceId, codeId: code.id, start, end });
    return { code: findCode(db, code.id)!, coding, created: !existing };
  },
  'codings.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.project;
    const coding = findCoding(db, id);
    if (!coding) throw new AppError('NOT_FOUND', 'That coding no longer exists in this project.');
    if (changes.codeId !== undefined) requireCode(db, changes.codeId);
    const next = {
      codeId: changes.codeId ?? coding.codeId,
      start: changes.start ?? coding.start,
      end: changes.end ?? coding.end,
      summary: changes.summary ?? coding.summary,
    };
    if (next.end <= next.start) throw new AppError('VALIDATION', 'A coding must cover at least one character: its end must come after its start.');
    assertWithin(next, sourceText(db, coding.sourceId)!);
    return reshapeCoding(db, coding, next);
  },
  'codings.remove': ({ ids }, ctx) => {
    const { db } = ctx.project;
    deleteMemosOf(db, 'coding', ids);
    deleteCodingEvidence(db, ids);
    return { removed: deleteCodings(db, ids) };
  },
};
