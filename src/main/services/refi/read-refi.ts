import { AppError } from '../../../shared/api/errors';
import type { AttributeType, SourceFormat, SourceKind } from '../../../shared/domain/model';
import { guessKind } from '../../../shared/domain/rules/source-kind';
import { readCodeDescription, type CodeCriteria } from '../../../shared/domain/refi/code-description';
import {
  detectConvention,
  implausible,
  normaliseLineBreaks,
  offsetConventionLabels,
  positionsToUnits,
  spanPlausibility,
  type ConventionChoice,
  type OffsetConvention,
  type SelectionProbe,
} from '../../../shared/domain/refi/offsets';
import { counted } from '../../../shared/api/method';
import { extractInWorker, type ExtractedPassage } from '../import';
import { decodeText } from '../import/text-decoding';
import { RefiArchive, type ArchiveEntry } from './archive';
import { attr, child, children, parseXml, textOf, type XmlNode } from './xml';

// Reads a REFI-QDA file as another tool wrote it into what Quarry will store: codes, sources
// with their texts, codings at UTF-16 offsets, memos, cases, attributes and themes. Nothing here
// touches a project; the import handler plans the merge and writes. Every quirk of a real
// exporter handled here is named where it is handled.

export interface PreparedCode {
  key: string;
  parentKey: string | null;
  name: string;
  color: string | null;
  criteria: CodeCriteria;
}

export interface PreparedSource {
  key: string;
  title: string;
  kind: SourceKind;
  format: SourceFormat;
  fileName: string | null;
  text: string;
  passages: ExtractedPassage[];
  attributes: Array<{ name: string; value: string }>;
}

export interface PreparedCoding {
  key: string;
  sourceKey: string;
  codeKey: string;
  start: number;
  end: number;
  coder: string;
  createdAt: string;
  summary: string;
}

export type PreparedTarget = { kind: 'project' } | { kind: 'source' | 'code' | 'coding' | 'case' | 'theme'; key: string };

export interface PreparedMemo {
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  target: PreparedTarget;
}

export interface PreparedCase {
  key: string;
  name: string;
  description: string;
  attributes: Array<{ name: string; value: string }>;
  members: Array<{ sourceKey: string; start: number | null; end: number | null }>;
}

export interface PreparedTheme {
  key: string;
  name: string;
  description: string;
  codeKeys: string[];
}

export interface PreparedImport {
  fileName: string;
  kind: 'project' | 'codebook';
  projectName: string;
  description: string;
  origin: string;
  convention: ConventionChoice;
  codes: PreparedCode[];
  sources: PreparedSource[];
  codings: PreparedCoding[];
  memos: PreparedMemo[];
  cases: PreparedCase[];
  themes: PreparedTheme[];
  variables: Array<{ name: string; type: AttributeType }>;
  inFile: { codes: number; textSources: number; otherSources: number; selections: number; codings: number; notes: number; cases: number; sets: number; variables: number };
  notes: string[];
}

export interface ReadHooks {
  /** Used where the file gives no time. */
  now: string;
  progress?: (done: number, total: number, label: string) => void;
}

/** Keys are GUIDs as exporters write them: upper or lower case, with or without braces. */
const keyOf = (guid: string | undefined) => guid?.replace(/[{}]/g, '').trim().toLowerCase() ?? '';
const stem = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

/** The .qde in an archive: any single one, whatever its name (project.qde, Project.qde, <project name>.qde). */
function findProjectXml(archive: RefiArchive, fileName: string): ArchiveEntry {
  const qde = archive.entries.filter((e) => /\.qde$/i.test(e.name));
  if (qde.length === 1) return qde[0]!;
  const standard = qde.find((e) => e.name.toLowerCase() === 'project.qde');
  if (standard) return standard;
  if (qde.length === 0) {
    throw new AppError('UNREADABLE', `'${fileName}' is a zip but holds no project.qde, so it is not a REFI-QDA project; export it again as a REFI-QDA project (.qdpx).`);
  }
  throw new AppError('UNREADABLE', `'${fileName}' holds ${qde.length} project files (${qde.slice(0, 3).map((e) => e.name).join(', ')}), and Quarry cannot tell which one is the project.`);
}

/** Where a text path may point inside the archive, most likely first. */
function archivePaths(path: string): string[] {
  const base = path.replace(/^.*[\\/]/, '');
  const internal = /^internal:\/\/\/?(.*)$/i.exec(path);
  if (internal) return [`sources/${internal[1]}`, internal[1]!, `sources/${base}`];
  // relative:// (to the exporter's basePath), file:// and absolute paths point outside the archive; exporters still put such files in sources/.
  if (/^[a-z]+:\/\//i.test(path) || path.startsWith('/')) return [`sources/${base}`];
  // QualCoder issue 803: a bare file name instead of internal://.
  return [`sources/${path}`, path, `sources/${base}`];
}

/** Splits a text into passages, one per non-blank line, without changing a character: the selections' positions point into it. */
function linePassages(text: string): ExtractedPassage[] {
  const passages: ExtractedPassage[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body) passages.push({ kind: 'paragraph', level: 0, start: start + lead, end: start + lead + body.length, marker: null, speaker: null, timestamp: null });
    start += line.length + 1;
  }
  return passages;
}

const attributeTypes: Record<string, AttributeType> = { Text: 'text', Boolean: 'boolean', Integer: 'number', Float: 'number', Date: 'date', DateTime: 'date' };
const valueElements = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];

interface RawSelection {
  key: string;
  start: number;
  end: number;
  name?: string;
  description: string;
  createdAt?: string;
  creator?: string;
  codings: XmlNode[];
  noteKeys: string[];
}

interface RawText {
  key: string;
  title: string;
  format: SourceFormat;
  fileName: string | null;
  /** The text exactly as the file holds it (BOM removed), which its positions count; docx text is Quarry's own. */
  original: string;
  verbatim: boolean;
  /** For a source known only by its .docx: its text as Quarry reads it, and its paragraphs one per line, as a tool's plain text may have had them. */
  docxReadings?: Array<{ text: string; passages: ExtractedPassage[] }>;
  missing?: string;
  selections: RawSelection[];
  wholeCodings: XmlNode[];
  noteKeys: string[];
  values: XmlNode[];
}

class Reader {
  readonly notes: string[] = [];
  private readonly users = new Map<string, string>();
  private readonly variables = new Map<string, { name: string; type: AttributeType }>();

  constructor(
    private readonly fileName: string,
    private readonly hooks: ReadHooks,
    private readonly archive: RefiArchive | undefined,
  ) {}

  note(sentence: string): void {
    this.notes.push(sentence);
  }

  coder(guid: string | undefined): string | undefined {
    return guid === undefined ? undefined : this.users.get(keyOf(guid));
  }

  readUsers(project: XmlNode): void {
    for (const user of children(child(project, 'Users'), 'User')) {
      this.users.set(keyOf(attr(user, 'guid')), attr(user, 'name')?.trim() || attr(user, 'id')?.trim() || 'unknown');
    }
  }

  readCodes(codesParent: XmlNode | undefined): PreparedCode[] {
    const codes: PreparedCode[] = [];
    // Depth first with an explicit stack: a deep codebook cannot exhaust the call stack.
    const stack: Array<{ node: XmlNode; parentKey: string | null }> = children(child(codesParent, 'Codes'), 'Code')
      .reverse()
      .map((node) => ({ node, parentKey: null }));
    const seen = new Set<string>();
    while (stack.length) {
      const { node, parentKey } = stack.pop()!;
      let key = keyOf(attr(node, 'guid'));
      if (!key || seen.has(key)) key = `code-${codes.length}`;
      seen.add(key);
      const color = attr(node, 'color')?.trim();
      codes.push({
        key,
        parentKey,
        name: attr(node, 'name')?.trim() || 'Unnamed code',
        color: color && /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : color && /^#[0-9a-f]{3}$/i.test(color) ? `#${[...color.slice(1)].map((c) => c + c).join('')}`.toLowerCase() : null,
        criteria: readCodeDescription(textOf(node, 'Description') ?? ''),
      });
      for (const sub of children(node, 'Code').reverse()) stack.push({ node: sub, parentKey: key });
    }
    return codes;
  }

  readVariables(project: XmlNode): Array<{ name: string; type: AttributeType }> {
    for (const v of children(child(project, 'Variables'), 'Variable')) {
      const name = attr(v, 'name')?.trim();
      if (name) this.variables.set(keyOf(attr(v, 'guid')), { name, type: attributeTypes[attr(v, 'typeOfVariable') ?? ''] ?? 'text' });
    }
    return [...new Map([...this.variables.values()].map((v) => [v.name.toLowerCase(), v])).values()];
  }

  values(nodes: XmlNode[]): Array<{ name: string; value: string }> {
    const values: Array<{ name: string; value: string }> = [];
    for (const node of nodes) {
      const variable = this.variables.get(keyOf(attr(child(node, 'VariableRef'), 'targetGUID')));
      const element = valueElements.find((e) => textOf(node, e) !== undefined);
      const value = element && textOf(node, element)!.trim();
      if (variable && value) values.push({ name: variable.name, value });
    }
    return values;
  }

  selectionsOf(node: XmlNode): RawSelection[] {
    return children(node, 'PlainTextSelection').map((s) => ({
      key: keyOf(attr(s, 'guid')),
      start: Number(attr(s, 'startPosition')),
      end: Number(attr(s, 'endPosition')),
      name: attr(s, 'name'),
      description: textOf(s, 'Description')?.trim() ?? '',
      createdAt: attr(s, 'creationDateTime'),
      creator: attr(s, 'creatingUser'),
      codings: children(s, 'Coding'),
      noteKeys: children(s, 'NoteRef').map((r) => keyOf(attr(r, 'targetGUID'))),
    }));
  }

  /** A TextSource (or a PDF's text Representation) with where its text is to be found. */
  rawText(node: XmlNode, title: string, format: SourceFormat): RawText & { plainPath?: string; richPath?: string; inline?: string } {
    return {
      key: keyOf(attr(node, 'guid')),
      title,
      format,
      fileName: null,
      original: '',
      verbatim: true,
      selections: this.selectionsOf(node),
      wholeCodings: children(node, 'Coding'),
      noteKeys: children(node, 'NoteRef').map((r) => keyOf(attr(r, 'targetGUID'))),
      values: children(node, 'VariableValue'),
      plainPath: attr(node, 'plainTextPath')?.trim() || undefined,
      richPath: attr(node, 'richTextPath')?.trim() || undefined,
      inline: textOf(node, 'PlainTextContent'),
    };
  }

  /** Finds each text's file in the archive and reads them all in one pass. */
  async resolveTexts(texts: Array<ReturnType<Reader['rawText']>>): Promise<void> {
    const wanted = new Map<string, ArchiveEntry>();
    const plan = texts.map((t) => {
      if (t.inline !== undefined) return { t, how: 'inline' as const };
      const plain = t.plainPath === undefined ? undefined : archivePaths(t.plainPath).map((p) => this.archive?.find(p)).find(Boolean);
      if (plain) {
        wanted.set(plain.name, plain);
        return { t, how: 'plain' as const, entry: plain };
      }
      const rich = t.richPath === undefined ? undefined : archivePaths(t.richPath).map((p) => this.archive?.find(p)).find(Boolean);
      if (rich && /\.docx$/i.test(rich.name)) {
        wanted.set(rich.name, rich);
        return { t, how: 'docx' as const, entry: rich };
      }
      return { t, how: 'missing' as const };
    });
    const bytes = this.archive && wanted.size ? this.archive.bytesOf([...wanted.values()]) : new Map<string, Uint8Array>();
    let done = 0;
    for (const step of plan) {
      const { t } = step;
      this.hooks.progress?.(++done, plan.length, `Reading the text of ${t.title}`);
      if (step.how === 'inline') t.original = stripBom(step.t.inline!);
      else if (step.how === 'plain') {
        t.original = stripBom(decodeText(bytes.get(step.entry.name)!, step.entry.name));
        t.fileName = step.entry.name.replace(/^.*\//, '');
      } else if (step.how === 'docx') {
        // A source with only a Word representation: its text is what Quarry's own import reads from it.
        const doc = await extractInWorker(bytes.get(step.entry.name)!, step.entry.name);
        const lines = doc.passages.map((p) => doc.text.slice(p.start, p.end)).join('\n');
        t.docxReadings = [doc, { text: lines, passages: linePassages(lines) }];
        t.original = doc.text;
        t.verbatim = false;
        t.format = 'docx';
        t.fileName = step.entry.name.replace(/^.*\//, '');
      } else {
        t.missing = t.plainPath ?? t.richPath ?? 'no text';
      }
    }
  }
}

const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function decodeXml(bytes: Uint8Array, name: string): string {
  return stripBom(decodeText(bytes, name));
}

/** Reads a .qdpx, .qde or .qdc file. */
export async function readRefi(bytes: Uint8Array, fileName: string, hooks: ReadHooks): Promise<PreparedImport> {
  let archive: RefiArchive | undefined;
  let xml: string;
  let xmlName = fileName;
  if (RefiArchive.isZip(bytes)) {
    archive = RefiArchive.open(bytes, fileName);
    const entry = findProjectXml(archive, fileName);
    xmlName = entry.name;
    xml = decodeXml(archive.bytesOf([entry]).get(entry.name)!, entry.name);
  } else if (/\.qdpx$/i.test(fileName)) {
    throw new AppError('UNREADABLE', `'${fileName}' is not a REFI-QDA project archive (a zip holding project.qde); export the project again from the tool that made it.`);
  } else {
    xml = decodeXml(bytes, fileName);
  }
  hooks.progress?.(0, 1, `Reading ${fileName}`);
  const document = parseXml(xml, xmlName);
  const project = child(document, 'Project');
  const codebook = child(document, 'CodeBook');
  if (!project && !codebook) {
    throw new AppError('UNREADABLE', `'${fileName}' is XML but neither a REFI-QDA project (<Project>) nor a codebook (<CodeBook>).`);
  }
  const reader = new Reader(fileName, hooks, archive);
  return project ? readProject(reader, project, fileName, hooks, archive) : readCodebook(reader, codebook!, fileName);
}

function emptyCounts(): PreparedImport['inFile'] {
  return { codes: 0, textSources: 0, otherSources: 0, selections: 0, codings: 0, notes: 0, cases: 0, sets: 0, variables: 0 };
}

function readCodebook(reader: Reader, codebook: XmlNode, fileName: string): PreparedImport {
  const codes = reader.readCodes(codebook);
  const known = new Set(codes.map((c) => c.key));
  const themes = children(child(codebook, 'Sets'), 'Set').map((set, i) => ({
    key: keyOf(attr(set, 'guid')) || `set-${i}`,
    name: attr(set, 'name')?.trim() || `Set ${i + 1}`,
    description: textOf(set, 'Description')?.trim() ?? '',
    // Codebook.xsd names the member's GUID `guid`; Project.xsd `targetGUID`.
    codeKeys: children(set, 'MemberCode').map((m) => keyOf(attr(m, 'guid') ?? attr(m, 'targetGUID'))).filter((k) => known.has(k)),
  }));
  return {
    fileName,
    kind: 'codebook',
    projectName: stem(fileName),
    description: '',
    origin: attr(codebook, 'origin') ?? '',
    convention: { convention: 'code-points', scores: { 'code-points': 0, utf16: 0, 'code-points-crlf-as-one': 0, 'utf16-crlf-as-one': 0 }, decided: false },
    codes,
    sources: [],
    codings: [],
    memos: [],
    cases: [],
    themes,
    variables: [],
    inFile: { ...emptyCounts(), codes: codes.length, sets: themes.length },
    notes: reader.notes,
  };
}

async function readProject(reader: Reader, project: XmlNode, fileName: string, hooks: ReadHooks, archive: RefiArchive | undefined): Promise<PreparedImport> {
  const inFile = emptyCounts();
  reader.readUsers(project);
  const codes = reader.readCodes(child(project, 'CodeBook'));
  inFile.codes = codes.length;
  const codeKeys = new Set(codes.map((c) => c.key));
  const variables = reader.readVariables(project);
  inFile.variables = variables.length;

  // Sources: text sources, and PDFs through their text representation; Quarry keeps text only.
  const sourcesNode = child(project, 'Sources');
  const texts: Array<ReturnType<Reader['rawText']>> = [];
  for (const node of children(sourcesNode, 'TextSource')) {
    const name = attr(node, 'name')?.trim();
    const raw = reader.rawText(node, '', 'txt');
    // QualCoder writes no name: the file name of the text stands in.
    raw.title = name || (raw.plainPath ? stem(raw.plainPath) : raw.richPath ? stem(raw.richPath) : `Source ${texts.length + 1}`);
    texts.push(raw);
  }
  inFile.textSources = texts.length;
  const leftOut = { picture: 0, pdf: 0, audio: 0, video: 0, codings: 0 };
  let pdfTexts = 0;
  let regionsViaText = 0;
  for (const node of children(sourcesNode, 'PDFSource')) {
    const representation = child(node, 'Representation');
    const textSelections = new Set(children(representation, 'PlainTextSelection').map((sel) => keyOf(attr(sel, 'guid'))));
    for (const region of children(node, 'PDFSelection')) {
      const n = children(region, 'Coding').length;
      inFile.codings += n;
      // ATLAS.ti codes a PDF passage twice: as a region and on the representation's text, under the same GUID.
      if (textSelections.has(keyOf(attr(region, 'guid')))) regionsViaText += n;
      else leftOut.codings += n;
    }
    inFile.codings += children(node, 'Coding').length;
    leftOut.codings += children(node, 'Coding').length;
    if (representation) {
      const raw = reader.rawText(representation, attr(node, 'name')?.trim() || `PDF ${texts.length + 1}`, 'pdf');
      raw.key = keyOf(attr(node, 'guid')) || raw.key;
      raw.noteKeys.push(...children(node, 'NoteRef').map((r) => keyOf(attr(r, 'targetGUID'))));
      raw.values.push(...children(node, 'VariableValue'));
      texts.push(raw);
      pdfTexts++;
    } else {
      leftOut.pdf++;
    }
  }
  for (const [element, kind, selection] of [
    ['PictureSource', 'picture', 'PictureSelection'],
    ['AudioSource', 'audio', 'AudioSelection'],
    ['VideoSource', 'video', 'VideoSelection'],
  ] as const) {
    for (const node of children(sourcesNode, element)) {
      leftOut[kind]++;
      const n = children(node, selection).flatMap((s) => children(s, 'Coding')).length + children(node, 'Coding').length;
      leftOut.codings += n;
      inFile.codings += n;
    }
  }
  inFile.otherSources = pdfTexts + leftOut.picture + leftOut.pdf + leftOut.audio + leftOut.video;
  if (pdfTexts) reader.note(`${counted(pdfTexts, 'PDF source')} came in as the text the file gives for ${pdfTexts === 1 ? 'it' : 'them'}.`);
  const kinds = (['picture', 'pdf', 'audio', 'video'] as const).filter((k) => leftOut[k]).map((k) => counted(leftOut[k], k === 'pdf' ? 'PDF without a text representation' : `${k} source`));
  if (kinds.length || leftOut.codings) {
    const codingsLeft = leftOut.codings ? counted(leftOut.codings, 'coding') + ' of regions or time spans' : '';
    reader.note(`Left out ${[kinds.join(', '), codingsLeft].filter(Boolean).join(', and ')}: Quarry codes text only.`);
  }
  if (regionsViaText) reader.note(`${counted(regionsViaText, 'coding')} of PDF regions ${verb(regionsViaText, 'repeats a coding', 'repeat codings')} of the PDF's text, and ${verb(regionsViaText, 'is', 'are')} read from there.`);

  await reader.resolveTexts(texts);
  const missing = texts.filter((t) => t.missing !== undefined);
  if (missing.length) {
    const selections = missing.reduce((n, t) => n + t.selections.length, 0);
    reader.note(
      `The file holds no text for ${counted(missing.length, 'source')} (${missing.slice(0, 3).map((t) => `‘${t.title}’`).join(', ')}${missing.length > 3 ? ', …' : ''}): they are imported empty${selections ? `, and their ${counted(selections, 'selection')} cannot be placed` : ''}.`,
    );
  }

  const blank = texts.filter((t) => t.missing === undefined && !t.original.trim()).length;
  if (blank) reader.note(`${counted(blank, 'source')} ${verb(blank, 'has', 'have')} an empty text in the file.`);

  // One tool wrote the file, so one convention counts its positions: the one under which its selections are most plausible.
  const convention = detectConvention(
    texts
      .filter((t) => t.verbatim && !t.missing)
      .map((t) => ({ text: t.original, selections: t.selections.map((s): SelectionProbe => ({ start: s.start, end: s.end, name: s.name })) })),
  );
  if (convention.decided && convention.convention !== 'code-points') {
    reader.note(`Positions in this file are counted in ${offsetConventionLabels[convention.convention]}, not in code points as the standard says; Quarry converted them.`);
  }

  const sources: PreparedSource[] = [];
  const codings: PreparedCoding[] = [];
  const memos: PreparedMemo[] = [];
  /** Where a selection landed, for notes and cases that point at it. */
  const placed = new Map<string, { sourceKey: string; start: number; end: number; codingKeys: string[] }>();
  const sourceKeys = new Set<string>();
  const codingKeys = new Map<string, string>();
  const seenCodings = new Set<string>();
  const noteTargets = new Map<string, PreparedTarget>();
  const target = (noteKey: string, to: PreparedTarget) => {
    if (!noteTargets.has(noteKey)) noteTargets.set(noteKey, to);
  };
  let unplaced = 0;
  let unknownCodes = 0;
  let doubled = 0;
  let implausibleSpans = 0;
  let selectionsTotal = 0;

  for (const t of texts) {
    let key = t.key || `source-${sources.length}`;
    if (sourceKeys.has(key)) key = `${key}-${sources.length}`;
    sourceKeys.add(key);
    // A .docx read two ways: the reading under which its selections fall on word boundaries is the one the tool counted in.
    const reading = t.docxReadings?.reduce((best, r) => (readingPlausibility(r.text, t.selections, convention.convention) > readingPlausibility(best.text, t.selections, convention.convention) ? r : best));
    if (reading) t.original = reading.text;
    const { text, map } = t.verbatim ? normaliseLineBreaks(t.original) : { text: t.original, map: (i: number) => i };
    const passages = reading ? reading.passages : linePassages(text);
    sources.push({
      key,
      title: t.title,
      kind: guessKind({ fileName: t.fileName ?? t.title, text, passages }),
      format: t.format,
      fileName: t.fileName,
      text,
      passages,
      attributes: reader.values(t.values),
    });
    for (const noteKey of t.noteKeys) target(noteKey, { kind: 'source', key });
    const toUnits = positionsToUnits(t.original, convention.convention);
    const addCoding = (codingNode: XmlNode, start: number, end: number, fallback: { createdAt?: string; creator?: string; summary: string }) => {
      inFile.codings++;
      const codeKey = keyOf(attr(children(codingNode, 'CodeRef')[0], 'targetGUID'));
      if (!codeKeys.has(codeKey)) {
        unknownCodes++;
        return undefined;
      }
      const identity = `${key} ${codeKey} ${start} ${end}`;
      if (seenCodings.has(identity)) {
        doubled++;
        return undefined;
      }
      seenCodings.add(identity);
      const codingKey = keyOf(attr(codingNode, 'guid')) || `coding-${codings.length}`;
      const coding: PreparedCoding = {
        key: codingKeys.has(codingKey) ? `${codingKey}-${codings.length}` : codingKey,
        sourceKey: key,
        codeKey,
        start,
        end,
        coder: reader.coder(attr(codingNode, 'creatingUser')) ?? reader.coder(fallback.creator) ?? 'unknown',
        createdAt: attr(codingNode, 'creationDateTime') ?? fallback.createdAt ?? hooks.now,
        summary: fallback.summary,
      };
      codings.push(coding);
      codingKeys.set(codingKey, coding.key);
      for (const ref of children(codingNode, 'NoteRef')) target(keyOf(attr(ref, 'targetGUID')), { kind: 'coding', key: coding.key });
      return coding.key;
    };
    // A Coding directly on a text source codes all of it.
    for (const whole of t.wholeCodings) if (text.length > 0) addCoding(whole, 0, text.length, { summary: '' });
    for (const s of t.selections) {
      selectionsTotal++;
      const startUnits = toUnits(s.start);
      const endUnits = toUnits(s.end);
      const start = startUnits === undefined ? undefined : map(startUnits);
      const end = endUnits === undefined ? undefined : map(endUnits);
      if (t.missing !== undefined || start === undefined || end === undefined || end <= start || end > text.length) {
        if (t.missing === undefined) unplaced++;
        inFile.codings += s.codings.length;
        // Whatever was noted on it stays with its source.
        for (const noteKey of s.noteKeys) target(noteKey, { kind: 'source', key });
        if (s.description) memos.push(selectionMemo(s, key, undefined, hooks.now));
        continue;
      }
      if (implausible(spanPlausibility(t.original, startUnits, endUnits, s.name))) implausibleSpans++;
      // A selection's comment (ATLAS.ti's quotation comment) is the condensed summary of what was coded there.
      const keys = s.codings.map((c) => addCoding(c, start, end, { createdAt: s.createdAt, creator: s.creator, summary: s.description })).filter((k): k is string => k !== undefined);
      placed.set(s.key, { sourceKey: key, start, end, codingKeys: keys });
      for (const noteKey of s.noteKeys) target(noteKey, keys[0] ? { kind: 'coding', key: keys[0] } : { kind: 'source', key });
      if (s.description && s.codings.length === 0) memos.push(selectionMemo(s, key, text.slice(start, end), hooks.now));
    }
  }
  inFile.selections = selectionsTotal;
  if (unplaced) reader.note(`${counted(unplaced, 'selection')} ${verb(unplaced, 'lies', 'lie')} outside ${verb(unplaced, 'its', 'their')} source's text and ${verb(unplaced, 'was', 'were')} not placed.`);
  if (unknownCodes) reader.note(`${counted(unknownCodes, 'coding')} ${verb(unknownCodes, 'names', 'name')} a code that is not in the codebook and ${verb(unknownCodes, 'was', 'were')} left out.`);
  if (doubled) reader.note(`${counted(doubled, 'coding')} repeated another with the same code on the same text and ${verb(doubled, 'was', 'were')} kept once.`);
  if (implausibleSpans) {
    reader.note(`${counted(implausibleSpans, 'selection')} ${verb(implausibleSpans, 'starts or ends', 'start or end')} inside a word: the text Quarry has may differ from the one the tool coded, so check ${verb(implausibleSpans, 'it', 'them')}.`);
  }

  // Codes may carry notes.
  const codeNodes = children(child(child(project, 'CodeBook'), 'Codes'), 'Code');
  while (codeNodes.length) {
    const code = codeNodes.pop()!;
    for (const ref of children(code, 'NoteRef')) target(keyOf(attr(ref, 'targetGUID')), { kind: 'code', key: keyOf(attr(code, 'guid')) });
    codeNodes.push(...children(code, 'Code'));
  }

  // Cases, and sets of sources, become Quarry's cases; sets of codes its themes.
  const cases: PreparedCase[] = [];
  const caseByName = new Map<string, PreparedCase>();
  const addCase = (key: string, name: string, description: string): PreparedCase => {
    const existing = caseByName.get(name.toLowerCase());
    if (existing) return existing;
    const c: PreparedCase = { key, name, description, attributes: [], members: [] };
    caseByName.set(name.toLowerCase(), c);
    cases.push(c);
    return c;
  };
  const caseKeys = new Map<string, string>();
  let caseCodeRefs = 0;
  const caseNodes = children(child(project, 'Cases'), 'Case');
  inFile.cases = caseNodes.length;
  caseNodes.forEach((node, i) => {
    const c = addCase(keyOf(attr(node, 'guid')) || `case-${i}`, attr(node, 'name')?.trim() || `Case ${i + 1}`, textOf(node, 'Description')?.trim() ?? '');
    caseKeys.set(keyOf(attr(node, 'guid')), c.key);
    for (const value of reader.values(children(node, 'VariableValue'))) if (!c.attributes.some((a) => a.name === value.name)) c.attributes.push(value);
    for (const ref of children(node, 'SourceRef')) {
      const sourceKey = keyOf(attr(ref, 'targetGUID'));
      if (sourceKeys.has(sourceKey)) c.members.push({ sourceKey, start: null, end: null });
    }
    for (const ref of children(node, 'SelectionRef')) {
      const at = placed.get(keyOf(attr(ref, 'targetGUID')));
      if (at) c.members.push({ sourceKey: at.sourceKey, start: at.start, end: at.end });
    }
    caseCodeRefs += children(node, 'CodeRef').length;
  });
  if (caseCodeRefs) reader.note(`${counted(caseCodeRefs, 'link')} from cases to codes ${verb(caseCodeRefs, 'was', 'were')} left out: a Quarry case holds sources and segments.`);

  const themes: PreparedTheme[] = [];
  const themeKeys = new Map<string, string>();
  let setsLeftOut = 0;
  let noteMembers = 0;
  const setNodes = children(child(project, 'Sets'), 'Set');
  inFile.sets = setNodes.length;
  setNodes.forEach((node, i) => {
    const key = keyOf(attr(node, 'guid')) || `set-${i}`;
    const name = attr(node, 'name')?.trim() || `Set ${i + 1}`;
    const description = textOf(node, 'Description')?.trim() ?? '';
    const memberCodes = children(node, 'MemberCode').map((m) => keyOf(attr(m, 'targetGUID') ?? attr(m, 'guid')));
    const memberSources = children(node, 'MemberSource').map((m) => keyOf(attr(m, 'targetGUID')));
    noteMembers += children(node, 'MemberNote').length;
    const knownCodes = memberCodes.filter((k) => codeKeys.has(k));
    const knownSources = memberSources.filter((k) => sourceKeys.has(k));
    if (knownCodes.length || (memberCodes.length === 0 && memberSources.length === 0)) {
      const existing = themes.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (existing) existing.codeKeys.push(...knownCodes.filter((k) => !existing.codeKeys.includes(k)));
      else themes.push({ key, name, description, codeKeys: knownCodes });
      themeKeys.set(key, existing?.key ?? key);
    }
    if (knownSources.length) {
      const c = addCase(key, name, description);
      for (const sourceKey of knownSources) if (!c.members.some((m) => m.sourceKey === sourceKey && m.start === null)) c.members.push({ sourceKey, start: null, end: null });
      caseKeys.set(key, c.key);
    }
    if (!knownCodes.length && !knownSources.length && (memberCodes.length || memberSources.length)) setsLeftOut++;
  });
  const sourceSets = setNodes.filter((n) => children(n, 'MemberSource').some((m) => sourceKeys.has(keyOf(attr(m, 'targetGUID'))))).length;
  if (sourceSets) reader.note(`${counted(sourceSets, 'set')} of sources became cases holding those sources.`);
  if (setsLeftOut) reader.note(`${counted(setsLeftOut, 'set')} held only sources Quarry left out and ${verb(setsLeftOut, 'was', 'were')} not imported.`);
  if (noteMembers) reader.note(`${counted(noteMembers, 'note')} grouped in sets ${verb(noteMembers, 'keeps its', 'keep their')} own place: Quarry does not group memos.`);

  // Links between a note and something else attach the note to it (ATLAS.ti's memo–quotation links).
  let otherLinks = 0;
  let linksToLeftOut = 0;
  const linkable = (guid: string): PreparedTarget | undefined => {
    const at = placed.get(guid);
    if (at) return at.codingKeys[0] ? { kind: 'coding', key: at.codingKeys[0] } : { kind: 'source', key: at.sourceKey };
    if (codingKeys.has(guid)) return { kind: 'coding', key: codingKeys.get(guid)! };
    if (codeKeys.has(guid)) return { kind: 'code', key: guid };
    if (sourceKeys.has(guid)) return { kind: 'source', key: guid };
    if (caseKeys.has(guid)) return { kind: 'case', key: caseKeys.get(guid)! };
    if (themeKeys.has(guid)) return { kind: 'theme', key: themeKeys.get(guid)! };
    return undefined;
  };
  const noteNodes = children(child(project, 'Notes'), 'Note');
  const noteKeys = new Set(noteNodes.map((n) => keyOf(attr(n, 'guid'))));
  for (const link of children(child(project, 'Links'), 'Link')) {
    const [origin, destination] = [keyOf(attr(link, 'originGUID')), keyOf(attr(link, 'targetGUID'))];
    const note = noteKeys.has(origin) ? origin : noteKeys.has(destination) ? destination : undefined;
    const to = note === undefined ? undefined : linkable(note === origin ? destination : origin);
    if (to) target(note!, to);
    else if (note !== undefined) linksToLeftOut++;
    else otherLinks++;
  }
  if (linksToLeftOut) reader.note(`${counted(linksToLeftOut, 'note')} linked to something Quarry left out ${verb(linksToLeftOut, 'is', 'are')} kept as ${verb(linksToLeftOut, 'a project memo', 'project memos')}.`);
  if (otherLinks) reader.note(`${counted(otherLinks, 'link')} between things other than a note and what it is about ${verb(otherLinks, 'was', 'were')} left out.`);
  const graphs = children(child(project, 'Graphs'), 'Graph').length;
  if (graphs) reader.note(`${counted(graphs, 'network view')} (REFI-QDA ${verb(graphs, 'graph', 'graphs')}) ${verb(graphs, 'was', 'were')} left out.`);

  for (const ref of children(project, 'NoteRef')) target(keyOf(attr(ref, 'targetGUID')), { kind: 'project' });
  inFile.notes = noteNodes.length;
  // A note's text is inline or, like a source's, in a file of the archive.
  const noteEntry = (node: XmlNode) => {
    const path = attr(node, 'plainTextPath')?.trim();
    return textOf(node, 'PlainTextContent') === undefined && path ? archivePaths(path).map((p) => archive?.find(p)).find(Boolean) : undefined;
  };
  const noteFiles = archive?.bytesOf(noteNodes.map(noteEntry).filter((e): e is ArchiveEntry => e !== undefined)) ?? new Map<string, Uint8Array>();
  for (const node of noteNodes) {
    const entry = noteEntry(node);
    const file = entry && noteFiles.get(entry.name);
    const content = textOf(node, 'PlainTextContent') ?? (file ? stripBom(decodeText(file, entry.name)) : '');
    const description = textOf(node, 'Description')?.trim() ?? '';
    const body = [description, content.replace(/\r\n?/g, '\n').trim()].filter(Boolean).join('\n\n');
    const created = attr(node, 'creationDateTime') ?? hooks.now;
    memos.push({
      title: attr(node, 'name')?.trim() || body.split('\n')[0]!.slice(0, 80) || 'Note',
      body,
      createdAt: created,
      updatedAt: attr(node, 'modifiedDateTime') ?? created,
      target: noteTargets.get(keyOf(attr(node, 'guid'))) ?? { kind: 'project' },
    });
  }

  return {
    fileName,
    kind: 'project',
    projectName: attr(project, 'name')?.trim() || stem(fileName),
    description: textOf(project, 'Description')?.trim() ?? '',
    origin: attr(project, 'origin')?.trim() ?? '',
    convention,
    codes,
    sources,
    codings,
    memos,
    cases,
    themes,
    variables,
    inFile,
    notes: reader.notes,
  };
}

function readingPlausibility(text: string, selections: readonly RawSelection[], convention: OffsetConvention): number {
  const toUnits = positionsToUnits(text, convention);
  return selections.reduce((sum, s) => sum + spanPlausibility(text, toUnits(s.start), toUnits(s.end), s.name), 0);
}

function selectionMemo(s: RawSelection, sourceKey: string, text: string | undefined, now: string): PreparedMemo {
  const title = s.name?.trim() ? `Note on ‘${s.name.trim().slice(0, 60)}’` : 'Note on a selection';
  return {
    title,
    body: text ? `“${text.trim()}”\n\n${s.description}` : s.description,
    createdAt: s.createdAt ?? now,
    updatedAt: s.createdAt ?? now,
    target: { kind: 'source', key: sourceKey },
  };
}
