// Accuracy and speed of the citation audit.
//   npx tsx bench/audit.ts [--anystyle path/to/anystyle/core.xml]
// (a) hand-labelled fixture manuscripts: citation detection and resolution P/R/F1, findings,
//     reference fields; (b) anystyle's labelled reference strings, when a path is given:
//     field accuracy of parseReference; (c) auditText time on a synthetic 200-page manuscript.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditText, parseReference, type ParsedReference } from '../src/shared/domain/audit/index';
import { splitAuthors } from '../src/shared/domain/audit/authors';
import { normalizeYear } from '../src/shared/domain/audit/parse-reference';
import {
  REFERENCE_FIELDS,
  addTally,
  emptyFieldTally,
  fieldEqual,
  rates,
  scoreCitations,
  scoreFindings,
  scoreReferenceFields,
  type FieldTally,
  type Tally,
} from '../src/shared/domain/audit/fixtures/evaluate';
import { manuscripts } from '../src/shared/domain/audit/fixtures/manuscripts';

const fixtureDir = fileURLToPath(new URL('../src/shared/domain/audit/fixtures/', import.meta.url));
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const empty = (): Tally => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

function table(header: string[], rows: string[][]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log('');
}

function fixtures(verbose: boolean): { resolutionF1: number; fieldAccuracy: number } {
  console.log('## (a) Hand-labelled manuscripts\n');
  const rows: string[][] = [];
  let detection = empty();
  let resolution = empty();
  let findings = empty();
  const fields = emptyFieldTally();
  for (const labels of manuscripts) {
    const text = readFileSync(`${fixtureDir}${labels.file}`, 'utf8');
    const report = auditText(text);
    const citations = scoreCitations(text, labels, report);
    const found = scoreFindings(text, labels, report);
    const fieldErrors: string[] = [];
    scoreReferenceFields(labels, report, fields, fieldErrors);
    detection = addTally(detection, citations.detection);
    resolution = addTally(resolution, citations.resolution);
    findings = addTally(findings, found.tally);
    const d = rates(citations.detection);
    const r = rates(citations.resolution);
    const f = rates(found.tally);
    rows.push([labels.title, String(labels.citations.length), `${report.references.length}/${labels.referenceCount}`, percent(d.precision), percent(d.recall), percent(d.f1), percent(r.precision), percent(r.recall), percent(r.f1), percent(f.f1)]);
    if (verbose) for (const error of [...citations.errors, ...found.errors, ...fieldErrors]) console.log(`  ${labels.file}: ${error}`);
  }
  const d = rates(detection);
  const r = rates(resolution);
  const f = rates(findings);
  rows.push(['ALL', String(manuscripts.reduce((sum, m) => sum + m.citations.length, 0)), '', percent(d.precision), percent(d.recall), percent(d.f1), percent(r.precision), percent(r.recall), percent(r.f1), percent(f.f1)]);
  table(['manuscript', 'citations', 'entries found', 'detect P', 'detect R', 'detect F1', 'resolve P', 'resolve R', 'resolve F1', 'findings F1'], rows);
  const fieldAccuracy = printFields('Reference fields on the fixtures\' labelled entries', fields);
  return { resolutionF1: r.f1, fieldAccuracy };
}

function printFields(title: string, tally: FieldTally, present?: FieldTally): number {
  console.log(`### ${title}\n`);
  let correct = 0;
  let total = 0;
  const rows = REFERENCE_FIELDS.filter((field) => tally[field].total > 0).map((field) => {
    correct += tally[field].correct;
    total += tally[field].total;
    const row = [field, String(tally[field].total), percent(tally[field].correct / Math.max(1, tally[field].total))];
    if (present) row.push(String(present[field].total), percent(present[field].correct / Math.max(1, present[field].total)));
    return row;
  });
  rows.push(['ALL', String(total), percent(correct / Math.max(1, total)), ...(present ? ['', ''] : [])]);
  table(['field', 'entries', 'accuracy', ...(present ? ['labelled', 'accuracy when labelled'] : [])], rows);
  return correct / Math.max(1, total);
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return XML_ENTITIES[entity] ?? whole;
  });
}

/** anystyle tags -> our fields. Its <volume> often holds the issue too ("23(6),"), so volume and issue are compared as one. */
function expectedFromSequence(tags: Array<[string, string]>): { raw: string; expected: ParsedReference } {
  const raw = tags.map(([, value]) => value).join(' ');
  const first = (names: string[]): string | null => tags.find(([tag]) => names.includes(tag))?.[1] ?? null;
  const strip = (value: string | null): string | null => (value === null ? null : value.replace(/^[\s.,:;([]+|[\s.,:;)\]]+$/g, '') || null);
  const date = first(['date']);
  const year = date ? (/(1[5-9]\d\d|20\d\d)[a-z]?/.exec(date)?.[0] ?? (/n\.\s?d/i.test(date) ? 'n.d.' : null)) : null;
  const author = first(['author']);
  const pages = first(['pages']);
  return {
    raw,
    expected: {
      authors: author ? splitAuthors(author).names : [],
      year: year ? normalizeYear(year) : null,
      title: strip(first(['title'])),
      // "In Proceedings of ..." is tagged with its "In"; the word is not part of the container's name.
      container: strip(first(['container-title', 'journal'])?.replace(/^In:?\s+/u, '') ?? null),
      volume: first(['volume']),
      issue: null,
      pages: pages ? (/\d+(?:\s*[-–—]+\s*\d+)?/.exec(pages)?.[0] ?? null) : null,
      doi: strip(first(['doi'])?.replace(/^doi:?\s*/i, '') ?? null),
      url: strip(first(['url'])?.replace(/^url:?\s*/i, '') ?? null),
    },
  };
}

function numbersOf(value: string | null): string {
  return (value ?? '').match(/\d+/g)?.join(',') ?? '';
}

function anystyle(path: string, verbose: boolean): number {
  const xml = readFileSync(path, 'utf8');
  const all = emptyFieldTally();
  const present = emptyFieldTally();
  let sequences = 0;
  for (const sequence of xml.matchAll(/<sequence>([\s\S]*?)<\/sequence>/g)) {
    const tags = [...(sequence[1] ?? '').matchAll(/<([a-z-]+)>([\s\S]*?)<\/\1>/g)].map((match): [string, string] => [match[1] ?? '', decodeXml(match[2] ?? '').trim()]);
    const { raw, expected } = expectedFromSequence(tags);
    const actual = parseReference(raw);
    sequences += 1;
    for (const field of REFERENCE_FIELDS) {
      if (field === 'issue') continue;
      const ok = field === 'volume' ? numbersOf(expected.volume) === numbersOf([actual.volume, actual.issue].filter(Boolean).join(' ')) : fieldEqual(field, expected[field], actual[field]);
      all[field].total += 1;
      if (ok) all[field].correct += 1;
      const labelled = Array.isArray(expected[field]) ? (expected[field] as string[]).length > 0 : expected[field] !== null;
      if (labelled) {
        present[field].total += 1;
        if (ok) present[field].correct += 1;
      }
      if (!ok && verbose) console.log(`  ${field}: expected ${JSON.stringify(expected[field])} got ${JSON.stringify(actual[field])} in ${raw.slice(0, 140)}`);
    }
  }
  console.log(`## (b) anystyle core.xml: ${sequences} real reference strings, many styles and languages\n`);
  console.log(
    [
      'How each field is compared (the whole value must agree; no partial credit):',
      '- authors: the family names splitAuthors reads from anystyle\'s first <author> against ours, folded (case, accents, punctuation), same names in the same order. Entries with only an <editor> expect no authors, though we keep editors as the names a citation uses, so those count as errors.',
      '- year: the first year (with its letter) or n.d. in anystyle\'s first <date>, exactly.',
      '- title, container: anystyle\'s first <title>, and first <container-title> or <journal> without a leading "In", stripped of surrounding punctuation and compared as folded text.',
      '- volume: the numbers in anystyle\'s <volume> (it often holds the issue too) against the numbers of our volume and issue together.',
      '- pages: the first number or range in anystyle\'s <pages>, dashes and "pp." normalised.',
      '- doi, url: without doi.org/doi: prefixes, lower case, trailing punctuation dropped.',
      '"accuracy" counts an absent field we also leave empty as correct; "accuracy when labelled" counts only entries where anystyle has the field.\n',
    ].join('\n'),
  );
  return printFields('parseReference field accuracy', all, present);
}

/** A small deterministic PRNG so the synthetic manuscript is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticManuscript(pages: number, citations: number, seed: number): string {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const families = ['Anderson', 'Baker', 'Chen', 'Dewi', 'Evans', 'Fischer', 'García', 'Hartono', 'Ibrahim', 'Jansen', 'Kusuma', 'Larsen', 'Morales', 'Nguyen', 'Okafor', 'Putri', 'Quinn', 'Rossi', 'Santos', 'Tanaka', 'Uddin', 'Virtanen', 'Wijaya', 'Xu', 'Yilmaz', 'Zhang'];
  const words = 'the digital trade policy regional market growth platforms logistics payments cross-border firms consumers governments data investment services network integration standards rules'.split(' ');
  const references = Array.from({ length: 300 }, (_, index) => {
    const authors = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(families));
    return { authors, year: String(1990 + (index % 35)), title: Array.from({ length: 6 }, () => pick(words)).join(' ') };
  });
  const citationText = (reference: (typeof references)[number]): string => {
    const names = reference.authors.length >= 3 ? `${reference.authors[0]} et al.` : reference.authors.join(' & ');
    return random() < 0.7 ? `(${names}, ${reference.year})` : `${names} (${reference.year})`;
  };
  const charsPerPage = 3000;
  const sentencesTotal = Math.round((pages * charsPerPage) / 140);
  const citeEvery = sentencesTotal / citations;
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  let nextCitation = 0;
  for (let index = 0; index < sentencesTotal; index += 1) {
    let sentence = Array.from({ length: 18 }, () => pick(words)).join(' ');
    sentence = sentence[0]?.toUpperCase() + sentence.slice(1);
    if (random() < 0.1) sentence += ` reached ${Math.floor(random() * 900)} million in ${2000 + Math.floor(random() * 25)}`;
    if (index >= nextCitation) {
      sentence += ` ${citationText(pick(references))}`;
      nextCitation += citeEvery;
    }
    paragraph.push(`${sentence}.`);
    if (paragraph.length >= 6) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  paragraphs.push(paragraph.join(' '));
  const list = references.map((reference) => `${reference.authors.map((name) => `${name}, ${pick(['A.', 'B. C.', 'D.'])}`).join(', ')} (${reference.year}). ${reference.title}. Journal of Trade, ${Math.floor(random() * 40)}(${Math.floor(random() * 4) + 1}), ${Math.floor(random() * 100) + 1}-${Math.floor(random() * 100) + 101}.`);
  return `${paragraphs.join('\n\n')}\n\nReferences\n\n${list.join('\n')}\n`;
}

function speed(): number {
  const text = syntheticManuscript(200, 1500, 42);
  auditText(text.slice(0, 20_000));
  const runs: number[] = [];
  let citations = 0;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const report = auditText(text);
    runs.push(performance.now() - started);
    citations = report.citations.length;
  }
  const median = [...runs].sort((a, b) => a - b)[1] ?? 0;
  console.log('## (c) Speed\n');
  table(['manuscript', 'characters', 'citations found', 'auditText median of 3', 'target'], [['synthetic 200 pages, seed 42', String(text.length), String(citations), `${(median / 1000).toFixed(2)} s`, '< 2 s']]);
  return median;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const anystylePath = args[args.indexOf('--anystyle') + 1];
console.log('# Citation audit benchmark\n');
const { resolutionF1, fieldAccuracy } = fixtures(verbose);
const anystyleAccuracy = args.includes('--anystyle') && anystylePath ? anystyle(anystylePath, verbose) : null;
const milliseconds = speed();
console.log('## Targets\n');
table(
  ['measure', 'value', 'target', 'met'],
  [
    ['citation resolution F1 (fixtures)', percent(resolutionF1), '≥ 97%', resolutionF1 >= 0.97 ? 'yes' : 'NO'],
    ['reference field accuracy (fixtures)', percent(fieldAccuracy), '≥ 95%', fieldAccuracy >= 0.95 ? 'yes' : 'NO'],
    ...(anystyleAccuracy === null ? [] : [['reference field accuracy (anystyle)', percent(anystyleAccuracy), '≥ 95%', anystyleAccuracy >= 0.95 ? 'yes' : 'NO']]),
    ['auditText, 200 pages / 1,500 citations', `${(milliseconds / 1000).toFixed(2)} s`, '< 2 s', milliseconds < 2000 ? 'yes' : 'NO'],
  ],
);
