import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { AttributeType, MemoTargetKind } from '../../../shared/domain/model';
import { describeCode } from '../../../shared/domain/refi/code-description';
import { unitsToCodePoints } from '../../../shared/domain/refi/offsets';
import { buildXml, type XmlOut } from './xml';

// Writes a project as REFI-QDA 1.5: a .qdpx (project.qde plus each source's text under
// sources/) or the codebook alone as a .qdc. Elements are built in the order Project.xsd and
// Codebook.xsd require; positions are converted from Quarry's UTF-16 units to code points.

export interface ProjectSnapshot {
  name: string;
  description: string;
  createdAt: string | undefined;
  exportedAt: string;
  origin: string;
  codes: Array<{ id: string; parentId: string | null; name: string; color: string; definition: string; inclusion: string; exclusion: string; example: string }>;
  sources: Array<{ id: string; title: string; text: string; createdAt: string; updatedAt: string }>;
  codings: Array<{ id: string; sourceId: string; codeId: string; start: number; end: number; coder: string; createdAt: string; summary: string }>;
  memos: Array<{ id: string; title: string; body: string; targetKind: MemoTargetKind; targetId: string | null; createdAt: string; updatedAt: string }>;
  attributeDefinitions: Array<{ name: string; type: AttributeType }>;
  sourceAttributes: Array<{ sourceId: string; name: string; value: string }>;
  cases: Array<{ id: string; name: string; description: string }>;
  caseAttributes: Array<{ caseId: string; name: string; value: string }>;
  caseMembers: Array<{ id: string; caseId: string; sourceId: string; start: number | null; end: number | null }>;
  themes: Array<{ id: string; name: string; description: string }>;
  themeCodes: Array<{ themeId: string; codeId: string }>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Kinds of thing whose Quarry id may stand as their GUID; a selection, say, is named after its first coding's id, so its GUID is derived. */
const ownIds = new Set(['code', 'source', 'coding', 'memo', 'case', 'theme']);

/** A GUID for each exported thing: Quarry's own id where it is a UUID of that thing, otherwise one derived from it, so exporting twice writes the same file. */
export function guidFor(kind: string, id: string): string {
  if (ownIds.has(kind) && uuidPattern.test(id)) return id.toLowerCase();
  const hex = createHash('sha1').update(`${kind}:${id}`).digest('hex');
  // Shaped as a name-based (version 5) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const grouped = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};

/** The selected text as a selection's name, as ATLAS.ti names its quotations: shown by other tools, and a check on positions when read back. */
function selectionName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99).trimEnd()}…` : flat;
}

const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const integer = /^[+-]?\d+$/;
const date = /^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const boolean = /^(true|false|1|0)$/;

/** The REFI-QDA type of a variable and the element its values go in: the declared type where every value fits it, text otherwise. */
function variableType(type: AttributeType, values: readonly string[]): { typeOfVariable: string; element: string } {
  const all = (pattern: RegExp) => values.every((v) => pattern.test(v));
  if (type === 'number' && all(integer)) return { typeOfVariable: 'Integer', element: 'IntegerValue' };
  if (type === 'number' && all(decimal)) return { typeOfVariable: 'Float', element: 'FloatValue' };
  if (type === 'boolean' && all(boolean)) return { typeOfVariable: 'Boolean', element: 'BooleanValue' };
  if (type === 'date' && all(date)) return { typeOfVariable: 'Date', element: 'DateValue' };
  if (type === 'date' && all(dateTime)) return { typeOfVariable: 'DateTime', element: 'DateTimeValue' };
  return { typeOfVariable: 'Text', element: 'TextValue' };
}

const list = <T>(items: T[]): T[] | undefined => (items.length ? items : undefined);

class ExportModel {
  private readonly s: ProjectSnapshot;
  private readonly memosOn: Map<string, ProjectSnapshot['memos']>;
  readonly variables: Array<{ name: string; guid: string; typeOfVariable: string; element: string }>;

  constructor(s: ProjectSnapshot) {
    this.s = s;
    this.memosOn = grouped(s.memos, (m) => `${m.targetKind}:${m.targetId ?? ''}`);
    const types = new Map(s.attributeDefinitions.map((d) => [d.name, d.type]));
    const values = grouped([...s.sourceAttributes, ...s.caseAttributes], (a) => a.name);
    this.variables = [...new Set([...types.keys(), ...values.keys()])].sort().map((name) => ({
      name,
      guid: guidFor('variable', name),
      ...variableType(types.get(name) ?? 'text', (values.get(name) ?? []).map((v) => v.value)),
    }));
  }

  noteRefs(kind: MemoTargetKind, id: string | null): XmlOut[] | undefined {
    return list((this.memosOn.get(`${kind}:${id ?? ''}`) ?? []).map((m) => ({ '@targetGUID': guidFor('memo', m.id) })));
  }

  values(attributes: ReadonlyArray<{ name: string; value: string }>): XmlOut[] | undefined {
    return list(
      [...attributes]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((a) => {
          const variable = this.variables.find((v) => v.name === a.name)!;
          return { VariableRef: { '@targetGUID': variable.guid }, [variable.element]: a.value };
        }),
    );
  }

  /** The code tree, children inside their parent; `withNotes` for a project (a .qdc has no notes). */
  codes(withNotes: boolean): XmlOut[] {
    const byParent = grouped(this.s.codes, (c) => c.parentId);
    const known = new Set(this.s.codes.map((c) => c.id));
    const build = (code: ProjectSnapshot['codes'][number]): XmlOut => ({
      '@guid': guidFor('code', code.id),
      '@name': code.name,
      '@isCodable': 'true',
      '@color': code.color,
      Description: describeCode(code) || undefined,
      NoteRef: withNotes ? this.noteRefs('code', code.id) : undefined,
      Code: list((byParent.get(code.id) ?? []).map(build)),
    });
    // A code whose parent is missing would otherwise be lost: it goes at the top.
    return this.s.codes.filter((c) => c.parentId === null || !known.has(c.parentId)).map(build);
  }

  sets(member: 'targetGUID' | 'guid'): XmlOut[] {
    const codesOf = grouped(this.s.themeCodes, (t) => t.themeId);
    return this.s.themes.map((t) => ({
      '@guid': guidFor('theme', t.id),
      '@name': t.name,
      Description: t.description || undefined,
      MemberCode: list((codesOf.get(t.id) ?? []).map((m) => ({ [`@${member}`]: guidFor('code', m.codeId) }))),
    }));
  }
}

/** project.qde and the texts it points to. */
export function buildProject(snapshot: ProjectSnapshot): { xml: string; texts: Map<string, string> } {
  const m = new ExportModel(snapshot);
  const s = snapshot;
  const users = [...new Set(s.codings.map((c) => c.coder))].sort();
  const user = (name: string) => guidFor('user', name);
  const codingsBySource = grouped(s.codings, (c) => c.sourceId);
  const membersBySource = grouped(
    s.caseMembers.filter((cm) => cm.start !== null),
    (cm) => cm.sourceId,
  );
  const attributesBySource = grouped(s.sourceAttributes, (a) => a.sourceId);
  const texts = new Map<string, string>();

  const sources = s.sources.map((source) => {
    const guid = guidFor('source', source.id);
    texts.set(`${guid}.txt`, source.text);
    const toCodePoints = unitsToCodePoints(source.text);
    // One selection per span, holding every code applied there; codings whose summaries differ get one each, as a selection has one description.
    const spans = grouped(codingsBySource.get(source.id) ?? [], (c) => `${c.start}:${c.end}:${c.summary}`);
    const selections: XmlOut[] = [...spans.values()].map((codings) => {
      const { start, end, summary } = codings[0]!;
      return {
        '@guid': guidFor('selection', codings[0]!.id),
        '@name': selectionName(source.text.slice(start, end)),
        '@startPosition': toCodePoints(start),
        '@endPosition': toCodePoints(end),
        '@creatingUser': user(codings[0]!.coder),
        '@creationDateTime': codings[0]!.createdAt,
        Description: summary || undefined,
        Coding: codings.map((c) => ({
          '@guid': guidFor('coding', c.id),
          '@creatingUser': user(c.coder),
          '@creationDateTime': c.createdAt,
          CodeRef: { '@targetGUID': guidFor('code', c.codeId) },
          NoteRef: m.noteRefs('coding', c.id),
        })),
      };
    });
    // A case holding a segment points at it, so the segment is a selection of its own.
    for (const member of membersBySource.get(source.id) ?? []) {
      selections.push({
        '@guid': guidFor('case-member', member.id),
        '@name': selectionName(source.text.slice(member.start!, member.end!)),
        '@startPosition': toCodePoints(member.start!),
        '@endPosition': toCodePoints(member.end!),
      });
    }
    return {
      '@guid': guid,
      '@name': source.title,
      '@plainTextPath': `internal://${guid}.txt`,
      '@creationDateTime': source.createdAt,
      '@modifiedDateTime': source.updatedAt,
      PlainTextSelection: list(selections),
      NoteRef: m.noteRefs('source', source.id),
      VariableValue: m.values(attributesBySource.get(source.id) ?? []),
    };
  });

  const attributesByCase = grouped(s.caseAttributes, (a) => a.caseId);
  const membersByCase = grouped(s.caseMembers, (cm) => cm.caseId);
  const cases = s.cases.map((c) => ({
    '@guid': guidFor('case', c.id),
    '@name': c.name,
    Description: c.description || undefined,
    VariableValue: m.values(attributesByCase.get(c.id) ?? []),
    SourceRef: list((membersByCase.get(c.id) ?? []).filter((cm) => cm.start === null).map((cm) => ({ '@targetGUID': guidFor('source', cm.sourceId) }))),
    SelectionRef: list((membersByCase.get(c.id) ?? []).filter((cm) => cm.start !== null).map((cm) => ({ '@targetGUID': guidFor('case-member', cm.id) }))),
  }));

  // Memos on cases and themes are linked to them (neither element carries notes); memos on what REFI-QDA has no place for stand alone.
  const linkable: Partial<Record<MemoTargetKind, string>> = { case: 'case', theme: 'theme' };
  const links = s.memos
    .filter((memo) => memo.targetId !== null && linkable[memo.targetKind])
    .map((memo) => ({
      '@guid': guidFor('memo-link', memo.id),
      '@name': 'Memo',
      '@direction': 'OneWay',
      '@originGUID': guidFor('memo', memo.id),
      '@targetGUID': guidFor(linkable[memo.targetKind]!, memo.targetId!),
    }));

  const project: XmlOut = {
    '@xmlns': 'urn:QDA-XML:project:1.0',
    '@name': s.name,
    '@origin': s.origin,
    '@creationDateTime': s.createdAt,
    '@modifiedDateTime': s.exportedAt,
    Users: users.length ? { User: users.map((name) => ({ '@guid': user(name), '@name': name })) } : undefined,
    CodeBook: s.codes.length ? { Codes: { Code: m.codes(true) } } : undefined,
    Variables: m.variables.length ? { Variable: m.variables.map((v) => ({ '@guid': v.guid, '@name': v.name, '@typeOfVariable': v.typeOfVariable })) } : undefined,
    Cases: cases.length ? { Case: cases } : undefined,
    Sources: sources.length ? { TextSource: sources } : undefined,
    Notes: s.memos.length
      ? {
          Note: s.memos.map((memo) => ({
            '@guid': guidFor('memo', memo.id),
            '@name': memo.title,
            '@creationDateTime': memo.createdAt,
            '@modifiedDateTime': memo.updatedAt,
            PlainTextContent: memo.body,
          })),
        }
      : undefined,
    Links: links.length ? { Link: links } : undefined,
    Sets: s.themes.length ? { Set: m.sets('targetGUID') } : undefined,
    Description: s.description || undefined,
    NoteRef: m.noteRefs('project', null),
  };
  return { xml: buildXml('Project', project), texts };
}

/** A .qdpx archive: project.qde and sources/<guid>.txt for each source. */
export function writeQdpx(snapshot: ProjectSnapshot): Uint8Array {
  const { xml, texts } = buildProject(snapshot);
  const sources: Record<string, Uint8Array> = {};
  for (const [name, text] of texts) sources[name] = strToU8(text);
  return zipSync({ 'project.qde': strToU8(xml), sources }, { level: 6, mtime: snapshot.exportedAt });
}

/** A .qdc codebook: the codes (with their criteria in each description) and themes as sets. */
export function writeQdc(snapshot: ProjectSnapshot): string {
  const m = new ExportModel(snapshot);
  return buildXml('CodeBook', {
    '@xmlns': 'urn:QDA-XML:codebook:1.0',
    '@origin': snapshot.origin,
    Codes: { Code: m.codes(false) },
    Sets: snapshot.themes.length ? { Set: m.sets('guid') } : undefined,
  });
}
