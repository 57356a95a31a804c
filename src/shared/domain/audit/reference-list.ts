// Locating the reference list in a manuscript and cutting it into entries. Works on plain
// text from any importer: Markdown headings and bullets, numbered lists, PDF line wraps, and
// lists whose lines the importer joined into one paragraph.
import { authorListEnd } from './author-segment';
import { PARTICLE_WORDS } from './authors';
import type { ReferenceListLocation } from './types';

export interface ReferenceEntry {
  raw: string;
  start: number;
  end: number;
  label: string | null;
}

export interface ReferenceListResult {
  location: ReferenceListLocation | null;
  entries: ReferenceEntry[];
}

interface Line {
  text: string;
  start: number;
  end: number;
}

const HEADING = /^\s{0,3}(?:#{1,6}\s*)?(?:\*\*|__|\*|_)?\s*(?:(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]?\s+)?(references?(?:\s+list|\s+cited)?|bibliography|works\s+cited|literature\s+cited|cited\s+literature|sources(?:\s+cited)?|daftar\s+pustaka|referensi|pustaka\s+acuan|bibliografi|bibliograf[ií]a|referencias(?:\s+bibliogr[aá]ficas)?|r[ée]f[ée]rences(?:\s+bibliographiques)?|literaturverzeichnis|literatur)\s*:?\s*(?:\*\*|__|\*|_)?\s*:?\s*$/iu;
const AFTER_REFERENCES = /^\s{0,3}(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:(?:\d+|[A-Z])[.)]?\s+)?(?:appendix|appendices|acknowledge?ments?|funding|notes|endnotes|author(?:s'?)?\s+(?:contributions?|biograph)|about the authors?|conflicts? of interest|declarations?|supplementary|data availability|lampiran)\b.{0,60}$/iu;
const LIST_MARKER = /^\s*(?:[-•*–▪◦]|\[(\d+)\]|\((\d+)\)|(\d+)[.)])\s+(?=\S)/u;
const YEAR_NUMBER = String.raw`(?:1[5-9]\d\d|20\d\d)`;
/** A year with its letter, a range ("2008 - 2012"), "Forthcoming 2019", or an undated work. */
const YEAR = String.raw`(?:(?:[Ff]orthcoming\s+)?${YEAR_NUMBER}(?:\s*[-–]\s*${YEAR_NUMBER})?[a-z]?|n\.\s?d\.?|[Nn]o date|[Ii]n press|[Ff]orthcoming)`;
const AUTHOR_THEN_YEAR = new RegExp(String.raw`^[\p{L}][^()\d]{0,250}?(?:[(,.]\s*|\s\()${YEAR}\s*[).,:]`, 'iu');
/** "Lim, K.", "Mac Lean, A.", "von Davier, M.": a family name, possibly after particles, then initials. */
const FAMILY_COMMA_INITIALS = new RegExp(String.raw`^(?:(?:${PARTICLE_WORDS})\s+)*(?:\p{Lu}\p{Ll}{0,3}\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?,\s+(?:\p{Lu}\.\s?-?)+`, 'u');
const VANCOUVER = /^\p{Lu}[\p{L}'’-]+\s\p{Lu}{1,3}[,.]\s/u;
/** Where one entry may end and the next begin inside a line: after a sentence end, a closing `>` or a bare URL or DOI. */
const ENTRY_BOUNDARY = /(?<=[.?!>]|(?:https?:\/\/|www\.|\b10\.\d{4,9}\/)\S*)\s+(?=\S)/gu;
/** The year after a name list, past stray letters and marks of a garbled list ("Kawa, A. a. (2016)", "Company, B. &. (2023)"). */
const YEAR_AFTER_NAMES = new RegExp(String.raw`^(?:\s*(?:\p{L}\.|&\.?|[.,]))*\s*(?:\(\s*${YEAR}\s*\)|${YEAR}[.,])`, 'iu');
/** "World Bank. (2021)." or "tms-consulting. (2024).": a short name, a period, the year in brackets. */
const CORPORATE_THEN_YEAR = new RegExp(String.raw`^\p{L}[\p{L}\p{N}&'’ -]{0,80}?\p{L}{2}\.\s+\(${YEAR}\)`, 'iu');
/**
 * "World Fish Centre (2019) Small-scale ..." or "Reef survey contributors. 2021. Lake ...": a
 * name opening with a capital, its year, a title opening with a capital, as Harvard and Chicago
 * list a group ("Reading Lim (2019) on ports" inside a title goes on in lower case).
 */
const GROUP_THEN_YEAR = new RegExp(
  String.raw`^\p{Lu}[\p{L}&'’-]*(?:\s+(?:\p{Lu}[\p{L}&'’-]*|\p{Ll}[\p{Ll}'’-]+)){0,7}(?:\.?\s+\(${YEAR}\)\.?|\.\s+${YEAR}\.)\s+["“‘']?\p{Lu}`,
  'u',
);
/** A family name of two letters or more, possibly after particles; not an initial. */
const FAMILY_WORD = /^(?:\p{Ll}+\s+){0,3}\p{Lu}[\p{L}'’-]*\p{L}(?![.\p{L}])/u;
/** "———. 2019b." or "---, 2020.": dashes standing for the previous entry's authors open an entry. */
export const REPEATED_AUTHORS = /^[-–—_]{2,}\s*[.,]/u;
/**
 * The end of a name list, not the start of an entry: "et al." after the names ("Okafor, N. et al.
 * (2016)") or particles closing an inverted name ("Berg, A. van den. (2019)").
 */
const NAME_LIST_TAIL = new RegExp(String.raw`^(?:et\s+al\.|and\s+others\b|(?:(?:${PARTICLE_WORDS})\s+)*(?:${PARTICLE_WORDS})[.,])`, 'u');
/** A text ending in one capital initial and its stop ("Kenneth C."), which ends no entry. */
const LONE_INITIAL = /(?:^|[\s.-])\p{Lu}\.$/u;
const NUMBER_MARKER = /^(?:\[(\d+)\]|\((\d+)\)|(\d+)[.)])\s+(?=\S)/u;

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    lines.push({ text: text.slice(start, end).replace(/\r$/, ''), start, end: end - (text[end - 1] === '\r' ? 1 : 0) });
    start = end + 1;
  }
  return lines;
}

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** A line that opens a new entry rather than continuing the previous one. */
export function isEntryStart(line: string, previous: string | null): boolean {
  if (LIST_MARKER.test(line)) return true;
  if (previous !== null && /(?:[,&]|\band)\s*$/u.test(previous)) return false;
  const text = line.trim().replace(/^(?:\*\*|\*|_)/, '');
  return AUTHOR_THEN_YEAR.test(text) || FAMILY_COMMA_INITIALS.test(text) || VANCOUVER.test(text) || REPEATED_AUTHORS.test(text) || (/[.”"]\s*$/u.test(previous ?? '.') && invertedNamesThenStop(text));
}

/** "Okafor, Ngozi, and Ama Owusu. “Mobile …”": Chicago's bibliography puts the year last, after an inverted first name and a stop. */
function invertedNamesThenStop(text: string): boolean {
  const names = FAMILY_WORD.test(text) ? authorListEnd(text) : 0;
  return names > 0 && /^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}\p{Ll}/u.test(text) && /^\.\s+\S/u.test(text.slice(names));
}

/** How the year follows the names at the start of an entry: "(" for "(2019)", "," for ", 2019."; null when no year follows names. */
function yearForm(text: string): string | null {
  const names = FAMILY_WORD.test(text) ? authorListEnd(text) : 0;
  if (names === 0) return null;
  const year = YEAR_AFTER_NAMES.exec(text.slice(names));
  if (!year) return null;
  return year[0].includes('(') ? '(' : (/[.,](?=\s*\S*$)/u.exec(year[0].replace(/[.,]$/u, ''))?.[0] ?? ' ');
}

/**
 * Offsets inside `line` where a further entry starts. Only forms a title does not take are used:
 * names then a year ("Tan, W., & Lim, K. (2020)."), a short name then a bracketed year, or the
 * next number of a numbered list, each right after a sentence end. A line that opens with a
 * number is cut only at the next number; a year after a comma (", 2015.", also how places and
 * pages end: "Armonk, NY, 2015.") starts an entry only in a line whose own entry is written so;
 * and no entry starts after a lone initial ("T. William Lester, and ...": Chicago writes the
 * second author's given name first).
 */
export function entryStartsWithin(line: string, lastLabel: string | null): number[] {
  const starts: number[] = [];
  let expected = lastLabel !== null ? Number(lastLabel) + 1 : null;
  // Boundaries inside a list marker ("3. Ong") belong to the entry the marker opens.
  const opening = LIST_MARKER.exec(line);
  let markerEnd = opening?.[0].length ?? 0;
  const numbered = opening !== null && /\d/u.test(opening[0]);
  const ownForm = yearForm(line.slice(markerEnd));
  const invertedFirst = ownForm === null && invertedNamesThenStop(line.slice(markerEnd));
  for (const boundary of line.matchAll(ENTRY_BOUNDARY)) {
    const at = boundary.index + boundary[0].length;
    if (at <= markerEnd) continue;
    const rest = line.slice(at);
    const marker = NUMBER_MARKER.exec(rest);
    const number = marker ? Number(marker[1] ?? marker[2] ?? marker[3]) : null;
    if (marker && number !== null) {
      if (number === expected) {
        starts.push(at);
        expected = number + 1;
        markerEnd = at + marker[0].length;
      }
      continue;
    }
    if (numbered || NAME_LIST_TAIL.test(rest) || LONE_INITIAL.test(line.slice(0, boundary.index))) continue;
    const names = FAMILY_WORD.test(rest) ? authorListEnd(rest) : 0;
    // Initials or an inverted "Family, Given" tell a name list from a title that opens with a name ("Reading Lim (2019)").
    const personal = names > 0 && /,|\p{Lu}\./u.test(rest.slice(0, names)) && YEAR_AFTER_NAMES.test(rest.slice(names)) && (yearForm(rest) !== ',' || ownForm === null || ownForm === ',');
    // Chicago's bibliography, year last: only where the line's own entry opens the same way.
    const yearLast = invertedFirst && invertedNamesThenStop(rest);
    if (personal || yearLast || CORPORATE_THEN_YEAR.test(rest) || GROUP_THEN_YEAR.test(rest)) starts.push(at);
  }
  return starts;
}

/** Cuts a line at the entries that start inside it. */
function splitLine(line: Line, lastLabel: string | null): Line[] {
  const label = LIST_MARKER.exec(line.text);
  const starts = entryStartsWithin(line.text, label?.[1] ?? label?.[2] ?? label?.[3] ?? lastLabel);
  if (starts.length === 0) return [line];
  return [0, ...starts].map((from, index) => {
    const to = starts[index] ?? line.text.length;
    const piece = line.text.slice(from, to).trimEnd();
    return { text: piece, start: line.start + from, end: line.start + from + piece.length };
  });
}

function collectEntries(text: string, lines: Line[]): ReferenceEntry[] {
  const entries: ReferenceEntry[] = [];
  let previous: string | null = null;
  let afterBlank = false;
  for (const whole of lines) {
    if (isBlank(whole)) {
      afterBlank = true;
      continue;
    }
    for (const line of splitLine(whole, entries[entries.length - 1]?.label ?? null)) {
      const last = entries[entries.length - 1];
      const opensAfterBlank = afterBlank && last !== undefined && /[.)>]\s*$/.test(last.raw) && line.text.trim().length >= 40 && /^\s*(?:\*\*|\*|_)?\p{Lu}/u.test(line.text) && !/^\s*<?(?:https?:|doi|www\.)/i.test(line.text);
      if (!last || isEntryStart(line.text, previous) || opensAfterBlank) {
        const marker = LIST_MARKER.exec(line.text);
        const leading = marker ? marker[0].length : line.text.length - line.text.trimStart().length;
        const start = line.start + leading;
        entries.push({ raw: text.slice(start, line.end).trimEnd(), start, end: line.start + line.text.trimEnd().length, label: marker?.[1] ?? marker?.[2] ?? marker?.[3] ?? null });
      } else {
        last.end = line.start + line.text.trimEnd().length;
        last.raw = text.slice(last.start, last.end);
      }
      previous = line.text;
      afterBlank = false;
    }
  }
  return entries.filter((entry) => /\p{L}{2}/u.test(entry.raw));
}

function findHeading(text: string, lines: Line[]): { index: number; heading: string } | null {
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index];
    if (!line) continue;
    const match = HEADING.exec(line.text);
    if (!match?.[1]) continue;
    const following = lines.slice(index + 1, index + 40).filter((candidate) => !isBlank(candidate));
    if (following.some((candidate) => isEntryStart(candidate.text, null))) return { index, heading: match[1] };
  }
  return null;
}

/** Without a heading, the longest trailing run of lines that reads as reference entries. */
function findTrailingBlock(lines: Line[]): number | null {
  let blockStart: number | null = null;
  let entryCount = 0;
  let looseChars = 0;
  let looseLines = 0;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index];
    if (!line || isBlank(line)) continue;
    const previous = lines[index - 1]?.text ?? null;
    if (isEntryStart(line.text, previous)) {
      blockStart = index;
      entryCount += 1 + entryStartsWithin(line.text, null).length;
      looseChars = 0;
      looseLines = 0;
    } else {
      looseChars += line.text.length;
      looseLines += 1;
      if (looseLines > 3 || looseChars > 400) break;
    }
  }
  return entryCount >= 3 ? blockStart : null;
}

export function findReferenceList(text: string): ReferenceListResult {
  const lines = splitLines(text, 0, text.length);
  const heading = findHeading(text, lines);
  const firstEntryLine = heading ? heading.index + 1 : findTrailingBlock(lines);
  if (firstEntryLine === null) return { location: null, entries: [] };
  let lastLine = lines.length;
  let unnumbered = 0;
  for (let index = firstEntryLine; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) continue;
    // Notes numbered from 1 after unnumbered entries (Word's footnotes and a PDF's endnotes follow the bibliography) end the list.
    const notesBegin = unnumbered >= 1 && /^\s*1[.)]\s+\S/u.test(line.text);
    if (notesBegin || AFTER_REFERENCES.test(line.text) || (/^\s{0,3}#{1,6}\s/.test(line.text) && index > firstEntryLine)) {
      lastLine = index;
      break;
    }
    if (!NUMBER_MARKER.test(line.text.trimStart()) && isEntryStart(line.text, null)) unnumbered += 1;
  }
  const entries = collectEntries(text, lines.slice(firstEntryLine, lastLine));
  const headingLine = heading ? lines[heading.index] : undefined;
  const start = headingLine ? headingLine.start : (entries[0]?.start ?? 0);
  const end = entries[entries.length - 1]?.end ?? start;
  return { location: { start, end, heading: heading ? heading.heading : null }, entries };
}
