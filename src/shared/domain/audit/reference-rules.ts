// Rule-based parsing of one reference-list entry into fields. Tuned on author-date styles
// (APA, Harvard, Chicago) first, with fallbacks for numbered and Vancouver-like entries. Its
// reading is one of the observations the reference tagger weighs (tagger/hints.ts); the tagger
// decides.
import { authorListEnd } from './author-segment';
import { splitReferenceAuthors } from './authors';
import { foldText, normalizeYear, withoutClosingPunctuation } from './normalize';
import type { ParsedReference } from './types';

const YEAR_TOKEN = String.raw`(?:1[5-9]\d\d|20\d\d)[a-z]?`;
const UNDATED = String.raw`n\.\s?d\.?|in press|forthcoming|s\.\s?f\.|o\.\s?J\.`;
const DATE_IN_PARENS = new RegExp(String.raw`[(\[]\s*(${YEAR_TOKEN}|${UNDATED})(?:\s*[,/–-][^)\]]{0,40})?\s*[)\]]`, 'iu');
const DATE_AFTER_AUTHORS = new RegExp(String.raw`^(.{2,300}?[.,]?)\s+(${YEAR_TOKEN}|${UNDATED})\s*(?:[.,:]|$)`, 'iu');
/** A year standing alone: not part of a range (1850–1900), an identifier (arXiv:1504.07295) or a decade (1990s). */
const ANY_YEAR = new RegExp(String.raw`(?<![\d/.–-])(${YEAR_TOKEN})(?![\d/–-]|\.\d|s\b)`, 'gu');
/** Failing that, the first year of a range: "Paris: Leduc, 1988–1992". */
const YEAR_IN_RANGE = new RegExp(String.raw`(?<![\d/.-])(${YEAR_TOKEN})(?![\d/])`, 'gu');
const DOI = /(?:https?:\/\/(?:dx\.)?doi\.org\/|\bdoi:?\s*)?\b(10\.\d{4,9}\/[^\s"<>]+)/iu;
const URL = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+/iu;
const ACCESS_NOTE = /\s*(?:\[online\]|(?:retrieved|accessed|available|viewed|cited)\b[^]*|url:?)\s*$/iu;
const LIST_MARKER = /^\s*(?:[-•*–▪◦]|\[\d+\]|\(\d+\)|\d+[.)]|\d{1,3}(?=\s+\p{Lu}))\s+/u;
/**
 * Capitalised words that journal and proceedings names abbreviate ("J. Approx. Theory",
 * "ACM Trans. Math. Softw.", "Phys. Rev. Lett."): their full stop does not end the name.
 * Words that also end ordinary sentences ("Mark.", "Can.", "Found.") are left out.
 */
const JOURNAL_WORDS = [
  'Acad', 'Account', 'Adv', 'Agric', 'Am', 'Amer', 'Anal', 'Ann', 'Annu', 'Anthropol', 'Appl', 'Approx', 'Archaeol', 'Artif', 'Assoc',
  'Astron', 'Astrophys', 'Aust', 'Autom', 'Biochem', 'Biol', 'Br', 'Brit', 'Bull', 'Bus', 'Chem', 'Clin', 'Comb', 'Comm', 'Commun',
  'Comp', 'Comput', 'Conf', 'Curr', 'Demogr', 'Dent', 'Dev', 'Distrib', 'Dyn', 'Ecol', 'Econ', 'Educ', 'Electron', 'Eng', 'Engl',
  'Environ', 'Eur', 'Evol', 'Exp', 'Financ', 'Gen', 'Genet', 'Geogr', 'Geom', 'Geophys', 'Graph', 'Hist', 'Immunol', 'Ind', 'Inf',
  'Inform', 'Int', "Int'l", 'Intell', 'Intl', 'Jpn', 'Lett', 'Ling', 'Lit', 'Mag', 'Manag', 'Manage', 'Manuf', 'Mater', 'Math',
  'Mech', 'Med', 'Microbiol', 'Mol', 'Nat', 'Natl', 'Netw', 'Neurosci', 'Nucl', 'Numer', 'Nurs', 'Opt', 'Optim', 'Pediatr',
  'Perspect', 'Pharmacol', 'Philos', 'Phys', 'Polit', 'Probab', 'Proc', 'Process', 'Program', 'Psychiatr', 'Psychol', 'Q', 'Quant',
  'Rec', 'Rep', 'Res', 'Rev', 'Robot', 'Sci', 'Ser', 'Soc', 'Sociol', 'Softw', 'Stat', 'Stoch', 'Struct', 'Stud', 'Suppl', 'Surg',
  'Symp', 'Syst', 'Sys', 'Technol', 'Theor', 'Therm', 'Trans', 'Vet', 'Zool',
].join('|');
/** Words that end with a period without ending a sentence. */
const ABBREVIATION = new RegExp(
  String.raw`(?:^|[\s(]|(?<=\p{Lu})\.)(?:\p{Lu}|Ph\.D|[Vv]ol|[Nn]o|pp?|[Ee]ds?|[Ee]d|[Tt]rans|[Rr]ev|[Ii]nc|[Ll]td|[Cc]o|[Cc]orp|[Dd]ept|[Uu]niv|[Pp]ress|[Jj]r|[Ss]r|[Ss]t|[Vv]s|[Ee]tc|al|[Ii]nt|[Nn]atl|[Pp]roc|[Cc]onf|[Jj]|[Dd]r|[Pp]rof|[Mm]r|[Mm]rs|[Mm]s|${JOURNAL_WORDS})\.$`,
  'u',
);

/** Removes list markers, Markdown emphasis, escapes, link syntax and line breaks. */
export function cleanEntry(raw: string): string {
  return raw
    .replace(LIST_MARKER, '')
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, label: string, target: string) => (/^(?:https?:|www\.)/.test(label.replace(/\\/g, '')) ? target : label))
    .replace(/<((?:https?:\/\/|www\.)[^>\s]+)>/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1')
    // Emphasis marks go; underscores inside a web address ("Van_Hise", "?_r=0") stay.
    .replace(/((?:https?:\/\/|www\.)\S+)|\*+|(?<![\p{L}\d])_+|_+(?![\p{L}\d])/gu, (match, address: string | undefined) => address ?? '')
    .replace(/<\/?(?:i|em|b|strong|sup|sub|italic|bold)>/gi, '')
    .replace(/(\p{Ll})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Italic spans (Markdown `*x*`/`_x_` or HTML `<i>`), which carry the title of a book or the name of a journal. */
function italicSpans(raw: string): string[] {
  const spans: string[] = [];
  for (const match of raw.matchAll(/(?<![*\\])\*{1,2}(?!\s)([^*]+?)(?<!\s)\*{1,2}(?!\*)|<(?:i|em|italic)>(.+?)<\/(?:i|em|italic)>|(?<![\p{L}\d\\])_(?!\s)([^_]+?)(?<!\s)_(?![\p{L}\d])/gu)) {
    const span = cleanEntry(match[1] ?? match[2] ?? match[3] ?? '').replace(/[.,:;\s]+$/, '');
    if (span.length > 1) spans.push(span);
  }
  return spans;
}

function stripTrailing(value: string): string {
  return value.replace(/^[\s.,:;]+|[\s.,:;]+$/g, '').replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/g, '').trim();
}

function emptyToNull(value: string | null | undefined): string | null {
  const stripped = value ? stripTrailing(value) : '';
  return stripped ? stripped : null;
}

/** A title in quotation marks of any kind; a closing ’ followed by a letter is an apostrophe. */
const QUOTED_TITLE = /^\s*(?:“([^”]+)”|"([^"]+)"|``(.+?)''|«([^»]+)»|‘(.+?)’(?!\p{L})|'(.+?)'(?!\p{L}))\s*[.,]?/u;

/** "How effective is telecommuting? Assessing the evidence. Journal, 16(2)": the question is followed by a subtitle, not a container. */
function isSubtitleAfterQuestion(after: string): boolean {
  const period = /\.(?=\s+\S)/.exec(after);
  return period !== null && !/\d/.test(after.slice(0, period.index)) && /^\s+\p{Lu}/u.test(after) && !/^\s+In:?\s/u.test(after);
}

/** Splits text at the first sentence end that is not an initial or abbreviation. */
function splitFirstSentence(text: string): [string, string] {
  const quoted = QUOTED_TITLE.exec(text);
  const inside = quoted?.slice(1).find((group) => group !== undefined);
  if (quoted && inside) return [inside, text.slice(quoted[0].length)];
  const boundary = /[.?!](?=\s+\S|$)/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + 1;
    const before = text.slice(0, end);
    if (match[0] === '.' && ABBREVIATION.test(before)) continue;
    if (match[0] === '.' && /\d\.$/.test(before) && /^\s*\d/.test(text.slice(end))) continue;
    // "Chapter 29. Title" and "Fourier operators. II. Journal": a numbered part belongs to the title.
    if (match[0] === '.' && (/^(?:Chapter|Part|Book)\s+\w+\.$/iu.test(before.trim()) || /^\s+[IVX]+\.(?:\s|$)/u.test(text.slice(end)))) continue;
    if (match[0] !== '.' && isSubtitleAfterQuestion(text.slice(end))) continue;
    return [text.slice(0, match[0] === '.' ? match.index : end), text.slice(end)];
  }
  return [text, ''];
}

interface Locator {
  volume: string | null;
  issue: string | null;
  pages: string | null;
  /** Where the locator starts in the searched text, so the container ends before it. */
  index: number;
}

const PAGE_RANGE = String.raw`[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+[A-Za-z]?)?`;
const PAGE_PREFIX = String.raw`(?:(?:pp?|[Pp]ages|S)\.?\s*)?`;
/** "IJCAI-89" or "Supercomputing '88": a number joined to a name is part of it, not a volume. */
const NOT_IN_NAME = String.raw`(?<!\p{L}-|['’])`;
const PAGE_PATTERNS: RegExp[] = [
  // pp. 45-67 alone
  new RegExp(String.raw`()()()(?:\bpp?\.|\b[Pp]ages)\s*(${PAGE_RANGE})`, 'gu'),
  // a bare page range: 45-67, but not a report number (TR-95-141, CS-1992-18, #94-3)
  new RegExp(String.raw`()()()(?<![-–/#]|\p{L}\s?)\b(\d+\s*[-–—]+\s*\d+)\b(?![-–/])`, 'gu'),
];
const LOCATOR_PATTERNS: RegExp[] = [
  // 12(3), 45-67  |  12 (3): 45  |  29(12) 1184-1201  |  Vol. 12, No. 3, pp. 45-67
  new RegExp(String.raw`(?:\b[Vv]ol(?:ume)?\.?\s*)?\b(\d+)\s*(?:\(([^)]{1,20})\)|,?\s*(?:[Nn]o|[Ii]ss(?:ue)?|[Nn]r|Heft|n)\.?\s*(\d+[-–/]?\d*))(?:\s*[,:.]\s*|\s+(?=\d+\s*[-–—]))?(?:(?<=[,:.\s])${PAGE_PREFIX}(${PAGE_RANGE}))?`, 'gu'),
  // MLA volume.issue before a dated bracket: Critical Inquiry 13.2 (1989): 287-292
  new RegExp(String.raw`\b(\d+)\.(\d+)()\s*(?=\([^)]*\d{4}\))(?:\([^)]*\)\s*[,:]?\s*${PAGE_PREFIX}(${PAGE_RANGE}))?`, 'gu'),
  // 12, 45-67  |  12: 45-67  |  vol. 12, pp. 45-67  |  5 207-229, but not the year in "Lett. 2010, 10, 1012"
  new RegExp(String.raw`(?:\b[Vv]ol(?:ume)?\.?\s*)?${NOT_IN_NAME}\b(?!(?:1[5-9]|20)\d\d\b)(\d+)()()(?:\s*[,:]\s*${PAGE_PREFIX}(${PAGE_RANGE})(?!\s*\((?:\p{L}+\.?\s+)?(?:1[5-9]|20)\d\d)|\s+(\d+\s*[-–—]+\s*\d+))\b`, 'gu'),
  // Volume (and number) before the date in brackets: J. Approx. Theory 72 (1993), 2-23  |  Oper. Res. 36, 3 (1988), 454-469
  new RegExp(String.raw`${NOT_IN_NAME}(?<!\d,\s?|[-–—]|pp?\.\s?)\b(\d{1,4})(?:,\s*(\d{1,3}))?()\s*\((?:\p{L}+\.?\s+)?(?:1[5-9]|20)\d\d[^)]{0,12}\)\s*(?:[,:.]\s*${PAGE_PREFIX}(${PAGE_RANGE}))?`, 'gu'),
  // Vol. 12 alone
  new RegExp(String.raw`\b[Vv]ol(?:ume)?\.?\s*(\d+|[IVXLC]+)()()()`, 'gu'),
  ...PAGE_PATTERNS,
  // APA volume without issue or pages at the very end: "Journal Name, 495."
  new RegExp(String.raw`,\s*(\d{1,4})()()()\s*\.?\s*$`, 'gu'),
];

const IS_YEAR = /^(?:1[5-9]|20)\d\d$/;
/** "(1988)" or "(March 1988)" after a volume is its date, not its issue. */
const DATE_ONLY = /^(?:\p{L}+\.?\s+)?(?:1[5-9]|20)\d\d[a-z]?$/u;

function laterPages(text: string): string | undefined {
  for (const pattern of PAGE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (!/^(?:1[5-9]|20)\d\d[-–](?:1[5-9]|20)\d\d$/.test(match[4] ?? '')) return match[4];
    }
  }
  return undefined;
}

function findLocator(text: string): Locator | null {
  for (const pattern of LOCATOR_PATTERNS) {
    // Every match in turn: "BMJ 2005, 330, 1347" starts with a year that is not a volume.
    for (const match of text.matchAll(pattern)) {
      const volume = match[1] || null;
      const issue = match[2] || match[3] || null;
      if (volume && IS_YEAR.test(volume) && !issue) continue;
      if (issue && DATE_ONLY.test(issue.trim())) continue;
      // "volume 989 of Lecture Notes ..., pages 44-58": the pages may come well after the volume.
      const range = match[4] || match[5] || (PAGE_PATTERNS.includes(pattern) ? undefined : laterPages(text.slice(match.index + match[0].length)));
      const pages = range ? range.replace(/\s+/g, '') : null;
      if (pages && !issue && /^(?:19|20)\d\d[-–](?:19|20)\d\d$/.test(pages)) continue;
      return { volume, issue, pages, index: match.index };
    }
  }
  return null;
}

/** What cannot continue a title after its comma: a container, an edition, a report type, a date, a place and publisher. */
const AFTER_TITLE = /^(?:in:?\s|(?:vols?|no|pp?|eds?|edn|edition|edited|trans|transl|translated|ph\.?\s?d|master'?s?|doctoral|tech|technical|report|proc|proceedings|journal|j|ieee|acm|lncs|lecture notes|preprint|paper|to appear|submitted|unpublished|thesis|dissertation|isbn|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b)/iu;
const CITY_AND_STATE = /^\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*)?,\s\p{Lu}{2}\b/u;
const PLACE_AND_PUBLISHER = /^\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*){0,2}:\s/u;

/**
 * Where a title written in a comma-separated style ("Aho, A. V., The Design of Algorithms,
 * Addison-Wesley, 1974") ends: at the first comma followed by something a title does not go on
 * with, or before a bracketed "(Place: Publisher, 1964)".
 */
function titleEnd(title: string, year: YearMatch | null): number {
  const publication = /\s*\([^()]*(?::\s|\b(?:press|verlag|publish\w*)\b)[^()]*\d{4}[^()]*\)?/iu.exec(title);
  const limit = publication && publication.index > 0 ? publication.index : title.length;
  const commas = [...title.slice(0, limit).matchAll(/,\s+/gu)];
  for (const [position, comma] of commas.entries()) {
    const next = title.slice(comma.index + comma[0].length);
    const segment = next.split(',')[0]?.trim() ?? '';
    // "Staging Mozart, Verdi, Wagner, and Zemlinsky": the last item of a list goes on with the title.
    if (/^(?:and|&|or|und|et)\s/iu.test(next)) continue;
    const dateOfEntry = year !== null && !year.placed && segment === year.year;
    const locator = /^(?:vols?|no|pp?)\b/iu.test(next) || (/\d/.test(segment) && !/^\d{4}(?:\s*[-–]\s*\d{2,4})?$/.test(segment));
    const place = PLACE_AND_PUBLISHER.test(next) || CITY_AND_STATE.test(next);
    if (!(locator || place || dateOfEntry || AFTER_TITLE.test(next) || (PUBLISHER.test(segment) && !SERIAL.test(segment)))) continue;
    // "Title, Information and Computation, 84" or "Title, Addison-Wesley, Reading, MA": the capitalised
    // segment before a volume, place or date is the journal or the publisher.
    const previous = commas[position - 1];
    const before = title.slice((previous?.index ?? 0) + (previous?.[0].length ?? 0), comma.index);
    const stepBack = previous && /^\p{Lu}/u.test(before) && (locator || ((place || dateOfEntry) && before.split(/\s+/).length <= 3));
    return stepBack ? previous.index : comma.index;
  }
  return limit;
}

interface YearMatch {
  year: string;
  index: number;
  end: number;
  /** Found in a position author-date styles use (after the authors), not just somewhere in the entry. */
  placed: boolean;
}

/** "Lee, L., and R. Marsh." or a short corporate name: the year that follows sits where author-date styles put it. */
function isOnlyAuthors(prefix: string): boolean {
  const names = prefix.replace(/[\s.,]+$/, '');
  return authorListEnd(names) >= names.length - 1 || (names.split(/\s+/).length <= 6 && !/[.:]\s/.test(names));
}

function findYear(text: string): YearMatch | null {
  const parenthesised = DATE_IN_PARENS.exec(text);
  // "Press, 2003 [1910]." ends with the first edition's year, which does not date this one.
  const firstEdition = parenthesised?.[0].startsWith('[') && /^[\s.,;]*$/u.test(text.slice(parenthesised.index + parenthesised[0].length));
  if (parenthesised?.[1] && parenthesised.index < 400 && !firstEdition) {
    return { year: normalizeYear(parenthesised[1]), index: parenthesised.index, end: parenthesised.index + parenthesised[0].length, placed: true };
  }
  const afterAuthors = DATE_AFTER_AUTHORS.exec(text);
  if (afterAuthors?.[1] && afterAuthors[2] && !/\d/.test(afterAuthors[1]) && isOnlyAuthors(afterAuthors[1])) {
    const index = afterAuthors[1].length;
    return { year: normalizeYear(afterAuthors[2]), index, end: afterAuthors[0].length, placed: true };
  }
  const standalone = [...text.matchAll(ANY_YEAR)];
  const candidates = standalone.length > 0 ? standalone : [...text.matchAll(YEAR_IN_RANGE)];
  // A bracketed "[1910]" is the first edition's, not this one's.
  const chosen = candidates.find((match) => !/\b(?:vol|no|pp?)\.?\s*$|\[\s*$/iu.test(text.slice(0, match.index))) ?? candidates[0];
  if (!chosen?.[1]) return null;
  return { year: normalizeYear(chosen[1]), index: chosen.index, end: chosen.index + chosen[0].length, placed: false };
}

/** Author-first entries put the year right after the authors; others (numbered, Vancouver) end the authors at the first sentence. */
function splitAuthorSegment(text: string, year: YearMatch | null): { authorText: string; rest: string } {
  if (year?.placed) {
    const before = text.slice(0, year.index);
    if (before.trim().length > 0 && !/[“"«]/.test(before) && before.length < 400 && !/\d{2}/.test(before)) {
      return { authorText: before, rest: text.slice(year.end) };
    }
  }
  const end = authorListEnd(text);
  if (end > 0) return { authorText: text.slice(0, end), rest: text.slice(end) };
  const [first, rest] = splitFirstSentence(text);
  const looksLikeNames = /^(?:(?:(?:van|von|de|der|den|del|della|di|da|du|la|le|dos)\s+)*[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}]{1,3}|,\s*(?:\p{Lu}\.\s?)+)?[,;&\s]*(?:and\s+)?)+$/u.test(first.trim());
  if (looksLikeNames || (!year?.placed && first.length < 120 && /,/.test(first))) return { authorText: first, rest };
  return { authorText: '', rest: text };
}

const PLACE_OF_PUBLICATION = /^\s*\p{Lu}[\p{L}.'-]*(?:[\s-]+\p{Lu}[\p{L}.'-]*){0,3}(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?\s*:\s*\S/u;

/** "The heart. An eightfold path. New York: Wiley": a sentence between a book's title and its place of publication is its subtitle. */
function isSubtitleBeforePublisher(sentence: string, after: string): boolean {
  return (
    PLACE_OF_PUBLICATION.test(after) &&
    /^\p{Lu}/u.test(sentence) &&
    !/\d|:\s/u.test(sentence) &&
    !/^(?:in|edited|translated|trans|ed|eds|dir|directed|reprint|reprinted|with|vol|volume|revised|expanded|editio|dvd|cd|film|video)\b/iu.test(sentence) &&
    !SERIAL.test(sentence) &&
    !PUBLISHER.test(sentence) &&
    !NOT_A_CONTAINER.test(sentence) &&
    !INSTITUTION.test(sentence)
  );
}

/** "Leach, N., ed. Title" or "Soderbergh, S., director. Title": the names' role, left over before the title. */
const ROLE_AFTER_NAMES = /^\(?(?:eds?|editors?|hrsg|directors?|producers?)\.?\)?[.,]?\s+(?=\S)/iu;
/** What APA appends to a title and is not part of it: "(2nd ed.)", "(Vol. 2)", "(translated by ...)", "[DVD]", "[Motion picture]". */
const TITLE_DESCRIPTOR = /(?:\s*(?:\((?:[^()]*\b(?:ed|edn|edition|vols?|translated|trans|report|dissertation|thesis|brief|unpublished)\b[^()]*)\)|\[[^\]]*\]))+\s*$/iu;

/**
 * Physics and astronomy cite articles without their titles: "Nano Lett. 2010, 10, 1012", "ApJ, 650, 102",
 * "Phys. Rev. Lett. 83, 3370 (1999)": an abbreviated journal, perhaps a year, a volume and a first page.
 */
const TITLELESS = new RegExp(
  String.raw`^(?:(?:\p{Lu}[\p{L}&]{0,6}\.|\p{Lu}[\p{L}&]*(?![\p{L}.]))\s*){1,6}[,.]?\s*(?:(?:1[5-9]|20)\d\d[a-z]?,?\s*)?[A-Z]?\d+[A-Z]?(?:\s*\([^)]*\))?\s*[,:]?\s+[A-Z]?\d+(?:\s*[-–]\s*\d+)?(?:\s*\((?:1[5-9]|20)\d\d\))?(?:[.\s]*\[[^\]]*\])*[.\s]*$`,
  'u',
);

/** The rules' reading of an entry, with the stretch they took for the author list. */
export interface RuleReading extends Omit<ParsedReference, 'editors'> {
  authorText: string;
}

export function parseByRules(raw: string): RuleReading {
  const italics = italicSpans(raw.replace(LIST_MARKER, ''));
  let text = cleanEntry(raw);

  let doi: string | null = null;
  const doiMatch = DOI.exec(text);
  if (doiMatch?.[1]) {
    doi = withoutClosingPunctuation(doiMatch[1]);
    text = text.slice(0, doiMatch.index) + text.slice(doiMatch.index + doiMatch[0].length);
  }
  let url: string | null = null;
  const urlMatch = URL.exec(text);
  if (urlMatch) {
    url = withoutClosingPunctuation(urlMatch[0]);
    text = text.slice(0, urlMatch.index) + text.slice(urlMatch.index + urlMatch[0].length);
  }
  text = text.replace(ACCESS_NOTE, '').replace(/\s*\bdoi:?\s*$/i, '').trim();

  // "———. Title": the dashes repeat the previous entry's authors, which this entry cannot name.
  const ditto = /^[-–—_]{2,}[.,]?\s*/u.exec(text);
  if (ditto) text = text.slice(ditto[0].length);
  const year = findYear(text);
  const { authorText, rest: afterAuthors } = ditto ? { authorText: '', rest: text } : splitAuthorSegment(text, year);
  const authors = splitReferenceAuthors(authorText).names;
  // A year straight after the authors without brackets or stop ("Kidder 2013 Building Mound A") is the date, not the title.
  let body = afterAuthors.replace(/^[\s.,:;)]+/, '');
  if (year && body.startsWith(year.year)) body = body.slice(year.year.length).replace(/^[\s.,:;)]+/, '');
  body = body.replace(ROLE_AFTER_NAMES, '');
  if (year && !authorText && year.index > 0) {
    body = text.slice(0, year.index) + ' ' + text.slice(year.end);
  }

  let title: string | null;
  let remainder: string;
  let commaStyle = false;
  const italicTitle = italics.find((span) => body.startsWith(span) || body.startsWith(`"${span}`));
  if (italicTitle) {
    title = italicTitle;
    remainder = body.slice(body.indexOf(italicTitle) + italicTitle.length);
  } else if (TITLELESS.test(body) || /^personal communication\b/iu.test(body)) {
    [title, remainder] = ['', body];
  } else {
    [title, remainder] = splitFirstSentence(body);
    const [next, afterNext] = splitFirstSentence(remainder.trim());
    if (!QUOTED_TITLE.test(body) && isSubtitleBeforePublisher(next, afterNext)) [title, remainder] = [`${title}. ${next}`, afterNext];
  }
  // Only where no full stop ended the title: comma-separated styles, or dates at the end.
  if (!italicTitle && !QUOTED_TITLE.test(body) && (!year?.placed || remainder.trim() === '')) {
    const end = titleEnd(title, year);
    if (end < title.length) [title, remainder, commaStyle] = [title.slice(0, end), `${title.slice(end)}${remainder ? ` ${remainder}` : ''}`, true];
  }
  title = emptyToNull(title?.replace(TITLE_DESCRIPTOR, ''));
  remainder = remainder.replace(/^[\s.,:;]+/, '');
  if (year && !year.placed) remainder = remainder.replace(new RegExp(String.raw`(?:,\s*|\()(?:\p{L}+\.?\s+)?${year.year.replace(/\./g, '\\.')}\b\)?`, 'u'), ' ');

  const locator = findLocator(remainder);
  const italicContainer = italics.find((span) => span !== italicTitle && remainder.includes(span));
  const head = locator ? remainder.slice(0, locator.index) : remainder;
  // An italic title marks a book or report: what follows it is the publisher, not a container.
  const candidate = italicContainer ?? (italicTitle && !/^In\b/.test(remainder) ? null : containerFrom(commaStyle ? commaContainer(head, locator !== null) : head));
  const container = candidate && !locator && !italicContainer && isPublisherName(candidate, authors) ? null : candidate;
  return {
    authorText,
    authors,
    year: year?.year ?? null,
    title,
    container,
    volume: locator?.volume ?? null,
    issue: emptyToNull(locator?.issue),
    pages: locator?.pages ?? null,
    doi,
    url,
  };
}

/** What follows a book's or report's title when it has no container. */
const NOT_A_CONTAINER = /^(?:(?:ph\.?\s?d\.?|doctoral|master'?s|diploma)\s+(?:thesis|dissertation|diss)|ph\.?\s?d|thesis|dissertation|tech(?:nical)?|tr|rep|manuscript|preprint|unpublished|working\s+paper|mimeo|draft|submitted|to\s+appear|reprint|revised|with\s+a\s+new|dvd|editio|traduction|translated|\[online\]|[^,]{0,30}\b(?:report|patent)|\p{Lu}[\p{L} .]+,\s+\p{Lu}{2})\b/iu;
const PUBLISHER = /\b(?:press|publishers?|publishing|publications?|verlag|ltd|inc|co\.|company|wiley|springer|elsevier|routledge|sage|macmillan|books|editions?|éditions|kaufmann|addison|wesley|prentice|mcgraw|harcourt|knopf|penguin|norton|blackwell|pergamon|plenum|kluwer|dover|gallimard|seuil|dunod|suhrkamp|vintage)\b/iu;
const SERIAL = /\b(?:journal|proceedings|proc\.|review|conference|transactions|trans\.|quarterly|bulletin|annals|letters|magazine|symposium|workshop)\b/iu;

/** After a comma-separated title, the next segment is a container only before a volume or pages, or when it names one. */
function commaContainer(head: string, located: boolean): string {
  // "in: K. Lim (eds.), Ports and Docks, Straits Press": containerFrom skips the editors and the publisher.
  if (/^in\b/iu.test(head)) return head;
  const parts = head.split(/,\s/);
  // "IEEE Transactions on Systems, Man, and Cybernetics": a list of single words ending in "and" is one name.
  const andAt = parts.findIndex((part, index) => index > 0 && /^(?:and|&)\s/u.test(part));
  const listEnd = andAt > 0 && andAt <= 3 && parts.slice(1, andAt).every((part) => /^\p{Lu}[\p{L}-]*$/u.test(part.trim())) ? andAt + 1 : 1;
  const segment = parts.slice(0, listEnd).join(', ');
  return located || SERIAL.test(segment) ? segment : '';
}

/** Institutions that publish their own reports: "Asian Trade Monitor Secretariat", "Ministry of Trade". */
const INSTITUTION = /(?:\b(?:secretariat|council|ministry|agency|organi[sz]ation|institute|university|foundation|office|commission|centre|center|bank|association|authority|government|bureau)$|^(?:ministry|department|office|government|bureau|institute|university)\b)/iu;

/** Without volume or pages, a segment naming the author or an institution is the publisher of a report, not a container. */
function isPublisherName(segment: string, authors: string[]): boolean {
  const folded = foldText(segment);
  if (SERIAL.test(segment)) return false;
  return INSTITUTION.test(segment) || authors.some((author) => author.includes(' ') && folded.includes(foldText(author)));
}

/** "Am. J. Hum. Genet." or "Comm. of the ACM": short capitalised words with full stops are one abbreviated journal name. */
const ABBREVIATED_NAME = /^(?:(?:\p{Lu}[\p{L}'’-]{0,9}\.|of|the|and|on|in|for|&)\s+)+\p{Lu}[\p{L}'’-]*\.?$/u;
const MEETING = /\b(?:proceedings|proc|conference|conf\.|workshop|symposium|meeting|congress|colloquium|presented)\b/iu;
/** A trailing "Portland, OR" or "Tokyo, Japan": one or two capitalised segments without digits or serial words. */
const PLACE_SEGMENT = /,\s*\p{Lu}[\p{L}.'’-]*(?:[\s/]\p{Lu}[\p{L}.'’-]*){0,2}\s*$/u;

/** A meeting's name is followed by where it was held, which is not part of the name. */
function withoutPlace(name: string): string {
  if (!MEETING.test(name)) return name;
  let result = name;
  for (let dropped = 0; dropped < 2; dropped++) {
    const place = PLACE_SEGMENT.exec(result);
    if (!place || SERIAL.test(place[0]) || MEETING.test(place[0]) || !MEETING.test(result.slice(0, place.index))) break;
    result = result.slice(0, place.index);
  }
  return result;
}

/** "Rio de Janeiro :" or "South Bend, IN:" opens a place and publisher; "Freedom to Practise:" or "The Foucault Effect:" opens a title. */
const PLACE_BEFORE_COLON = /^(?!The\s)\p{Lu}[\p{L}.'’-]*(?:[\s,/]+(?:\p{Lu}[\p{L}.'’-]*|de|da|do|dos|das|del|upon|on|am|sur|en|le|la)){0,3}\s*:\s/u;

function isPlaceAndPublisher(text: string): boolean {
  return PLACE_BEFORE_COLON.test(text) && !/journal|review|proceedings/iu.test(text);
}

/** The container is the segment after the title, minus editors ("In X (Ed.),") and a trailing "City: Publisher". */
function containerFrom(head: string): string | null {
  let segment = head.trim();
  const editors = /^In:?\s+(?:.{0,200}?\((?:eds?|hrsg|ed)\.?\)|.{0,120}?\b(?:editors?|eds?)\b\.?)\s*[,.:]?\s*/iu.exec(segment);
  if (editors) segment = segment.slice(editors[0].length);
  else segment = segment.replace(/^In:?\s+/u, '');
  if (/^(?:translated|trans\.|edited|ed\.|dir\.|directed)\s/iu.test(segment)) return null;
  // The name ends before its volume, number, pages, a bare number or date, or its editors ("Writing Women, edited by ...").
  segment = segment.split(/\s*(?:\(\s*(?:pp?\.|Vol|[0-9])|\s*\((?=[^()]*:\s)|,\s*(?:pp?\.|pages?\s|vol\.|v\.?\s|no\.|edited|eds?\.)|,?\s*n°|\s\d+(?![\p{L}\d])(?!\s+(?!(?:jan|feb|fév|mar|mär|apr|avr|may|mai|jun|jui|jul|aug|aoû|sep|oct|okt|nov|dec|déc|dez)\p{L}*(?!\p{L}))\p{Lu})|,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?(?=[\s(]*\d|$))/iu)[0] ?? '';
  // "Logic and Data Bases, Plenum Press, New York": the book's name ends before its publisher.
  if (isPlaceAndPublisher(segment)) return null;
  const parts = segment.split(/,\s+/u);
  const publisherAt = parts.findIndex((part, index) => index > 0 && PUBLISHER.test(part) && !SERIAL.test(part));
  if (publisherAt > 0) segment = parts.slice(0, publisherAt).join(', ');
  const [first] = ABBREVIATED_NAME.test(segment) ? [segment] : splitFirstSentence(segment);
  const candidate = stripTrailing(withoutPlace(stripTrailing(first.replace(/^\(([^)]*)\)$/, '$1'))));
  if (!candidate || isPlaceAndPublisher(candidate)) return null;
  if ((/^\d/u.test(candidate) && !/^\d+(?:st|nd|rd|th)?\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*(?!\p{L}))\p{Lu}/u.test(candidate)) || /^(?:\d+(?:st|nd|rd|th)?\s+ed|(?:october|september|november|december|january|february|march|april|may|june|july|august)\b)/iu.test(candidate)) return null;
  if (NOT_A_CONTAINER.test(candidate) || (PUBLISHER.test(candidate) && !SERIAL.test(candidate))) return null;
  return candidate;
}
