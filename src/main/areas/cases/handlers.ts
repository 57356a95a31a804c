import { AppError } from '../../../shared/api/errors';
import type { AttributeType, Case } from '../../../shared/domain/model';
import { parseAttributeValue } from '../../../shared/domain/rules/attribute-values';
import type { Db } from '../../services/store/database';
import type { AreaHandlers } from '../kit';
import { deleteMemosOf } from '../memos/repository';
import { sourceText } from '../sources/repository';
import {
  addCaseMember,
  caseValuesOf,
  defineAttribute,
  deleteCase,
  deleteCaseAttribute,
  deleteCaseMembers,
  findAttributeDefinition,
  findCase,
  findCaseByName,
  insertCase,
  listAttributeDefinitions,
  listCasesInFull,
  setCaseAttribute,
  updateCase,
} from './repository';

const caseGone = () => new AppError('NOT_FOUND', 'That case no longer exists in this project.');

function requireCase(db: Db, id: string): Case {
  const found = findCase(db, id);
  if (!found) throw caseGone();
  return found;
}

/** Refuses a name another case has (names are told apart without regard to capitals). */
function requireFreeName(db: Db, name: string, self?: string): void {
  const holder = findCaseByName(db, name);
  if (holder && holder.id !== self) throw new AppError('CONFLICT', `There is already a case called “${holder.name}”; give this one another name.`);
}

/** A value read as its attribute's type, or a CONFLICT naming what to write instead. */
function typedValue(type: AttributeType, raw: string, attribute: string): string {
  const parsed = parseAttributeValue(type, raw);
  if (!parsed.ok) throw new AppError('VALIDATION', `${attribute} is a ${type === 'boolean' ? 'yes-or-no' : type} attribute: ${parsed.problem}`);
  return parsed.value;
}

export const casesHandlers: AreaHandlers<'cases.'> = {
  'cases.list': (_input, ctx) => listCasesInFull(ctx.project.db),
  'cases.listAttributes': (_input, ctx) => listAttributeDefinitions(ctx.project.db),
  'cases.create': ({ name, description }, ctx) => {
    const { db } = ctx.project;
    requireFreeName(db, name);
    const id = ctx.newId();
    insertCase(db, { id, name, description, now: ctx.clock() });
    return requireCase(db, id);
  },
  'cases.update': ({ id, name, description }, ctx) => {
    const { db } = ctx.project;
    requireCase(db, id);
    if (name !== undefined) requireFreeName(db, name, id);
    updateCase(db, id, { name, description });
    return requireCase(db, id);
  },
  'cases.remove': ({ id }, ctx) => {
    const { db } = ctx.project;
    const found = requireCase(db, id);
    // Memos point at rows of several tables, so no foreign key takes them along.
    deleteMemosOf(db, 'case', [id]);
    deleteCase(db, id);
    return { removed: true, name: found.name };
  },
  'cases.defineAttribute': ({ name, type }, ctx) => {
    const { db } = ctx.project;
    const values = caseValuesOf(db, name);
    const misfits = values.flatMap((v) => {
      const parsed = parseAttributeValue(type, v.value);
      return parsed.ok ? [] : [`${v.caseName} (${v.value})`];
    });
    if (misfits.length > 0) {
      throw new AppError('CONFLICT', `${name} cannot become a ${type === 'boolean' ? 'yes-or-no' : type} attribute: ${misfits.slice(0, 3).join(', ')}${misfits.length > 3 ? ` and ${misfits.length - 3} more` : ''} would not read as one. Change those values first.`);
    }
    defineAttribute(db, name, type);
    for (const v of values) setCaseAttribute(db, v.caseId, name, typedValue(type, v.value, name));
    return findAttributeDefinition(db, name)!;
  },
  'cases.setAttribute': ({ id, name, value, type }, ctx) => {
    const { db } = ctx.project;
    requireCase(db, id);
    const defined = findAttributeDefinition(db, name);
    if (defined && type !== undefined && type !== defined.type) {
      throw new AppError('CONFLICT', `${name} is already a ${defined.type === 'boolean' ? 'yes-or-no' : defined.type} attribute; change its type first if it should be a ${type === 'boolean' ? 'yes-or-no' : type} one.`);
    }
    const attributeType = defined?.type ?? type ?? 'text';
    const stored = typedValue(attributeType, value, name);
    if (!defined) defineAttribute(db, name, attributeType);
    setCaseAttribute(db, id, name, stored);
    return requireCase(db, id);
  },
  'cases.removeAttribute': ({ id, name }, ctx) => {
    const { db } = ctx.project;
    requireCase(db, id);
    if (!deleteCaseAttribute(db, id, name)) throw new AppError('NOT_FOUND', `That case has no attribute “${name}”.`);
    return requireCase(db, id);
  },
  'cases.addMembers': ({ id, members }, ctx) => {
    const { db } = ctx.project;
    requireCase(db, id);
    for (const member of members) {
      const text = sourceText(db, member.sourceId);
      if (text === undefined) throw new AppError('NOT_FOUND', 'A source to add to the case no longer exists in this project.');
      if (member.end !== undefined && member.end > text.length) {
        throw new AppError('VALIDATION', `The segment ends at ${member.end}, past the end of its source (${text.length} characters).`);
      }
      addCaseMember(db, { id: ctx.newId(), caseId: id, sourceId: member.sourceId, start: member.start ?? null, end: member.end ?? null });
    }
    return requireCase(db, id);
  },
  'cases.removeMembers': ({ id, memberIds }, ctx) => {
    const { db } = ctx.project;
    requireCase(db, id);
    if (deleteCaseMembers(db, id, memberIds) === 0) throw new AppError('NOT_FOUND', 'None of those are members of the case any more.');
    return requireCase(db, id);
  },
};
