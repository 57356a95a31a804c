// Scoring the citation audit on a folder of manuscripts with gold citation links (the layout of
// audit-dev: <style>/<file> and <style>/<file>.gold.json, listed in manifest.json). Each file is
// imported as the app imports it (extractBuffer), so .txt is reflowed and .md and .docx lose their
// markup; the gold offsets index the plain-text rendering, and are carried over to the imported
// text through the sequence of non-space characters the two share.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { auditSourceText, type AuditReport } from '../src/shared/domain/audit/index';
import { extractBuffer } from '../src/main/services/import/extract';

interface Span {
  start: number;
  end: number;
}

interface GoldCitation extends Span {
  i: number;
  text: string;
  keys: string[];
}

interface GoldReference extends Span {
  key: string;
  text: string;
}

type Expectation =
  | { kind: 'missing'; key: string; citations: number[]; singleCitations: number[] }
  | { kind: 'year-mismatch'; key: string; citations: number[]; singleCitations: number[] }
  | { kind: 'near-match'; key: string; citation: number }
  | { kind: 'uncited'; key: string };

interface Gold {
  file: string;
  textFile: string;
  format: string;
  paper: string;
  style: string;
  citations: GoldCitation[];
  references: GoldReference[];
  literalCitations: Span[];
  expected: Expectation[];
}

/** What one manuscript scored; summed per style and per format. */
export interface GoldScore {
  manuscripts: number;
  citations: number;
  detected: number;
  linkTruePositives: number;
  linkFalsePositives: number;
  linkFalseNegatives: number;
  exactCounts: number;
  falseAlarms: number;
  expectations: number;
  caught: number;
}

export const emptyScore = (): GoldScore => ({ manuscripts: 0, citations: 0, detected: 0, linkTruePositives: 0, linkFalsePositives: 0, linkFalseNegatives: 0, exactCounts: 0, falseAlarms: 0, expectations: 0, caught: 0 });

export function addScore(a: GoldScore, b: GoldScore): GoldScore {
  const sum = emptyScore();
  for (const key of Object.keys(sum) as Array<keyof GoldScore>) sum[key] = a[key] + b[key];
  return sum;
}

/** Code points, as the gold offsets count them, to UTF-16 offsets into the same text. */
function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  let unit = 0;
  for (const char of text) {
    offsets.push(unit);
    unit += char.length;
  }
  offsets.push(unit);
  return offsets;
}

interface Characters {
  chars: string[];
  at: number[];
}

/** The non-space characters of a text, NFC, and the UTF-16 offset each one came from. */
function visible(text: string): Characters {
  const chars: string[] = [];
  const at: number[] = [];
  let offset = 0;
  for (const char of text) {
    if (!/\s/u.test(char)) {
      chars.push(char.normalize('NFC'));
      at.push(offset);
    }
    offset += char.length;
  }
  return { chars, at };
}

/** Maps UTF-16 offsets in `from` to offsets in `to`, through the longest common sequence of their non-space characters. */
export function offsetMap(from: string, to: string): (span: Span) => Span | null {
  const a = visible(from);
  const b = visible(to);
  const target = new Map<number, number>();
  let i = 0;
  let j = 0;
  for (const part of diffArrays(a.chars, b.chars)) {
    const count = part.value.length;
    if (part.added) j += count;
    else if (part.removed) i += count;
    else {
      for (let k = 0; k < count; k += 1) target.set(i + k, j + k);
      i += count;
      j += count;
    }
  }
  // Index of the first visible character at or after an offset.
  const firstAtOrAfter = (offset: number): number => {
    let low = 0;
    let high = a.at.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((a.at[middle] ?? 0) < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return (span) => {
    const first = firstAtOrAfter(span.start);
    const last = firstAtOrAfter(span.end) - 1;
    let startIndex: number | undefined;
    let endIndex: number | undefined;
    for (let k = first; k <= last && startIndex === undefined; k += 1) startIndex = target.get(k);
    for (let k = last; k >= first && endIndex === undefined; k -= 1) endIndex = target.get(k);
    if (startIndex === undefined || endIndex === undefined) return null;
    const start = b.at[startIndex] ?? 0;
    const end = (b.at[endIndex] ?? 0) + (b.chars[endIndex]?.length ?? 1);
    return { start, end };
  };
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const CITATION_FINDINGS = new Set(['missing-reference', 'near-match', 'year-mismatch', 'ambiguous', 'malformed-citation', 'inconsistent-citation']);

export interface ManuscriptResult {
  gold: Gold;
  score: GoldScore;
  errors: string[];
  report: AuditReport;
  text: string;
  seconds: number;
}

/** A manuscript file's gold and the plain-text rendering its offsets index. */
export function readGold(folder: string, file: string): { gold: Gold; plain: string } {
  const gold = JSON.parse(readFileSync(join(folder, `${file}.gold.json`), 'utf8')) as Gold;
  const style = file.split('/')[0] ?? '';
  return { gold, plain: readFileSync(join(folder, style, gold.textFile), 'utf8') };
}

/** Audits one manuscript file as the app imports it and scores it against its gold. */
export async function scoreManuscript(folder: string, file: string): Promise<ManuscriptResult> {
  const { gold, plain } = readGold(folder, file);
  return scoreImported(gold, plain, await extractBuffer(readFileSync(join(folder, file)), file));
}

/** Scores the audit of an imported rendering of a manuscript against the gold of its plain text. */
export function scoreImported(gold: Gold, plain: string, document: { text: string }): ManuscriptResult {
  const started = performance.now();
  const report = auditSourceText(document.text);
  const seconds = (performance.now() - started) / 1000;
  const units = codePointOffsets(plain);
  const map = offsetMap(plain, document.text);
  const place = (span: Span): Span | null => map({ start: units[span.start] ?? 0, end: units[span.end] ?? 0 });
  const errors: string[] = [];
  const score = emptyScore();
  score.manuscripts = 1;
  const show = (span: Span): string => JSON.stringify(document.text.slice(span.start, span.end).replace(/\s+/g, ' '));

  // Each detected entry stands for the gold entry its span overlaps most.
  const keyOfEntry = new Map<string, string>();
  const entryOfKey = new Map<string, string>();
  const goldEntries = gold.references.map((reference) => ({ reference, span: place(reference) }));
  for (const entry of report.references) {
    let best: { key: string; overlap: number } | null = null;
    for (const { reference, span } of goldEntries) {
      if (!span) continue;
      const overlap = Math.min(span.end, entry.end) - Math.max(span.start, entry.start);
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { key: reference.key, overlap };
    }
    if (best) {
      keyOfEntry.set(entry.id, best.key);
      if (!entryOfKey.has(best.key)) entryOfKey.set(best.key, entry.id);
    }
  }
  score.exactCounts = report.references.length === gold.references.length ? 1 : 0;
  if (!score.exactCounts) errors.push(`entries: ${report.references.length} found, ${gold.references.length} in the gold`);
  const listed = new Set(gold.references.map((reference) => reference.key));

  const flagged = new Set<number>();
  for (const expectation of gold.expected) {
    if (expectation.kind === 'missing' || expectation.kind === 'year-mismatch') expectation.citations.forEach((index) => flagged.add(index));
    if (expectation.kind === 'near-match') flagged.add(expectation.citation);
  }
  const troubledKeys = new Set(gold.expected.filter((expectation) => expectation.kind !== 'near-match' && expectation.kind !== 'missing').map((expectation) => expectation.key));

  const used = new Set<number>();
  const citationsAt = new Map<number, number[]>();
  for (const citation of gold.citations) {
    score.citations += 1;
    const span = place(citation);
    const found = span ? report.citations.flatMap((detected, index) => (overlaps(detected, span) ? [index] : [])) : [];
    citationsAt.set(citation.i, found);
    found.forEach((index) => used.add(index));
    if (found.length > 0) score.detected += 1;
    else errors.push(`not detected: ${JSON.stringify(citation.text.replace(/\s+/g, ' '))}`);
    const predicted = new Set(found.flatMap((index) => report.citations[index]?.referenceIds ?? []).map((id) => keyOfEntry.get(id) ?? `?${id}`));
    const wanted = new Set(citation.keys.filter((key) => listed.has(key)));
    const right = [...predicted].filter((key) => wanted.has(key)).length;
    score.linkTruePositives += right;
    score.linkFalsePositives += predicted.size - right;
    score.linkFalseNegatives += wanted.size - right;
    if (right < predicted.size || right < wanted.size) errors.push(`link: ${JSON.stringify(citation.text.replace(/\s+/g, ' '))} → [${[...predicted].join(', ')}], gold [${[...wanted].join(', ')}]`);
    if (flagged.has(citation.i) || !span) continue;
    const alarms = [
      ...found.map((index) => report.citations[index]).filter((detected) => detected && detected.status !== 'matched').map((detected) => `${detected?.status} ${show(detected!)}`),
      ...report.findings.filter((finding) => CITATION_FINDINGS.has(finding.kind) && finding.start !== undefined && overlaps({ start: finding.start, end: finding.end ?? finding.start }, span)).map((finding) => `${finding.kind}: ${finding.message}`),
    ];
    if (alarms.length > 0) {
      score.falseAlarms += 1;
      errors.push(`false alarm on ${JSON.stringify(citation.text.replace(/\s+/g, ' '))}: ${[...new Set(alarms)].join('; ')}`);
    }
  }

  // Detected citations where the gold has none (hand-typed citations aside) are false alarms when flagged.
  const literal = gold.literalCitations.map(place).filter((span): span is Span => span !== null);
  report.citations.forEach((detected, index) => {
    if (used.has(index) || literal.some((span) => overlaps(span, detected))) return;
    const ids = detected.referenceIds.map((id) => keyOfEntry.get(id) ?? `?${id}`);
    score.linkFalsePositives += ids.length;
    if (detected.status !== 'matched') score.falseAlarms += 1;
    errors.push(`spurious ${detected.status} citation ${show(detected)} → [${ids.join(', ')}]`);
  });

  for (const entry of report.references) {
    const key = keyOfEntry.get(entry.id);
    if (key !== undefined && troubledKeys.has(key)) continue;
    const alarms = report.findings.filter((finding) => finding.referenceId === entry.id && !CITATION_FINDINGS.has(finding.kind));
    if (alarms.length > 0) {
      score.falseAlarms += 1;
      errors.push(`false alarm on entry ${key ?? entry.id} ${show(entry)}: ${alarms.map((finding) => finding.kind).join(', ')}`);
    }
  }

  for (const expectation of gold.expected) {
    score.expectations += 1;
    const entry = entryOfKey.get(expectation.key);
    const statusOf = (index: number, status: string, withEntry: boolean): boolean =>
      (citationsAt.get(index) ?? []).some((found) => {
        const detected = report.citations[found];
        return detected?.status === status && (!withEntry || (entry !== undefined && detected.referenceIds.includes(entry)));
      });
    let caught: boolean;
    switch (expectation.kind) {
      case 'missing':
        caught = expectation.singleCitations.every((index) => statusOf(index, 'missing', false));
        break;
      case 'year-mismatch':
        caught = expectation.singleCitations.every((index) => statusOf(index, 'year-mismatch', true));
        break;
      case 'near-match':
        caught = statusOf(expectation.citation, 'near-match', true);
        break;
      case 'uncited':
        caught = entry !== undefined && report.findings.some((finding) => finding.kind === 'uncited-reference' && finding.referenceId === entry);
        break;
    }
    if (caught) score.caught += 1;
    else errors.push(`mutation not caught: ${expectation.kind} ${expectation.key}`);
  }
  return { gold, score, errors, report, text: document.text, seconds };
}

interface ManifestRow {
  file: string;
  style: string;
  variant: string;
}

export function readManifest(folder: string): ManifestRow[] {
  return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as ManifestRow[];
}

export interface GoldTotals {
  byStyle: Map<string, GoldScore>;
  byFormat: Map<string, GoldScore>;
  byStyleFormat: Map<string, GoldScore>;
  all: GoldScore;
}

export function linkRates(score: GoldScore): { precision: number; recall: number; f1: number } {
  const tp = score.linkTruePositives;
  const precision = tp + score.linkFalsePositives === 0 ? 1 : tp / (tp + score.linkFalsePositives);
  const recall = tp + score.linkFalseNegatives === 0 ? 1 : tp / (tp + score.linkFalseNegatives);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Scores every manuscript of the manifest; `score` lets a caller score other renderings (PDF) of the same files. */
export async function scoreFolder(folder: string, rows: ManifestRow[], verbose: boolean, score: (folder: string, file: string) => Promise<ManuscriptResult> = scoreManuscript, formatOf = (file: string): string => file.slice(file.lastIndexOf('.') + 1)): Promise<GoldTotals> {
  const totals: GoldTotals = { byStyle: new Map(), byFormat: new Map(), byStyleFormat: new Map(), all: emptyScore() };
  const add = (map: Map<string, GoldScore>, key: string, value: GoldScore): void => {
    map.set(key, addScore(map.get(key) ?? emptyScore(), value));
  };
  for (const row of rows) {
    const result = await score(folder, row.file);
    const format = formatOf(row.file);
    add(totals.byStyle, row.style, result.score);
    add(totals.byFormat, format, result.score);
    add(totals.byStyleFormat, `${row.style} ${format}`, result.score);
    totals.all = addScore(totals.all, result.score);
    if (verbose) for (const error of result.errors) console.log(`  ${row.file}: ${error}`);
  }
  return totals;
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const ratio = (value: number): string => value.toFixed(3);

function rowOf(name: string, score: GoldScore): string[] {
  const link = linkRates(score);
  return [
    name,
    String(score.manuscripts),
    String(score.citations),
    percent(score.detected / Math.max(1, score.citations)),
    ratio(link.precision),
    ratio(link.recall),
    ratio(link.f1),
    `${score.exactCounts}/${score.manuscripts}`,
    `${score.falseAlarms} (${percent(score.falseAlarms / Math.max(1, score.citations))})`,
    score.expectations > 0 ? `${score.caught}/${score.expectations}` : '–',
  ];
}

export const GOLD_HEADER = ['', 'files', 'citations', 'detection R', 'link P', 'link R', 'link F1', 'entries counted exactly', 'false alarms', 'mutations caught'];

export interface TargetRow {
  measure: string;
  value: string;
  target: string;
  met: boolean;
}

/** The targets, each checked per style and per format where it says so. */
export function goldTargets(totals: GoldTotals, label: string): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const [name, score] of [...totals.byStyle, ...totals.byFormat]) {
    const f1 = linkRates(score).f1;
    rows.push({ measure: `${label}link F1, ${name}`, value: ratio(f1), target: '≥ 0.98', met: f1 >= 0.98 });
  }
  const recall = totals.all.detected / Math.max(1, totals.all.citations);
  rows.push({ measure: `${label}detection recall, all`, value: percent(recall), target: '≥ 99%', met: recall >= 0.99 });
  for (const [name, score] of totals.byStyle) {
    const rate = score.falseAlarms / Math.max(1, score.citations);
    rows.push({ measure: `${label}false alarms, ${name}`, value: `${score.falseAlarms} (${percent(rate)})`, target: '≤ 0.5% of citations', met: rate <= 0.005 });
  }
  if (totals.all.expectations > 0) rows.push({ measure: `${label}mutations caught`, value: `${totals.all.caught}/${totals.all.expectations}`, target: 'all', met: totals.all.caught === totals.all.expectations });
  const exact = totals.all.exactCounts / Math.max(1, totals.all.manuscripts);
  rows.push({ measure: `${label}manuscripts with every entry counted exactly`, value: percent(exact), target: '≥ 98%', met: exact >= 0.98 });
  return rows;
}

export function goldTables(totals: GoldTotals, table: (header: string[], rows: string[][]) => void): void {
  const styles = [...totals.byStyle.keys()];
  const formats = [...totals.byFormat.keys()];
  const rows: string[][] = [];
  for (const style of styles) {
    rows.push(rowOf(style, totals.byStyle.get(style) ?? emptyScore()));
    for (const format of formats) {
      const score = totals.byStyleFormat.get(`${style} ${format}`);
      if (score) rows.push(rowOf(`  ${style} ${format}`, score));
    }
  }
  console.log('Per style (and each format within it):\n');
  table(GOLD_HEADER, rows);
  console.log('Per format:\n');
  table(GOLD_HEADER, [...formats.map((format) => rowOf(format, totals.byFormat.get(format) ?? emptyScore())), rowOf('ALL', totals.all)]);
}
