// Accuracy and speed of the citation audit.
//   npm run bench:audit -- [--anystyle path/to/anystyle/core.xml] [--gold-dir path/to/audit-dev [--pdf]] [--verbose]
// (a) hand-labelled fixture manuscripts: citation detection and resolution P/R/F1, findings,
//     reference fields; (b) when anystyle's labelled reference strings are given: field accuracy
//     of the rules alone and of the tagger, cross-validated, on them and on our own labelled
//     entries; (c) auditText time on a synthetic 200-page manuscript; (d) when a folder of
//     manuscripts with gold citation links is given: detection, links, entry counts, mutations
//     caught and false alarms per style and per format; with --pdf, also its Markdown manuscripts
//     laid out and printed as PDFs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditText, type ParsedReference } from '../src/shared/domain/audit/index';
import { splitReferenceAuthors } from '../src/shared/domain/audit/authors';
import { normalizeYear } from '../src/shared/domain/audit/normalize';
import { parseByRules } from '../src/shared/domain/audit/reference-rules';
import { NO_HINTS, TRAINING, tagReference, trainTagger, type HintSource, type LabelledEntry } from '../src/shared/domain/audit/tagger';
import { readModelFile, type ModelFile } from '../src/shared/domain/audit/tagger/model-file';
import shippedModel from '../src/shared/domain/audit/tagger/reference-model.json';
import { readAnystyle } from '../scripts/anystyle';
import { goldTables, goldTargets, readManifest, scoreFolder, type TargetRow } from './audit-gold';
import { pdfToolsMissing, scorePdfManuscript } from './audit-pdf';
import { syntheticManuscript } from './synthetic-manuscript';
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
  type ReferenceField,
  type Tally,
} from '../src/shared/domain/audit/fixtures/evaluate';
import { heldOutManuscripts, manuscripts, type ManuscriptLabels } from '../src/shared/domain/audit/fixtures/manuscripts';

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

function fixtures(heading: string, set: ManuscriptLabels[], verbose: boolean): { resolutionF1: number; fieldAccuracy: number } {
  console.log(`${heading}\n`);
  const rows: string[][] = [];
  let detection = empty();
  let resolution = empty();
  let findings = empty();
  const fields = emptyFieldTally();
  for (const labels of set) {
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
  rows.push(['ALL', String(set.reduce((sum, m) => sum + m.citations.length, 0)), '', percent(d.precision), percent(d.recall), percent(d.f1), percent(r.precision), percent(r.recall), percent(r.f1), percent(f.f1)]);
  table(['manuscript', 'citations', 'entries found', 'detect P', 'detect R', 'detect F1', 'resolve P', 'resolve R', 'resolve F1', 'findings F1'], rows);
  const fieldAccuracy = printFields('Reference fields of the labelled entries', fields);
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

/** anystyle tags -> our fields. Its <volume> often holds the issue too ("23(6),"), so volume and issue are compared as one. */
function expectedFrom(entry: LabelledEntry): ParsedReference {
  const first = (names: string[]): string | null => entry.find(([tag]) => names.includes(tag))?.[1] ?? null;
  const strip = (value: string | null): string | null => (value === null ? null : value.replace(/^[\s.,:;([]+|[\s.,:;)\]]+$/g, '') || null);
  // anystyle tags whole tokens, so one written as "2012;30(15):" or "127(1):79–183" is all <volume>:
  // the year before the semicolon is the date and the range after the colon the pages.
  const volumeToken = /^\s*(?:((?:1[5-9]|20)\d\d)\s*;\s*)?(.*?)(?::\s*(\d+\s*[-–—]+\s*\d+|\d+)\s*[.,]?)?\s*$/u.exec(first(['volume']) ?? '');
  const date = first(['date']) ?? volumeToken?.[1] ?? null;
  const year = date ? (/(1[5-9]\d\d|20\d\d)[a-z]?/.exec(date)?.[0] ?? (/n\.\s?d/i.test(date) ? 'n.d.' : null)) : null;
  const author = first(['author']);
  const pages = first(['pages']) ?? volumeToken?.[3] ?? null;
  const doiLink = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/10\./i.test(first(['url']) ?? '') ? first(['url']) : null;
  return {
    authors: author ? splitReferenceAuthors(author).names : [],
    editors: [],
    year: year ? normalizeYear(year) : null,
    title: strip(first(['title'])),
    // "In Proceedings of ..." is tagged with its "In"; the word is not part of the container's name.
    container: strip(first(['container-title', 'journal'])?.replace(/^In:?\s+/u, '') ?? null),
    volume: volumeToken?.[2] || null,
    issue: null,
    pages: pages ? (/[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—‑]+\s*[A-Za-z]?\d+[A-Za-z]?)?/.exec(pages)?.[0] ?? null) : null,
    // Identifiers may end in a bracket of their own ("10.1130/2010.2465(22)"): only spaces and a closing stop go.
    // A doi.org link tagged <url> is read as the DOI, which is what we return for DOIs written as links.
    doi: (first(['doi']) ?? doiLink)?.replace(/^(?:doi\W*|(?:https?:\/\/)?(?:dx\.)?doi\.org\/)/i, '').replace(/[\s.,;]+$/u, '') || null,
    url: doiLink ? null : first(['url'])?.replace(/^url:?\s*/i, '').replace(/[\s.,;]+$/u, '') || null,
  };
}

function numbersOf(value: string | null): string {
  return (value ?? '').match(/\d+/g)?.join(',') ?? '';
}

const COMPARED_FIELDS = REFERENCE_FIELDS.filter((field) => field !== 'issue');

function fieldCorrect(field: ReferenceField, expected: ParsedReference, actual: ParsedReference): boolean {
  if (field === 'volume') return numbersOf(expected.volume) === numbersOf([actual.volume, actual.issue].filter(Boolean).join(' '));
  return fieldEqual(field, expected[field], actual[field]);
}

function tallyEntry(tally: { all: FieldTally; present: FieldTally }, expected: ParsedReference, actual: ParsedReference, raw: string, verbose: boolean): void {
  for (const field of COMPARED_FIELDS) {
    const ok = fieldCorrect(field, expected, actual);
    const labelled = Array.isArray(expected[field]) ? (expected[field] as string[]).length > 0 : expected[field] !== null;
    for (const target of labelled ? [tally.all, tally.present] : [tally.all]) {
      target[field].total += 1;
      if (ok) target[field].correct += 1;
    }
    if (!ok && verbose) console.log(`  ${field}: expected ${JSON.stringify(expected[field])} got ${JSON.stringify(actual[field])} in ${raw.slice(0, 140)}`);
  }
}

const FOLDS = 5;
const OWN_TRAINING = fileURLToPath(new URL('../scripts/reference-training.xml', import.meta.url));
type FieldTallies = { all: FieldTally; present: FieldTally };
const tallies = (): FieldTallies => ({ all: emptyFieldTally(), present: emptyFieldTally() });
const rawOf = (entry: LabelledEntry): string => entry.map(([, value]) => value).join(' ');

/**
 * Cross-validation: `tested` is cut into five folds; each fold is parsed by a tagger trained on
 * the other four and all of `alsoTrained`, as scripts/train-reference-model.ts trains the shipped
 * one, so no entry is parsed by a model that saw it. The rules alone are scored on the same entries.
 */
function crossValidate(tested: LabelledEntry[], alsoTrained: LabelledEntry[], verbose: boolean, hints?: HintSource): { rules: FieldTallies; tagger: FieldTallies; seconds: number } {
  const lexicon = readModelFile(shippedModel as ModelFile).lexicon;
  const rules = tallies();
  const tagged = tallies();
  const started = performance.now();
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const tagger = trainTagger([...tested.filter((_, index) => index % FOLDS !== fold), ...alsoTrained], lexicon, TRAINING, hints);
    tested.forEach((entry, index) => {
      if (index % FOLDS !== fold) return;
      const raw = rawOf(entry);
      const expected = expectedFrom(entry);
      tallyEntry(tagged, expected, tagReference(tagger, raw, hints), raw, verbose);
      tallyEntry(rules, expected, { ...parseByRules(raw), editors: [] }, raw, false);
    });
  }
  return { rules, tagger: tagged, seconds: (performance.now() - started) / 1000 };
}

/** Field accuracy on anystyle's entries and on our own labelled ones: the rules alone, and the tagger cross-validated. */
function labelledReferences(path: string, verbose: boolean): { rules: number; tagger: number; unhinted: number; own: number } {
  const anystyleEntries = readAnystyle(path);
  const ownEntries = readAnystyle(OWN_TRAINING);
  console.log(`## (b) Labelled reference strings: anystyle's core.xml (${anystyleEntries.length} real entries, many styles and languages) and scripts/reference-training.xml (${ownEntries.length} entries we labelled, in the styles of social-science manuscripts)\n`);
  console.log(
    [
      'How each field is compared (the whole value must agree; no partial credit):',
      '- authors: the family names splitAuthors reads from the first <author> against ours, folded (case, accents, punctuation), same names in the same order. Entries whose names are tagged <editor> expect no authors (we return those names as editors).',
      '- year: the first year (with its letter) or n.d. in the first <date>, exactly.',
      '- title, container: the first <title>, and first <container-title> or <journal> without a leading "In", stripped of surrounding punctuation and compared as folded text.',
      '- volume: the numbers in <volume> (it often holds the issue too) against the numbers of our volume and issue together. anystyle tags whole tokens, so a token written "2012;30(15):" or "127(1):79–183" is all <volume>: its year and its pages are read as the date and the pages.',
      '- pages: the first number or range in <pages>, with a letter joined to a number (A44, e0165139, R1250–R1259), dashes and "pp." normalised.',
      '- doi, url: without doi.org/doi: prefixes, lower case, spaces and trailing punctuation dropped; a doi.org link tagged <url> counts as the DOI (we return DOIs written as links as DOIs, not as addresses).',
      '"accuracy" counts an absent field we also leave empty as correct; "accuracy when labelled" counts only entries where the field is labelled.\n',
      `The tagger is measured by ${FOLDS}-fold cross-validation: each entry is parsed by a model trained, as the shipped one is, on everything except the fold it is in. The rules were written while reading the anystyle entries, so their figure, and the tagger's through the rule hints it weighs, is somewhat optimistic there.\n`,
    ].join('\n'),
  );
  const onAnystyle = crossValidate(anystyleEntries, ownEntries, verbose);
  const rules = printFields('anystyle: the rule-based parser alone (baseline)', onAnystyle.rules.all, onAnystyle.rules.present);
  const tagger = printFields(`anystyle: parseReference (tagger), ${FOLDS}-fold cross-validated (${onAnystyle.seconds.toFixed(0)} s for ${FOLDS} trainings)`, onAnystyle.tagger.all, onAnystyle.tagger.present);
  // What the rule hints add, and an upper bound on the optimism they carry over from having been tuned on these entries.
  const withoutHints = crossValidate(anystyleEntries, ownEntries, false, NO_HINTS);
  const unhinted = printFields(`anystyle: the tagger without the rule hints (ablation), ${FOLDS}-fold cross-validated`, withoutHints.tagger.all, withoutHints.tagger.present);
  const onOwn = crossValidate(ownEntries, anystyleEntries, verbose);
  printFields('own labelled entries: the rule-based parser alone (baseline)', onOwn.rules.all, onOwn.rules.present);
  const own = printFields(`own labelled entries: parseReference (tagger), ${FOLDS}-fold cross-validated`, onOwn.tagger.all, onOwn.tagger.present);
  return { rules, tagger, unhinted, own };
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
const tuned = fixtures('## (a) Hand-labelled manuscripts written while the audit was tuned (optimistic)', manuscripts, verbose);
const heldOut = fixtures('## (a\') Hand-labelled manuscripts written and labelled after the audit was built, without running it', heldOutManuscripts, verbose);
const anystyleAccuracy = args.includes('--anystyle') && anystylePath ? labelledReferences(anystylePath, verbose) : null;
const milliseconds = speed();
const goldDir = args.includes('--gold-dir') ? args[args.indexOf('--gold-dir') + 1] : undefined;
let goldRows: TargetRow[] = [];
if (goldDir) {
  const rows = readManifest(goldDir);
  console.log(`## (d) Manuscripts with gold citation links: ${goldDir} (${rows.length} files, imported as the app imports them)\n`);
  console.log(
    [
      '- detection R: gold citations that some detected citation overlaps.',
      "- link P/R/F1: each gold citation's set of resolved entries (every entry of the detected citations overlapping it, whatever their status) against its gold keys; entries the list does not hold are left out, and a detected citation where the gold has none counts its entries as false links.",
      '- entries counted exactly: manuscripts whose reference list is cut into exactly the gold number of entries.',
      '- false alarms: gold citations the gold says are fine that get a non-matched status or a citation finding, entries it says are fine that get a finding, and flagged citations where the gold has none (hand-typed citations aside).',
      '- mutations caught: a deleted entry makes its single-key citations missing; a changed year makes them year-mismatch naming the entry; a misspelt surname is a near-match naming the entry; an added entry is reported uncited.\n',
    ].join('\n'),
  );
  const totals = await scoreFolder(goldDir, rows, verbose);
  goldTables(totals, table);
  goldRows = goldTargets(totals, '');
  if (args.includes('--pdf')) {
    const missing = pdfToolsMissing();
    if (missing) {
      console.log(`PDF step skipped: ${missing}\n`);
    } else {
      const sample = rows.filter((row) => row.file.endsWith('.md'));
      console.log(`### The same manuscripts as PDFs: the ${sample.length} Markdown copies, laid out by pandoc and printed by Chromium (two columns for IEEE, justified and hyphenated, running head and foot), imported as the app imports a PDF\n`);
      const pdf = await scoreFolder(goldDir, sample, verbose, scorePdfManuscript, () => 'pdf');
      goldTables(pdf, table);
      goldRows.push(...goldTargets(pdf, 'PDF: '));
    }
  }
}
console.log('## Targets\n');
table(
  ['measure', 'value', 'target', 'met'],
  [
    ['citation resolution F1 (tuned fixtures)', percent(tuned.resolutionF1), '≥ 97%', tuned.resolutionF1 >= 0.97 ? 'yes' : 'NO'],
    ['citation resolution F1 (held-out manuscripts)', percent(heldOut.resolutionF1), '≥ 97%', heldOut.resolutionF1 >= 0.97 ? 'yes' : 'NO'],
    ['reference field accuracy (tuned fixtures)', percent(tuned.fieldAccuracy), '≥ 95%', tuned.fieldAccuracy >= 0.95 ? 'yes' : 'NO'],
    ['reference field accuracy (held-out manuscripts)', percent(heldOut.fieldAccuracy), '≥ 95%', heldOut.fieldAccuracy >= 0.95 ? 'yes' : 'NO'],
    ...(anystyleAccuracy === null
      ? []
      : [
          ['reference field accuracy (anystyle), rules alone', percent(anystyleAccuracy.rules), 'baseline', ''],
          ['reference field accuracy (anystyle), tagger, cross-validated', `${percent(anystyleAccuracy.tagger)} (${(anystyleAccuracy.tagger / anystyleAccuracy.rules).toFixed(3)}× rules)`, '≥ 95%', anystyleAccuracy.tagger >= 0.95 ? 'yes' : 'NO'],
          ['reference field accuracy (anystyle), tagger without rule hints (ablation)', percent(anystyleAccuracy.unhinted), '', ''],
          ['reference field accuracy (own labelled entries), tagger, cross-validated', percent(anystyleAccuracy.own), '≥ 95%', anystyleAccuracy.own >= 0.95 ? 'yes' : 'NO'],
        ]),
    ['auditText, 200 pages / 1,500 citations', `${(milliseconds / 1000).toFixed(2)} s`, '< 2 s', milliseconds < 2000 ? 'yes' : 'NO'],
    ...goldRows.map((row) => [row.measure, row.value, row.target, row.met ? 'yes' : 'NO']),
  ],
);
