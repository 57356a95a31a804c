// Detection of in-text citations: author-date (APA, Harvard, Chicago), parenthetical and
// narrative, and numeric brackets when the reference list is numbered.
import { splitAuthors } from './authors';
import { isInitials, normalizeYear } from './normalize';
import type { CitationStyle } from './types';

export interface DetectedCitation {
  text: string;
  authors: string[];
  etAl: boolean;
  year: string;
  start: number;
  end: number;
  style: CitationStyle;
  /** For numeric citations, the number cited. */
  label: string | null;
  /** Why the citation is written irregularly (initials in it, a comma before the bracket), if it is. */
  irregularity: string | null;
  /** Read from a group name with lower-case words ("CDLI contributors"), which prose resembles: a citation only if an entry has that name. */
  tentative?: boolean;
  /** For a year in brackets after words that are no names ("the vegan package (2019)"): those words, which may name the work by its title. */
  titleWords?: Array<{ word: string; start: number }>;
}

export interface Span {
  start: number;
  end: number;
}

const YEAR_NUMBER = String.raw`(?:1[5-9]\d\d|20\d\d)`;
/** A year with its letter, a range of years ("2008 - 2012"), "n.d.", "no date", "in press", "forthcoming" and "Forthcoming 2018". */
const YEAR = String.raw`(?:(?:forthcoming\s+)?${YEAR_NUMBER}(?:\s*[-–]\s*${YEAR_NUMBER})?[a-z]?|n\.\s?d\.?|no\s+date|in\s+press|forthcoming)`;
/** A year alone in brackets after a narrative citation's names; a range there ("Three Centuries (1700–2000)") is a period, not a date of publication. */
const SINGLE_YEAR = String.raw`(?:(?:forthcoming\s+)?${YEAR_NUMBER}[a-z]?|n\.\s?d\.?|no\s+date|in\s+press|forthcoming)`;
const YEAR_SUFFIX = String.raw`[a-z](?![\w.])`;
const YEAR_LIST = new RegExp(String.raw`${YEAR}(?:\s*,\s*(?:${YEAR}|${YEAR_SUFFIX}))*`, 'giu');
const LOCATOR = String.raw`(?:\s*[,:]\s*(?:(?:pp?|paras?|chaps?|ch|fig|figs|sec|secs|vol|n|nn|col|cols)\.|[Pp]ages?|[Cc]hapter|[Tt]able|§)?\s*[\divxlc][\w–\-., ]{0,30})?`;
/** A few words of comment after the year: "(see Okafor, 2018 for a review)". */
const COMMENT = String.raw`(?:\s+\p{Ll}[\p{L}'’ -]{0,60})?`;
const PARENTHETICAL_PART = new RegExp(String.raw`^(.+?)(?:,\s*|\s+)(${YEAR}(?:\s*,\s*(?:${YEAR}|${YEAR_SUFFIX}))*)${LOCATOR}${COMMENT}\s*$`, 'iu');
const YEARS_ONLY = new RegExp(String.raw`^\s*(${SINGLE_YEAR}(?:\s*,\s*(?:${SINGLE_YEAR}|${YEAR_SUFFIX}))*)${LOCATOR}\s*$`, 'iu');
const PREFIX = /^(?:(?:see\s+also|see|e\.\s?g\.|i\.\s?e\.|cf\.|for\s+example|for\s+instance|for\s+a\s+review,?\s+see|as\s+cited\s+in|cited\s+in|quoted\s+in|also|compare|but\s+see|contra|reviewed\s+in|adapted\s+from|source|data\s+from)[,:]?\s+)+/iu;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*|\p{Ll}+(?:-\p{L}+)+|Mc\p{Lu}\p{Ll}+|d['’]\p{Lu}\p{Ll}+)$/u;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'al', 'bin', 'ibn', 'ter', 'ten', 'op']);
const CONNECTORS = new Set(['&', 'and', 'und', 'of', 'for', 'the', 'on', 'dan']);
/** Capitalised words that start a sentence or a phrase rather than name an author. */
const NOT_NAMES = new Set(
  `According As In See For The This That These Those Following Unlike Like While Although Though Both Since By From With Based Per Also Moreover Furthermore However Thus Hence Similarly Recently Notably Later Earlier Then Further Here There Our We It Its Their His Her When Where If But And Yet So On At To Of An A Data Figure Fig Table Chapter Section Cited Work Works Research After Before During Because Other Some Many Most Several Various Previous Prior Early Author Authors Scholars Researchers Analysis Report Reports Study Studies Survey Source Sources Article Paper Book Law Act Note Notes Meanwhile Specifically Overall Indeed Instead Nevertheless Nonetheless Finally First Second Third Lastly Accordingly Consequently Therefore Today Currently Until Between Among Within Year Years Quarter Q1 Q2 Q3 Q4 January February March April May June July August September October November December Spring Summer Autumn Fall Winter Dr Prof Mr Mrs Ms Professor President Minister Vol Volume No Page Pages Edition Version Phase Stage Step Wave Round Appendix Equation Eq Model Scenario Period Era Census COVID Covid Industry`.split(' '),
);
const SENTENCE_WORDS = new Set(['According', 'As', 'In', 'See', 'For', 'The', 'This', 'That', 'These', 'Those', 'Following', 'Unlike', 'Like', 'While', 'Although', 'Though', 'Both', 'Since', 'By', 'From', 'With', 'Based', 'Per', 'Also', 'Moreover', 'Furthermore', 'However', 'Thus', 'Hence', 'Similarly', 'Recently', 'Notably', 'Later', 'Earlier', 'Then', 'Further', 'Here', 'There', 'Our', 'When', 'Where', 'If', 'But', 'And', 'Yet', 'So', 'On', 'At', 'To', 'Of', 'An', 'A', 'After', 'Before', 'During', 'Because', 'Meanwhile', 'Indeed', 'Therefore', 'Accordingly', 'Consequently', 'Nevertheless', 'Specifically', 'Overall', 'Finally', 'Cited', 'Report', 'Reports', 'Source', 'Sources', 'Data']);
const MAX_NAME_TOKENS = 14;

/** Words that make a run of capitalised words the name of an institution, which may go on with words such as "Studies" or "Research". */
const INSTITUTION = /^(?:Institute|Institut|Centre|Center|Bank|Ministry|Kementerian|Department|Agency|Badan|Organi[sz]ation|Association|Council|Office|University|Universitas|Foundation|Commission|Alliance|Forum|Bureau|Authority|Secretariat|Board|Network|Coalition|Society|Academy|Fund|Programme|Program|Watch)$/u;

/** A word that cannot be part of an author's name, unless an institution's name goes on with it ("Institute for Fiscal Studies"). */
function notAName(word: string, index: number, words: string[]): boolean {
  return NOT_NAMES.has(word) && (index === 0 || !words.slice(0, index).some((earlier) => INSTITUTION.test(earlier)));
}

function looksLikeAuthors(authorText: string): boolean {
  const words = authorText.replace(/[,;]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_NAME_TOKENS) return false;
  let names = 0;
  for (const [index, word] of words.entries()) {
    const bare = word.replace(/['’]s$/, '');
    if (NAME_WORD.test(bare)) {
      if (notAName(bare.replace(/\.$/, ''), index, words)) return false;
      names += 1;
    } else if (!(CONNECTORS.has(word.toLowerCase()) || PARTICLES.has(word) || /^et$/i.test(word) || /^al\.?$/i.test(word) || isInitials(word))) {
      return false;
    }
  }
  return names > 0;
}

/** Lower-case words that may stand inside a group's name ("The Axelrod project developers", "Deutsches Institut für Normung"). */
const GROUP_WORD = /^\p{Ll}[\p{Ll}'’-]{1,}$/u;

/** A name of a group or project with lower-case words in it; capitalised first, no sentence words, no digits. */
function looksLikeGroupName(authorText: string): boolean {
  const words = authorText.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6 || !/^\p{Lu}/u.test(words[0] ?? '')) return false;
  const capitalised = words.filter((word) => NAME_WORD.test(word));
  if (capitalised.length === 0 || capitalised.some((word, index) => index > 0 && notAName(word, index, capitalised)) || (notAName(words[0] ?? '', 0, words) && words[0] !== 'The')) return false;
  return words.every((word) => NAME_WORD.test(word) || GROUP_WORD.test(word)) && words.some((word) => GROUP_WORD.test(word) && !CONNECTORS.has(word) && !PARTICLES.has(word));
}

function yearsOf(list: string): string[] {
  const years: string[] = [];
  for (const piece of list.split(',').map((item) => item.trim())) {
    const previous = years[years.length - 1];
    if (/^[a-z]$/.test(piece) && previous) years.push(previous.replace(/[a-z]$/, '') + piece);
    else years.push(normalizeYear(piece.replace(/\s+/g, ' ')));
  }
  return years;
}

function overlaps(start: number, end: number, excluded: Span[]): boolean {
  return excluded.some((span) => start < span.end && end > span.start);
}

/**
 * Every bracket of up to 800 characters with what it holds; a bracket inside it is blanked out,
 * so "(Osei, 2017; see also Marsh and Okonkwo (2011))" holds "Osei, 2017" and a part without a
 * year, and the inner "(2011)" is a bracket of its own.
 */
function* brackets(text: string): Generator<{ openAt: number; closeAt: number; content: string }> {
  for (const open of text.matchAll(/\(/g)) {
    let depth = 0;
    let content = '';
    for (let index = open.index + 1; index < Math.min(text.length, open.index + 802); index += 1) {
      const char = text[index] ?? '';
      if (char === ')' && depth === 0) {
        if (content.trim()) yield { openAt: open.index, closeAt: index + 1, content };
        break;
      }
      if (char === '(') depth += 1;
      content += depth > 0 ? ' ' : char;
      if (char === ')') depth -= 1;
    }
  }
}

/** `(Smith, 2020; Jones & Lee, 2019a, p. 4)`: one citation per work, each spanning its part. */
function parentheticalCitations(text: string, excluded: Span[]): { citations: DetectedCitation[]; yearOnly: Span[] } {
  const citations: DetectedCitation[] = [];
  const yearOnly: Span[] = [];
  for (const { openAt, closeAt, content } of brackets(text)) {
    if (overlaps(openAt, closeAt, excluded)) continue;
    if (YEARS_ONLY.test(content)) {
      yearOnly.push({ start: openAt, end: closeAt });
      continue;
    }
    const found: DetectedCitation[] = [];
    let offset = openAt + 1;
    for (const rawPart of content.split(';')) {
      const partStart = offset + (rawPart.length - rawPart.trimStart().length);
      offset += rawPart.length + 1;
      const prefix = PREFIX.exec(rawPart.trim());
      const part = rawPart.trim().slice(prefix?.[0].length ?? 0);
      const match = PARENTHETICAL_PART.exec(part);
      if (!match?.[1] || !match[2]) continue;
      const tentative = !looksLikeAuthors(match[1]);
      if (tentative && !looksLikeGroupName(match[1])) continue;
      const { names, etAl } = tentative ? { names: [match[1].trim()], etAl: false } : splitAuthors(match[1]);
      if (names.length === 0) continue;
      // An initial after a family name ("Miles, B."); one before it ("S. Grieder") tells two authors of that name apart.
      const irregularity = /\p{L}{2},\s*\p{Lu}\.(?:[\s,]|$)/u.test(match[1]) ? 'it contains initials' : null;
      for (const year of yearsOf(match[2])) {
        found.push({ text: '', authors: names, etAl, year, start: partStart, end: partStart + rawPart.trim().length, style: 'parenthetical', label: null, irregularity, ...(tentative ? { tentative } : {}) });
      }
    }
    const whole = found.length > 0 && new Set(found.map((item) => item.start)).size === 1 && content.split(';').length === 1;
    for (const citation of found) {
      if (whole) {
        citation.start = openAt;
        citation.end = closeAt;
      }
      citation.text = text.slice(citation.start, citation.end);
      citations.push(citation);
    }
  }
  return { citations, yearOnly };
}

interface NameToken {
  word: string;
  start: number;
  kind: 'name' | 'initial' | 'connector' | 'particle' | 'etal';
  comma: boolean;
}

/** Reads author names backwards from just before a `(2020)` bracket. */
function namesBefore(text: string, position: number): { start: number; tokens: NameToken[]; commaBeforeBracket: boolean } | null {
  const window = text.slice(Math.max(0, position - 200), position);
  const base = position - window.length;
  const words = [...window.matchAll(/\S+/g)];
  const tokens: NameToken[] = [];
  let commaBeforeBracket = false;
  for (let index = words.length - 1; index >= 0 && tokens.length < MAX_NAME_TOKENS; index -= 1) {
    const match = words[index];
    if (!match) break;
    let word = match[0];
    const isLast = index === words.length - 1;
    if (isLast && word === ',') {
      commaBeforeBracket = true;
      continue;
    }
    const comma = word.endsWith(',');
    if (comma) word = word.slice(0, -1);
    if (isLast && comma) commaBeforeBracket = true;
    word = word.replace(/['’]s$/, '');
    const start = base + match.index;
    const lower = word.toLowerCase();
    if (/^al\.?$/.test(lower) && /^et$/i.test(words[index - 1]?.[0] ?? '')) {
      tokens.push({ word: 'et al.', start: base + (words[index - 1]?.index ?? match.index), kind: 'etal', comma });
      index -= 1;
    } else if (word === '&' || lower === 'and' || (['of', 'for', 'the', 'on'].includes(word) && tokens.length > 0)) {
      tokens.push({ word, start, kind: 'connector', comma });
    } else if (PARTICLES.has(word) && tokens.length > 0) {
      tokens.push({ word, start, kind: 'particle', comma });
    } else if (/^\p{Lu}\.(?:-?\p{Lu}\.)*$/u.test(word) && (tokens.length > 0 || /,$/u.test(words[index - 1]?.[0] ?? ''))) {
      // An initial straight before the bracket only after "Family," ("Hidayat, R. (2019)"), an irregular citation.
      tokens.push({ word, start, kind: 'initial', comma });
    } else if (NAME_WORD.test(word) && !word.endsWith('.')) {
      tokens.push({ word, start, kind: 'name', comma });
    } else {
      break;
    }
  }
  tokens.reverse();
  while (tokens.length > 0) {
    const first = tokens[0];
    if (!first) break;
    if (first.kind === 'name' && !SENTENCE_WORDS.has(first.word)) break;
    if (first.kind === 'particle' && tokens[1]?.kind === 'name') break;
    tokens.shift();
  }
  if (!tokens.some((token) => token.kind === 'name')) return null;
  return { start: tokens[0]?.start ?? position, tokens, commaBeforeBracket };
}

function narrativeCitations(text: string, yearBrackets: Span[]): DetectedCitation[] {
  const citations: DetectedCitation[] = [];
  for (const bracket of yearBrackets) {
    const names = namesBefore(text, bracket.start);
    if (!names) {
      citations.push(...titleCitations(text, bracket));
      continue;
    }
    const authorText = text.slice(names.start, bracket.start).replace(/,?\s*$/, '').replace(/['’]s$/, '');
    const nameWords = names.tokens.filter((token) => token.kind === 'name').map((token) => token.word);
    if (nameWords.some((word, index) => notAName(word, index, nameWords))) continue;
    const { names: authors, etAl } = splitAuthors(authorText);
    if (authors.length === 0) continue;
    const content = text.slice(bracket.start + 1, bracket.end - 1);
    const yearList = content.match(YEAR_LIST)?.[0] ?? '';
    const reasons: string[] = [];
    // "Hidayat, R. (2019)" puts an initial after the family name; "César A. Hidalgo (2009)" writes a given name, as Chicago does to tell authors apart.
    if (names.tokens.some((token, index) => token.kind === 'initial' && names.tokens[index - 1]?.comma === true)) reasons.push('it contains initials');
    if (names.commaBeforeBracket) reasons.push('a comma separates the names from the year');
    for (const year of yearsOf(yearList)) {
      citations.push({ text: text.slice(names.start, bracket.end), authors, etAl, year, start: names.start, end: bracket.end, style: 'narrative', label: null, irregularity: reasons.length > 0 ? reasons.join(' and ') : null });
    }
  }
  return citations;
}

/**
 * A year alone in brackets after words that are no author's name: software and anonymous works are
 * cited by their title ("the tidewater package (2019)", "Coastal Almanac (2015)"). Tentative: the
 * resolver keeps it only if one of the four words before the year opens the title of an entry of
 * that year.
 */
function titleCitations(text: string, bracket: Span): DetectedCitation[] {
  const content = text.slice(bracket.start + 1, bracket.end - 1).trim();
  if (!new RegExp(String.raw`^${SINGLE_YEAR}$`, 'iu').test(content)) return [];
  const before = text.slice(Math.max(0, bracket.start - 80), bracket.start);
  const clause = before.slice(before.search(/[^.;:!?()[\]]*$/u));
  const base = bracket.start - clause.length;
  const titleWords = [...clause.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].slice(-4).map((match) => ({ word: match[0], start: base + match.index }));
  if (titleWords.length === 0) return [];
  const start = titleWords[0]?.start ?? bracket.start;
  return [{ text: text.slice(start, bracket.end), authors: [], etAl: false, year: normalizeYear(content), start, end: bracket.end, style: 'narrative', label: null, irregularity: null, tentative: true, titleWords }];
}

/** Figure and table notes: "Source: Databoks, 2021". */
function sourceNoteCitations(text: string, excluded: Span[]): DetectedCitation[] {
  const citations: DetectedCitation[] = [];
  const pattern = new RegExp(String.raw`(?<=^|\n)[ \t*_]*Sources?[ \t]*:[ \t*_]*([^\n(),;:]{2,80}?),[ \t]*(${YEAR})\b`, 'giu');
  for (const match of text.matchAll(pattern)) {
    const authorText = match[1]?.trim() ?? '';
    if (!match[2] || !looksLikeAuthors(authorText)) continue;
    const start = match.index + match[0].indexOf(authorText);
    const end = match.index + match[0].length;
    if (overlaps(start, end, excluded)) continue;
    const { names, etAl } = splitAuthors(authorText);
    citations.push({ text: text.slice(start, end), authors: names, etAl, year: normalizeYear(match[2]), start, end, style: 'narrative', label: null, irregularity: null });
  }
  return citations;
}

/** What may follow a cited number inside its bracket and is not another number cited: "p. 7", "Table 3", "pp. 389, 391". */
const NUMERIC_LOCATOR = /^(?:pp?\.|pages?\b|paras?\.|chaps?\.|ch\.|chapters?\b|secs?\.|sections?\b|§|figs?\.|figures?\b|tables?\b|tab\.|eqs?\.|equations?\b|appendix\b|vol\.|no\.|nos\.|col\.|ll?\.|lines?\b|fn\.|nn?\.|notes?\b|slides?\b|min\.|at\b)/iu;
const NUMBER_ITEM = /^(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?(?=$|\s+\p{Ll})/u;

/**
 * The numbers a bracket cites: "[4]", "[1, 3]", "[2–4]", "[e.g., 1,4–6]", "[see 2, Table 3]",
 * "[10, pp. 389, 391]", "[reviewed in 8]", "[1 for an overview]". Within each part between
 * semicolons a prefix may come first; a locator ends the numbers cited, and a number may be
 * followed by a few words of comment. Null when the bracket is something else ("[n = 40]").
 */
function bracketNumbers(content: string): Array<{ from: number; to: number; at: number; length: number }> | null {
  const items: Array<{ from: number; to: number; at: number; length: number }> = [];
  let offset = 0;
  for (const part of content.split(';')) {
    const partOffset = offset;
    offset += part.length + 1;
    const prefix = PREFIX.exec(part.trimStart());
    let at = partOffset + (part.length - part.trimStart().length) + (prefix?.[0].length ?? 0);
    let found = false;
    for (const piece of content.slice(at, partOffset + part.length).split(',')) {
      const pieceStart = at + (piece.length - piece.trimStart().length);
      at += piece.length + 1;
      const text = piece.trim();
      const number = NUMBER_ITEM.exec(text);
      if (number) {
        const from = Number(number[1]);
        const to = number[2] ? Number(number[2]) : from;
        if (to < from || to - from > 50) return null;
        items.push({ from, to, at: pieceStart, length: number[0].length });
        found = true;
        // "1 for an overview": a comment closes the numbers of this part.
        if (number[0].length < text.length) break;
        continue;
      }
      if (found && NUMERIC_LOCATOR.test(text)) break;
      return null;
    }
    if (!found) return null;
  }
  return items;
}

/** A bracket that indexes code ("x[1]", "m[2, 3]") or numbers console output ("#> [1] 0.25", "## [1,] 2", "[1] \"a\""), not a citation. */
function isCodeBracket(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  if (/[\w\]]$/u.test(before)) return true;
  // After a closing bracket only when it closes a call: "f(x)[1]", but not "(as before)[1]".
  if (before.endsWith(')')) {
    let depth = 0;
    for (let index = start - 1; index >= Math.max(0, start - 200); index -= 1) {
      if (text[index] === ')') depth += 1;
      else if (text[index] === '(' && (depth -= 1) === 0) return /\w/u.test(text[index - 1] ?? '');
    }
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lead = text.slice(lineStart, start);
  return (/(?:#>|##)\s*$/u.test(before) || /^\s*>?\s*$/u.test(lead)) && /^\s+[-+\d."'TFN]/u.test(text.slice(end, end + 3));
}

function numericCitations(text: string, excluded: Span[]): DetectedCitation[] {
  const citations: DetectedCitation[] = [];
  // A Markdown link definition ("[3]: https://...") and a link ("[3](...)") are not citations.
  for (const bracket of text.matchAll(/\[([^[\]\n]{1,120})\](?!\()/g)) {
    const end = bracket.index + bracket[0].length;
    if (overlaps(bracket.index, end, excluded) || isCodeBracket(text, bracket.index, end)) continue;
    if (text[end] === ':' && /(?:^|\n)[ \t]*$/u.test(text.slice(Math.max(0, bracket.index - 4), bracket.index))) continue;
    for (const item of bracketNumbers(bracket[1] ?? '') ?? []) {
      const start = bracket.index + 1 + item.at;
      for (let number = item.from; number <= item.to; number += 1) {
        citations.push({ text: text.slice(start, start + item.length), authors: [], etAl: false, year: '', start, end: start + item.length, style: 'numeric', label: String(number), irregularity: null });
      }
    }
  }
  return citations;
}

/** All citations outside `excluded` (the reference list) and web addresses, in text order. */
/** Web addresses and DOIs, whose brackets and numbers are part of the address. */
const ADDRESS = /(?:\b(?:https?|ftp):\/\/|\bwww\.|\b10\.\d{4,9}\/)[^\s<>"]+/giu;

export function findCitations(text: string, excluded: Span[], numeric: boolean): DetectedCitation[] {
  // Addresses are blanked out, keeping every offset.
  const visible = text.replace(ADDRESS, (address) => ' '.repeat(address.length));
  const { citations: parenthetical, yearOnly } = parentheticalCitations(visible, excluded);
  const all = [...parenthetical, ...narrativeCitations(visible, yearOnly), ...sourceNoteCitations(visible, excluded)];
  if (numeric) all.push(...numericCitations(visible, excluded));
  for (const citation of all) citation.text = text.slice(citation.start, citation.end);
  const seen = new Set<string>();
  return all
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((citation) => {
      const key = `${citation.start}:${citation.authors.join('|')}:${citation.year}:${citation.label ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
