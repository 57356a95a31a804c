import { z } from 'zod';
import { change, counted, quoted, read } from '../method';
import { attributeTypeLabels, attributeTypes, type AttributeDefinition, type Case } from '../../domain/model';

const id = z.string().min(1).max(100);
const name = z.string().trim().min(1, 'Give the case a name.').max(200);
const description = z.string().max(20_000);
const attributeName = z.string().trim().min(1, 'Give the attribute a name.').max(100);
const offset = z.number().int().nonnegative();
/** A whole source, or a stretch of it. */
const member = z
  .object({ sourceId: id, start: offset.optional(), end: offset.optional() })
  .strict()
  .refine((m) => (m.start === undefined) === (m.end === undefined), { message: 'Give both start and end for a segment, or neither for a whole source.' })
  .refine((m) => m.start === undefined || m.end! > m.start, { message: 'A segment must cover at least one character (end > start).', path: ['end'] });

/** What the cases' lists show: names and titles of their members, and their segments' words. */
const caseReads = ['cases', 'attributes', 'sources', 'source-text'] as const;

export const casesContract = {
  'cases.list': read<Case[]>(caseReads)(z.object({}).strict()),
  /** Every case attribute with its type, and how many cases give it a value. */
  'cases.listAttributes': read<AttributeDefinition[]>(['attributes', 'cases'])(z.object({}).strict()),
  'cases.create': change<Case>()(z.object({ name, description: description.default('') }).strict(), {
    touches: ['cases'],
    label: (_input, out) => `Create case ${quoted(out.name)}`,
  }),
  'cases.update': change<Case>()(
    z
      .object({ id, name: name.optional(), description: description.optional() })
      .strict()
      .refine((v) => v.name !== undefined || v.description !== undefined, { message: 'Say what to change: a name or a description.' }),
    { touches: ['cases'], label: (input, out) => (input.name !== undefined ? `Rename case to ${quoted(out.name)}` : `Describe case ${quoted(out.name)}`) },
  ),
  /** Deletes a case with its attribute values, its members (never their sources) and the memos written on it. */
  'cases.remove': change<{ removed: true; name: string }>()(z.object({ id }).strict(), {
    touches: ['cases', 'memos'],
    label: (_input, out) => `Delete case ${quoted(out.name)}`,
  }),
  /**
   * Declares a case attribute's type, or changes it when every value it has reads as the new
   * type (each is then stored in that type's spelling); a value that does not is named in the error.
   */
  'cases.defineAttribute': change<AttributeDefinition>()(z.object({ name: attributeName, type: z.enum(attributeTypes) }).strict(), {
    touches: ['attributes', 'cases'],
    label: (input) => `Make ${quoted(input.name)} a ${attributeTypeLabels[input.type].toLowerCase()} attribute`,
  }),
  /** Sets a case's value of an attribute, read as the attribute's type; a new attribute is declared with `type` (text when not given). */
  'cases.setAttribute': change<Case>()(
    z.object({ id, name: attributeName, value: z.string().max(500), type: z.enum(attributeTypes).optional() }).strict(),
    { touches: ['cases', 'attributes'], label: (input, out) => `Set ${input.name} = ${out.attributes[input.name] ?? input.value.trim()} on case ${quoted(out.name)}` },
  ),
  'cases.removeAttribute': change<Case>()(z.object({ id, name: attributeName }).strict(), {
    touches: ['cases'],
    label: (input, out) => `Remove ${input.name} from case ${quoted(out.name)}`,
  }),
  /** Adds whole sources or segments of them; one the case holds already is left as it is. */
  'cases.addMembers': change<Case>()(z.object({ id, members: z.array(member).min(1).max(10_000) }).strict(), {
    touches: ['cases'],
    label: (input, out) => {
      const segments = input.members.filter((m) => m.start !== undefined).length;
      const sources = input.members.length - segments;
      const what = [sources ? counted(sources, 'source') : '', segments ? counted(segments, 'segment') : ''].filter(Boolean).join(' and ');
      return `Add ${what} to case ${quoted(out.name)}`;
    },
  }),
  'cases.removeMembers': change<Case>()(z.object({ id, memberIds: z.array(id).min(1).max(10_000) }).strict(), {
    touches: ['cases'],
    label: (input, out) => `Take ${counted(input.memberIds.length, 'member')} out of case ${quoted(out.name)}`,
  }),
};
