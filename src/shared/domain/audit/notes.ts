// Chicago notes and bibliography: numbered notes that cite works ("1. Ngozi Okafor, Fishing
// Cooperatives (Lagos: Riverine Press, 2016), 23.", "2. Okafor, Fishing Cooperatives, 25.",
// "3. Ibid., 27."), wherever the importer put them: after the text (Word's footnotes and endnotes),
// under a Notes heading, or at the foot of a PDF's pages.
import type { DetectedCitation, Span } from './citations';
import { foldText } from './normalize';

/** Where a note may begin: a number at the start of a line, or after the stop or back-link ("↩") of the note before, as PDFs join them. */
const NOTE_START = /(?:^|(?<=[.↩]\s))[ \t]*(\d{1,3})[.)]?[ \t]+(?=\S)/gmu;
const IBID = /^ibid\b\.?/iu;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|du|di|le|la|and|&|et|al\.)$/u;
const YEAR = /(?<![\d/])(?:1[5-9]\d\d|20\d\d)(?![\d/])/u;

export interface NoteCitation extends DetectedCitation {
  /** The work's title as the note gives it, full or short; null for "Ibid.". */
  noteTitle: string | null;
  ibid: boolean;
  /** A full note gives the place, publisher or year ("(Lagos: Riverine Press, 2016)"); a short note does not. */
  full: boolean;
  /** Where the note's own text is, which is no place for other citations. */
  line: Span;
}

export const noteLine = (note: NoteCitation): Span => note.line;

/** The title a note gives after its authors: a quoted article title, or the words up to the first bracket or stop. */
function titleOf(rest: string): string | null {
  const quoted = /^["“‘']([^"”’']+?)[,.]?["”’']/u.exec(rest);
  const title = quoted ? quoted[1] : /^[^(,.:;]+/u.exec(rest)?.[0];
  return title?.trim() || null;
}

/** Family names of a note's authors: the last word of each name ("Ngozi Okafor" -> "Okafor"). */
function familiesOf(authors: string): string[] {
  return authors
    .replace(/,?\s+et\s+al\.$/u, '')
    .split(/\s*(?:,|\band\b|&)\s*/u)
    .map((name) => name.trim().split(/\s+/u).pop() ?? '')
    .filter((family) => family.length > 1 && !/^\p{Lu}\.$/u.test(family));
}

const isNames = (segment: string): boolean => segment.split(/\s+/u).every((word) => NAME_WORD.test(word));

/**
 * The authors a note opens with and where its title starts: "Ngozi Okafor, Fishing …", "Ngozi
 * Okafor and Tunde Bello, …", "Ngozi Okafor, Tunde Bello, and Ama Owusu, …", "Okafor et al., …".
 * Names after the first comma are authors only up to one that opens with "and": otherwise they
 * are a title in capitals ("Okafor, Fishing Cooperatives, 25.").
 */
function authorsOf(body: string): { authors: string; rest: string } | null {
  const segments = body.split(/,\s+/u);
  const [first] = segments;
  if (first === undefined || segments.length < 2 || !/^\p{Lu}/u.test(first) || !isNames(first)) return null;
  let count = 1;
  if (!/\s(?:and|&)\s/u.test(first)) {
    const closing = segments.slice(1, 6).findIndex((segment, index) => /^and\s/u.test(segment) && segments.slice(1, index + 2).every(isNames));
    if (closing >= 0) count = closing + 2;
  }
  return { authors: segments.slice(0, count).join(', '), rest: segments.slice(count).join(', ') };
}

/**
 * Numbered notes that cite works, in note order: numbers run 1, 2, 3 … and each note opens with
 * names and a comma, or with "Ibid.". The citation spans the note's text, or the note's marker in
 * the text ("[3]", as Word's footnotes are imported) when the text has exactly one.
 */
export function findNotes(text: string, excluded: Span[]): NoteCitation[] {
  const notes: NoteCitation[] = [];
  const starts = [...text.matchAll(NOTE_START)].map((match) => ({ number: Number(match[1]), at: match.index, start: match.index + match[0].length }));
  let expected = 1;
  for (const [index, candidate] of starts.entries()) {
    const { number, start } = candidate;
    if (number !== expected) continue;
    // The note runs to the end of its line, or to the next note joined to it on that line.
    const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const next = starts.slice(index + 1).find((later) => later.number === number + 1 && later.at < lineEnd);
    const body = text.slice(start, next ? next.at : lineEnd).replace(/[\s↩]+$/u, '');
    if (excluded.some((span) => start < span.end && start + body.length > span.start)) continue;
    const ibid = IBID.test(body);
    const cited = ibid ? null : authorsOf(body);
    if (!ibid && !cited) continue;
    expected += 1;
    const rest = cited?.rest ?? '';
    const markers = [...text.matchAll(new RegExp(String.raw`\[${number}\]`, 'gu'))].filter((marker) => marker.index < candidate.at);
    const marker = markers.length === 1 ? markers[0] : undefined;
    const span = marker ? { start: marker.index, end: marker.index + marker[0].length } : { start, end: start + body.length };
    notes.push({
      text: text.slice(span.start, span.end),
      authors: cited ? familiesOf(cited.authors) : [],
      etAl: cited ? /\bet\s+al\.$/u.test(cited.authors) : false,
      year: YEAR.exec(rest)?.[0] ?? '',
      start: span.start,
      end: span.end,
      style: 'note',
      label: String(number),
      irregularity: null,
      noteTitle: ibid ? null : titleOf(rest),
      ibid,
      full: /\([^)]*(?:\d{4}|:)[^)]*\)/u.test(rest),
      line: { start, end: start + body.length },
    });
  }
  // One numbered line that looks like a note is more likely a numbered list item.
  return notes.length >= 2 ? notes : [];
}

/** A note's title, full or short, names this title: its words open it, or all stand in it in order. */
export function titleNames(noteTitle: string, title: string | null): boolean {
  const short = foldText(noteTitle);
  const full = foldText(title ?? '');
  if (!short || !full) return false;
  if (full.startsWith(short)) return true;
  let position = 0;
  for (const word of short.split(' ')) {
    const found = full.indexOf(word, position);
    if (found < 0) return false;
    position = found + word.length;
  }
  return true;
}
