import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import type { OffsetConvention } from '../../../shared/domain/refi/offsets';

// REFI-QDA files written the way other tools write them, quirks included, for tests. The XML
// is written here by hand, not by Quarry's writer, and positions are counted by `countAs`,
// written independently of offsets.ts, so a test checks one against the other.

/** A UTF-16 index of `text` counted as `convention` counts it. */
export function countAs(text: string, convention: OffsetConvention, index: number): number {
  const before = text.slice(0, index);
  let n = convention.startsWith('code-points') ? [...before].length : before.length;
  if (convention.endsWith('crlf-as-one')) n -= before.split('\r\n').length - 1;
  return n;
}

const esc = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attrs = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');

export interface FixtureSelection {
  /** The selected text, found in the source's text (the `nth` occurrence, from 0). */
  text: string;
  nth?: number;
  /** Code names. */
  codes: string[];
  /** 'text' names the selection after its text, as ATLAS.ti does; else the name given. */
  name?: string;
  description?: string;
  guid?: string;
  coder?: string;
  created?: string;
  notes?: string[];
  codingNotes?: string[];
}

export interface FixtureSource {
  guid: string;
  name?: string;
  /** Written with \n; the fixture's line ends apply. */
  text: string;
  /** How the text travels: a file under internal://, a bare file name (QualCoder 803), inline, only a .docx, or not at all. */
  store?: 'internal' | 'bare' | 'inline' | 'docx-only' | 'missing';
  bom?: boolean;
  /** The text's file name in the archive; the GUID by default. */
  file?: string;
  docx?: Uint8Array;
  selections?: FixtureSelection[];
  values?: Record<string, string>;
  notes?: string[];
}

export interface FixtureCode {
  guid: string;
  name: string;
  color?: string;
  description?: string;
  children?: FixtureCode[];
  notes?: string[];
}

export interface Fixture {
  name: string;
  origin: string;
  /** The project file's name in the archive (project.qde, Project.qde, <name>.qde). */
  qdeName?: string;
  sourcesFolder?: string;
  convention?: OffsetConvention;
  lineEnds?: 'lf' | 'crlf';
  users?: Array<{ guid: string; name?: string; id?: string }>;
  codes: FixtureCode[];
  variables?: Array<{ guid: string; name: string; type: string }>;
  cases?: Array<{ guid: string; name: string; description?: string; sources?: string[]; selections?: string[]; values?: Record<string, string>; codes?: string[] }>;
  sources: FixtureSource[];
  /** Further elements inside <Sources>: pictures, PDFs, video. */
  otherSources?: string;
  notes?: Array<{ guid: string; name: string; text: string; description?: string }>;
  links?: Array<{ guid: string; origin: string; target: string }>;
  sets?: Array<{ guid: string; name: string; description?: string; codes?: string[]; sources?: string[] }>;
  projectNotes?: string[];
  /** More files in the archive. */
  files?: Record<string, Uint8Array>;
}

const allCodes = (codes: FixtureCode[]): FixtureCode[] => codes.flatMap((c) => [c, ...allCodes(c.children ?? [])]);

const fileOf = (s: FixtureSource) => s.file ?? `${s.guid}.${s.store === 'docx-only' ? 'docx' : 'txt'}`;

export function sourceText(f: Fixture, source: FixtureSource): string {
  return f.lineEnds === 'crlf' ? source.text.replace(/\n/g, '\r\n') : source.text;
}

/** Where a selection lies in a source's text, in UTF-16 units. */
export function selectionSpan(f: Fixture, source: FixtureSource, s: FixtureSelection): { start: number; end: number } {
  const docx = source.store === 'docx-only';
  const text = docx ? source.text : sourceText(f, source);
  const wanted = docx || f.lineEnds !== 'crlf' ? s.text : s.text.replace(/\n/g, '\r\n');
  let at = -1;
  for (let k = 0; k <= (s.nth ?? 0); k++) at = text.indexOf(wanted, at + 1);
  if (at === -1) throw new Error(`fixture: “${s.text}” is not in ${source.name ?? source.guid}`);
  return { start: at, end: at + wanted.length };
}

export function projectXml(f: Fixture): string {
  const codeGuid = (name: string) => {
    const code = allCodes(f.codes).find((c) => c.name === name);
    if (!code) throw new Error(`fixture: no code ${name}`);
    return code.guid;
  };
  const noteRefs = (guids?: string[]) => (guids ?? []).map((g) => `<NoteRef targetGUID="${g}"/>`).join('');
  const code = (c: FixtureCode): string =>
    `<Code${attrs({ guid: c.guid, name: c.name, isCodable: 'true', color: c.color })}>${c.description ? `<Description>${esc(c.description)}</Description>` : ''}${noteRefs(c.notes)}${(c.children ?? []).map(code).join('')}</Code>`;
  const variable = (name: string) => f.variables?.find((v) => v.name === name);
  const values = (v?: Record<string, string>) =>
    Object.entries(v ?? {})
      .map(([name, value]) => {
        const def = variable(name)!;
        const element = { Text: 'TextValue', Integer: 'IntegerValue', Float: 'FloatValue', Boolean: 'BooleanValue', Date: 'DateValue' }[def.type] ?? 'TextValue';
        return `<VariableValue><VariableRef targetGUID="${def.guid}"/><${element}>${esc(value)}</${element}></VariableValue>`;
      })
      .join('');
  const convention = f.convention ?? 'code-points';
  let next = 9000;
  const fresh = () => guid(next++);
  const source = (s: FixtureSource) => {
    const text = sourceText(f, s);
    const file = fileOf(s);
    const path = { internal: `internal://${file}`, bare: file, inline: undefined, 'docx-only': undefined, missing: `internal://${file}` }[s.store ?? 'internal'];
    const selections = (s.selections ?? [])
      .map((sel) => {
        const { start, end } = selectionSpan(f, s, sel);
        const measured = s.store === 'docx-only' ? s.text : text;
        const name = sel.name === 'text' ? (sel.text.length > 100 ? `${sel.text.slice(0, 99)}…` : sel.text) : sel.name;
        const codings = sel.codes
          .map((c) => `<Coding${attrs({ guid: fresh(), creatingUser: sel.coder, creationDateTime: sel.created })}><CodeRef targetGUID="${codeGuid(c)}"/>${noteRefs(sel.codingNotes)}</Coding>`)
          .join('');
        return `<PlainTextSelection${attrs({
          guid: sel.guid ?? fresh(),
          name,
          startPosition: countAs(measured, convention, start),
          endPosition: countAs(measured, convention, end),
          creatingUser: sel.coder,
          creationDateTime: sel.created,
        })}>${sel.description ? `<Description>${esc(sel.description)}</Description>` : ''}${codings}${noteRefs(sel.notes)}</PlainTextSelection>`;
      })
      .join('');
    const richTextPath = s.store === 'docx-only' ? `internal://${file}` : undefined;
    const inline = s.store === 'inline' ? `<PlainTextContent>${esc(text).replace(/\r/g, '&#13;')}</PlainTextContent>` : '';
    return `<TextSource${attrs({ guid: s.guid, name: s.name, plainTextPath: path, richTextPath })}>${inline}${selections}${noteRefs(s.notes)}${values(s.values)}</TextSource>`;
  };
  const sections = [
    f.users?.length ? `<Users>${f.users.map((u) => `<User${attrs(u)}/>`).join('')}</Users>` : '',
    f.codes.length ? `<CodeBook><Codes>${f.codes.map(code).join('')}</Codes></CodeBook>` : '',
    f.variables?.length ? `<Variables>${f.variables.map((v) => `<Variable${attrs({ guid: v.guid, name: v.name, typeOfVariable: v.type })}/>`).join('')}</Variables>` : '',
    f.cases?.length
      ? `<Cases>${f.cases
          .map(
            (c) =>
              `<Case${attrs({ guid: c.guid, name: c.name })}>${c.description ? `<Description>${esc(c.description)}</Description>` : ''}${(c.codes ?? [])
                .map((n) => `<CodeRef targetGUID="${codeGuid(n)}"/>`)
                .join('')}${values(c.values)}${(c.sources ?? []).map((g) => `<SourceRef targetGUID="${g}"/>`).join('')}${(c.selections ?? [])
                .map((g) => `<SelectionRef targetGUID="${g}"/>`)
                .join('')}</Case>`,
          )
          .join('')}</Cases>`
      : '',
    f.sources.length || f.otherSources ? `<Sources>${f.sources.map(source).join('')}${f.otherSources ?? ''}</Sources>` : '',
    f.notes?.length
      ? `<Notes>${f.notes
          .map((n) => `<Note${attrs({ guid: n.guid, name: n.name })}>${n.description ? `<Description>${esc(n.description)}</Description>` : ''}<PlainTextContent>${esc(n.text)}</PlainTextContent></Note>`)
          .join('')}</Notes>`
      : '',
    f.links?.length ? `<Links>${f.links.map((l) => `<Link${attrs({ guid: l.guid, name: 'Memo-Quotation Relation', direction: 'OneWay', originGUID: l.origin, targetGUID: l.target })}/>`).join('')}</Links>` : '',
    f.sets?.length
      ? `<Sets>${f.sets
          .map((s) => `<Set${attrs({ guid: s.guid, name: s.name })}>${s.description ? `<Description>${esc(s.description)}</Description>` : ''}${(s.codes ?? []).map((n) => `<MemberCode targetGUID="${codeGuid(n)}"/>`).join('')}${(s.sources ?? []).map((g) => `<MemberSource targetGUID="${g}"/>`).join('')}</Set>`)
          .join('')}</Sets>`
      : '',
    noteRefs(f.projectNotes),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0"${attrs({ name: f.name, origin: f.origin })}>\n${sections.filter(Boolean).join('\n')}\n</Project>\n`;
}

/** The .qdpx archive of a fixture. */
export function qdpx(f: Fixture): Uint8Array {
  const folder = f.sourcesFolder ?? 'sources';
  const files: Record<string, Uint8Array> = { [f.qdeName ?? 'project.qde']: strToU8(projectXml(f)), ...f.files };
  for (const s of f.sources) {
    if (s.store === 'inline' || s.store === 'missing') continue;
    if (s.store === 'docx-only') files[`${folder}/${fileOf(s)}`] = s.docx!;
    else files[`${folder}/${fileOf(s)}`] = strToU8(`${s.bom ? '\ufeff' : ''}${sourceText(f, s)}`);
  }
  return zipSync(files);
}

/** A Word document of paragraphs. */
export async function docxOf(paragraphs: string[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] })));
}

const guid = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const GUID = (n: number) => guid(n).toUpperCase().replace(/-4000-8000-/, '-4A00-B000-');

/**
 * As ATLAS.ti 8 writes a project: Project.qde with a capital P, a Sources/ folder, upper-case
 * GUIDs, selections named after their text, a CRLF counted as one position, a PDF whose
 * regions are coded twice (as regions and on its text), a picture, code groups and document
 * groups as sets, a memo linked to a quotation, a quotation comment.
 */
export function atlasLike(): Fixture {
  const mabel = GUID(101);
  const simon = GUID(102);
  return {
    name: 'Breakfast study',
    origin: 'ATLAS.ti 8.4.0 573',
    qdeName: 'Project.qde',
    sourcesFolder: 'Sources',
    convention: 'code-points-crlf-as-one',
    lineEnds: 'crlf',
    users: [{ guid: GUID(1), name: 'Friedrich Markgraf' }],
    codes: [
      { guid: GUID(11), name: 'Coke', color: '#966450', description: 'the breakfast of champions', children: [] },
      { guid: GUID(12), name: 'Coke::diet Coke', color: '#966450', description: 'non sucré' },
      { guid: GUID(13), name: 'happiness', color: '#F00' },
      { guid: GUID(14), name: 'bacon and eggs', color: '#463CC8' },
      { guid: GUID(15), name: 'cornflakes' },
    ],
    sources: [
      {
        guid: mabel,
        name: 'Mabel.txt',
        text: 'I\u2019m a single mum 😀 with an 8 month old.\nBreakfast is mayhem: porridge, toast, café au lait.\nCoke for me, honestly.\nNothing else keeps me going.',
        selections: [
          { guid: GUID(201), text: 'single mum 😀 with an 8 month old', codes: ['happiness'], name: 'text', coder: GUID(1), created: '2018-03-27T19:04:19Z' },
          { guid: GUID(202), text: 'porridge, toast, café au lait', codes: ['bacon and eggs', 'cornflakes'], name: 'text', coder: GUID(1) },
          { guid: GUID(203), text: 'Coke for me, honestly.\nNothing else keeps me going.', codes: ['Coke::diet Coke'], name: 'text', coder: GUID(1), description: 'Mabel is not the only one.' },
        ],
      },
      {
        guid: simon,
        name: 'Simon.docx',
        text: 'I did try the gluten free bread 🍞, but it was always so soggy.\nThese days I snack about 11 o\u2019clock.\nBacon and eggs on Sundays.',
        selections: [
          { guid: GUID(211), text: 'it was always so soggy', codes: ['happiness'], name: 'text', coder: GUID(1) },
          { guid: GUID(212), text: 'Bacon and eggs on Sundays', codes: ['bacon and eggs'], name: 'text', coder: GUID(1) },
          { guid: GUID(213), text: 'I snack about 11 o\u2019clock', codes: [], name: 'text', description: 'Why snack?' },
        ],
      },
    ],
    otherSources: `<PictureSource guid="${GUID(301)}" name="cornflakes.jpg" path="internal://${GUID(301)}.jpg"><PictureSelection guid="${GUID(302)}" firstX="1" firstY="1" secondX="9" secondY="9"><Coding guid="${GUID(303)}"><CodeRef targetGUID="${GUID(15)}"/></Coding></PictureSelection></PictureSource>`,
    notes: [
      { guid: GUID(401), name: 'Research Plan', text: 'A day to day log.', description: 'about this project' },
      { guid: GUID(402), name: 'On soggy bread', text: 'Texture matters more than taste.' },
    ],
    links: [{ guid: GUID(501), origin: GUID(402), target: GUID(211) }],
    sets: [
      { guid: GUID(601), name: 'Breakfast food', codes: ['bacon and eggs', 'cornflakes', 'Coke'] },
      { guid: GUID(602), name: 'Mabel', sources: [mabel] },
      { guid: GUID(603), name: 'Images', sources: [GUID(301)] },
      { guid: GUID(604), name: '<3' },
    ],
  };
}

/**
 * As NVivo for Windows writes a project: the .qde named after the project, texts in UTF-8
 * with a byte-order mark and CRLF line ends, positions in UTF-16 units (CRLF counted as two),
 * users with initials, variables, cases with their values, notes on a code and a source.
 */
export function nvivoWindowsLike(): Fixture {
  return {
    name: 'Interview study',
    origin: 'NVivo 12.6.0.959',
    qdeName: 'Interview study.qde',
    convention: 'utf16',
    lineEnds: 'crlf',
    users: [{ guid: guid(1), name: 'Dewi Lestari', id: 'DL' }],
    codes: [
      {
        guid: guid(11),
        name: 'Barriers',
        color: '#4e79a7',
        children: [
          { guid: guid(12), name: 'Shipping costs', description: 'Costs of sending goods.\n\nInclusion criteria: postage, couriers.', notes: [guid(402)] },
          { guid: guid(13), name: 'Trust' },
        ],
      },
      { guid: guid(14), name: 'Platforms' },
    ],
    variables: [
      { guid: guid(21), name: 'Country', type: 'Text' },
      { guid: guid(22), name: 'Age', type: 'Integer' },
    ],
    cases: [{ guid: guid(31), name: 'Rina', sources: [guid(101)], values: { Country: 'Indonesia', Age: '34' }, codes: ['Trust'] }],
    sources: [
      {
        guid: guid(101),
        name: 'Interview Rina',
        bom: true,
        text: 'I: What do you sell? 😀\nRina: Batik 🧵 and bags, mostly to 𠀀 buyers abroad.\nI: And shipping?\nRina: Shipping abroad costs too much, so I use Shopee.\nPlatforms like Tokopedia help.',
        values: { Country: 'Indonesia' },
        notes: [guid(403)],
        selections: [
          { text: 'Batik 🧵 and bags', codes: ['Platforms'], coder: guid(1), created: '2024-02-01T10:00:00Z' },
          { text: 'Shipping abroad costs too much', codes: ['Shipping costs'], coder: guid(1), created: '2024-02-01T10:01:00Z', codingNotes: [guid(401)] },
          { text: 'so I use Shopee', codes: ['Platforms', 'Trust'], coder: guid(1) },
          { text: 'Platforms like Tokopedia help', codes: ['Platforms'], coder: guid(1) },
          { text: 'buyers abroad', codes: ['Trust'], coder: guid(1) },
        ],
      },
    ],
    notes: [
      { guid: guid(401), name: 'Postage', text: 'Every seller mentions it.' },
      { guid: guid(402), name: 'About this code', text: 'Split it later?' },
      { guid: guid(403), name: 'Interview context', text: 'Recorded in Lombok.' },
    ],
    projectNotes: [],
  };
}

/** As NVivo for Mac 15 writes a project: a deep codebook, texts that are a lone line break, a .docx beside each, and a .root file in sources/. */
export function nvivoMacLike(docx: Uint8Array): Fixture {
  let next = 1000;
  const tree = (prefix: string, depth: number, n: number): FixtureCode[] =>
    Array.from({ length: n }, (_, i) => ({
      guid: guid(next++),
      name: `${prefix}${i}`,
      children: depth > 1 ? tree(`${prefix}${i}.`, depth - 1, n) : [],
    }));
  return {
    name: 'qc project',
    origin: 'NVivo for Mac 15.0.0',
    users: [{ guid: guid(1), name: 'chrisp', id: 'CP' }],
    codes: tree('c', 3, 3),
    sources: [
      { guid: guid(101), name: '66653866-6334-3535-3435-366637306566', text: '\n' },
      { guid: guid(102), name: '33663939-3636-3632-3038-613431643463', text: '\n' },
    ],
    files: { 'sources/.root': new Uint8Array(), [`sources/${guid(101)}.docx`]: docx, [`sources/${guid(102)}.docx`]: docx },
  };
}

/** As QualCoder's qc 1.3.2 writes a project: no source names, bare plainTextPath (QualCoder 803), texts with a BOM, whole lines coded with their line break, selections named "line:N". */
export function qcLike(): Fixture {
  const lines = ['Speaker 1:  Thank you. Let us move on.', 'Speaker 2:  This district goal is to engage every student 🎓.', 'We hope students feel empowered by computing.', 'Thank you.'];
  return {
    name: 'qc project',
    origin: 'qc 1.3.2',
    users: [{ guid: guid(1), name: 'cp' }],
    codes: [{ guid: guid(11), name: 'rq1_definition', children: [{ guid: guid(12), name: 'competencies', children: [{ guid: guid(13), name: 'programming' }] }] }, { guid: guid(14), name: 'framings' }],
    sources: [
      {
        guid: guid(101),
        store: 'bare',
        file: 'board_2017.txt',
        bom: true,
        text: `${lines.join('\n')}\n`,
        selections: [
          { text: `${lines[1]}\n`, codes: ['competencies', 'framings'], name: 'line:2', coder: guid(1) },
          { text: `${lines[2]}\n`, codes: ['programming'], name: 'line:3', coder: guid(1) },
        ],
      },
    ],
  };
}

const schemaDir = join(import.meta.dirname, 'fixtures', 'schema');

/** Validates a REFI-QDA document against the official schema with xmllint (Debian's libxml2-utils); the errors xmllint prints, or none. */
export function schemaErrors(xml: string, schema: 'Project' | 'Codebook'): string[] {
  const run = spawnSync('xmllint', ['--noout', '--schema', join(schemaDir, `${schema}.xsd`), '-'], { input: xml, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}): install Debian's libxml2-utils, as .ci/run does.`);
  if (run.status === 0) return [];
  return run.stderr.split('\n').filter((line) => line.trim() && !/validates$/.test(line));
}
