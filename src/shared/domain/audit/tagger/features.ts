// Observations about each token of a reference entry, as strings the tagger weighs: the token
// itself (word, shape, punctuation, affixes, closed word lists, name and place lexicons), its
// place in the entry, its neighbours, and what the rule-based parser made of it. Edge
// observations describe the step from the previous token, where a field usually ends.
import type { Observations } from './perceptron';
import type { Token } from './tokens';

/** Given names, family names and place names, folded to lower case: evidence, not rules. */
export interface Lexicon {
  given: ReadonlySet<string>;
  family: ReadonlySet<string>;
  place: ReadonlySet<string>;
}

const MONTHS = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august',
  'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december', 'janvier', 'février', 'mars', 'avril', 'mai',
  'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre', 'januar', 'februar', 'märz', 'juni', 'juli', 'oktober',
  'dezember', 'spring', 'summer', 'fall', 'autumn', 'winter',
]);

/** Small closed-class word lists that mark where fields begin. */
const KEYWORDS: Record<string, string> = {
  in: 'in', en: 'in', im: 'in', dans: 'in',
  pp: 'page', p: 'page', pages: 'page', page: 'page', s: 'page', pg: 'page',
  vol: 'volume', volume: 'volume', vols: 'volume', v: 'volume', bd: 'volume', tome: 'volume', t: 'volume',
  no: 'number', nr: 'number', number: 'number', issue: 'number', iss: 'number', n: 'number', heft: 'number',
  ed: 'editor', eds: 'editor', editor: 'editor', editors: 'editor', edited: 'editor', hrsg: 'editor', hg: 'editor', dir: 'editor', coord: 'editor', éd: 'editor', éds: 'editor',
  edn: 'edition', edition: 'edition', ausg: 'edition', auflage: 'edition', aufl: 'edition', rev: 'edition',
  trans: 'translator', translated: 'translator', transl: 'translator', translation: 'translator', traduit: 'translator', übers: 'translator',
  press: 'publisher', publisher: 'publisher', publishers: 'publisher', publishing: 'publisher', verlag: 'publisher', books: 'publisher', inc: 'publisher', ltd: 'publisher', co: 'publisher', éditions: 'publisher', editions: 'publisher', wiley: 'publisher', springer: 'publisher', elsevier: 'publisher', routledge: 'publisher', sage: 'publisher',
  university: 'institution', univ: 'institution', universität: 'institution', université: 'institution', universidad: 'institution', institute: 'institution', department: 'institution', dept: 'institution', school: 'institution', college: 'institution', laboratory: 'institution', center: 'institution', centre: 'institution', ministry: 'institution', bank: 'institution', agency: 'institution',
  journal: 'journal', j: 'journal', review: 'journal', quarterly: 'journal', bulletin: 'journal', annals: 'journal', letters: 'journal', magazine: 'journal', transactions: 'journal', zeitschrift: 'journal', revue: 'journal', revista: 'journal',
  proceedings: 'meeting', proc: 'meeting', conference: 'meeting', conf: 'meeting', symposium: 'meeting', workshop: 'meeting', congress: 'meeting', meeting: 'meeting', colloquium: 'meeting',
  thesis: 'genre', dissertation: 'genre', phd: 'genre', master: 'genre', masters: 'genre', report: 'genre', tech: 'genre', technical: 'genre', manuscript: 'genre', unpublished: 'genre', preprint: 'genre', paper: 'genre', poster: 'genre', film: 'genre', dvd: 'genre', thèse: 'genre', diss: 'genre',
  retrieved: 'access', accessed: 'access', available: 'access', viewed: 'access', online: 'access', from: 'access', url: 'access', abgerufen: 'access', consulté: 'access',
  and: 'and', '&': 'and', und: 'and', et: 'and', y: 'and', e: 'and', dan: 'and',
  al: 'etal', others: 'etal',
  the: 'article', a: 'article', an: 'article', of: 'of', on: 'of', for: 'of', to: 'of',
  doi: 'doi', isbn: 'isbn', issn: 'isbn',
};

const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'bin', 'al', 'el']);
const EDITOR_MARK = /^\(?(?:eds?|editors?|hrsg|hg|dir|coord|comp)\.?\)?[.,:;]?$/iu;
const IN_MARK = /^(?:in|dans|im|en):?$/iu;

function shape(text: string): string {
  return text
    .replace(/\p{Lu}/gu, 'A')
    .replace(/\p{Ll}/gu, 'a')
    .replace(/\d/g, '0')
    .replace(/(.)\1+/gu, '$1$1')
    .slice(0, 12);
}

/** The token in lower case without the punctuation around it. */
export function wordOf(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, '');
}

function bucket(value: number, limits: number[]): string {
  const index = limits.findIndex((limit) => value <= limit);
  return String(index < 0 ? limits.length : index);
}

function kindOf(text: string, word: string): string {
  if (/^(?:https?:|www\.)/iu.test(text)) return 'url';
  if (/\b10\.\d{4,9}\//u.test(text)) return 'doi';
  if (/^\W*(?:1[5-9]\d\d|20\d\d)[a-z]?\W*$/u.test(text)) return /^\(|\)\W*$/u.test(text) ? 'year-bracketed' : 'year';
  if (/^\W*(?:1[5-9]\d\d|20\d\d)[-–/](?:\d{2}|\d{4})\W*$/u.test(text)) return 'year-range';
  if (/^\W*\d+\s*[-–—‑]+\s*\d+\W*$/u.test(text)) return 'range';
  if (/^\W*\d+\(\d+[-–]?\d*\)\W*$/u.test(text)) return 'volume-issue';
  if (/^\W*\d+\(\d+\):\d+/u.test(text)) return 'volume-issue-pages';
  if (/^\W*\d+:\d+/u.test(text)) return 'volume-pages';
  if (/^\[\d+\]$|^\d+\.$/u.test(text)) return 'list-number';
  if (/^\W*\d+\W*$/u.test(text)) return word.length <= 2 ? 'small-number' : word.length <= 4 ? 'number' : 'long-number';
  if (/^\W*[IVXLC]+\W*$/u.test(text) && text.replace(/\W/g, '').length <= 5) return 'roman';
  if (/^(?:\p{Lu}\.)+[,;:]?$|^\p{Lu}\.-\p{Lu}\.[,;]?$/u.test(text)) return 'initials';
  if (/^\p{Lu}{1,3}[,;.]?$/u.test(text)) return 'caps-short';
  if (/^\(?n\.?d\.?\W*$/iu.test(text)) return 'undated';
  if (/^["“‘«„]/u.test(text)) return 'quote-open';
  if (/\p{L}/u.test(word) && word.length > 1 && text.replace(/[^\p{L}]/gu, '') === text.replace(/[^\p{L}]/gu, '').toUpperCase()) return 'upper';
  if (/^[^\p{L}]*\p{Lu}/u.test(text)) return 'capitalised';
  if (/^[^\p{L}]*\p{Ll}/u.test(text)) return 'lower';
  return 'other';
}

interface TokenFacts {
  word: string;
  shape: string;
  lastChar: string;
  firstChar: string;
  keyword: string | null;
  kind: string;
  /** Which lexicons know a capitalised word: G(iven), F(amily), P(lace). */
  lexicon: string;
}

function factsOf(token: Token, lexicon: Lexicon): TokenFacts {
  const word = wordOf(token.text);
  const kind = kindOf(token.text, word);
  const lastChar = /[^\p{L}\p{N}]$/u.test(token.text) ? (token.text.at(-1) ?? '') : 'w';
  const firstChar = /^[^\p{L}\p{N}]/u.test(token.text) ? (token.text[0] ?? '') : 'w';
  const keyword = MONTHS.has(word) ? 'month' : (KEYWORDS[word] ?? (NAME_PARTICLES.has(word) && token.text === word ? 'particle' : null));
  const named = kind === 'capitalised' || kind === 'upper' ? `${lexicon.given.has(word) ? 'G' : ''}${lexicon.family.has(word) ? 'F' : ''}${lexicon.place.has(word) ? 'P' : ''}` : '';
  return { word, shape: shape(token.text), lastChar, firstChar, keyword, kind, lexicon: named };
}

/**
 * Observations for every token. `hints` holds, per token, the field the rule-based parser put
 * it in (or null), so the model learns when to trust the rules and when to overrule them.
 */
export function observe(tokens: Token[], hints: Array<string | null>, lexicon: Lexicon): Observations[] {
  const facts = tokens.map((token) => factsOf(token, lexicon));
  const count = tokens.length;
  const firstYear = facts.findIndex((fact) => fact.kind.startsWith('year') || fact.kind === 'undated');
  const editorMarks = tokens.map((token) => EDITOR_MARK.test(token.text));
  const inMarks = tokens.map((token) => IN_MARK.test(token.text));
  let periods = 0;
  let yearSeen = false;
  let quoteOpen = false;
  let bracketDepth = 0;
  return tokens.map((token, index) => {
    const own = facts[index] as TokenFacts;
    const previous = facts[index - 1];
    const beforePrevious = facts[index - 2];
    const next = facts[index + 1];
    const afterNext = facts[index + 2];
    const hint = hints[index] ?? '-';
    const toYear = firstYear < 0 ? 'none' : index < firstYear ? `before${bucket(firstYear - index, [1, 2, 3, 5, 8])}` : index === firstYear ? 'at' : `after${bucket(index - firstYear, [1, 2, 3, 5, 8, 13])}`;
    const editorAhead = editorMarks.slice(index + 1, index + 10).includes(true);
    const editorBehind = editorMarks.slice(Math.max(0, index - 10), index).includes(true);
    const inBehind = inMarks.slice(Math.max(0, index - 12), index).includes(true);
    const node = [
      'bias',
      `w=${own.word}`,
      `shape=${own.shape}`,
      `kind=${own.kind}`,
      `last=${own.lastChar}`,
      `first=${own.firstChar}`,
      `pre3=${own.word.slice(0, 3)}`,
      `suf3=${own.word.slice(-3)}`,
      `suf2=${own.word.slice(-2)}`,
      `len=${bucket(own.word.length, [1, 2, 3, 5, 8])}`,
      `pos=${bucket(index, [0, 1, 2, 3, 5, 8, 12, 20])}`,
      `rel=${Math.min(9, Math.floor((index / count) * 10))}`,
      `fromEnd=${bucket(count - 1 - index, [0, 1, 2, 3, 5, 8])}`,
      `periods=${bucket(periods, [0, 1, 2, 3, 4, 6])}`,
      `yearSeen=${yearSeen}`,
      `inQuote=${quoteOpen}`,
      `inBracket=${bracketDepth > 0}`,
      `toYear=${toYear}`,
      `toYear|kind=${toYear}|${own.kind}`,
      `editors=${editorAhead}|${editorBehind}|${inBehind}`,
      `kind|last=${own.kind}|${own.lastChar}`,
      `prevLast=${previous?.lastChar ?? '^'}`,
      `prevLast|kind=${previous?.lastChar ?? '^'}|${own.kind}`,
      `prevKind=${previous?.kind ?? '^'}`,
      `nextKind=${next?.kind ?? '$'}`,
      `prevKind|kind=${previous?.kind ?? '^'}|${own.kind}`,
      `kind|nextKind=${own.kind}|${next?.kind ?? '$'}`,
      `prevW=${previous?.word ?? '^'}`,
      `nextW=${next?.word ?? '$'}`,
      `prev2W=${beforePrevious?.word ?? '^'}`,
      `next2W=${afterNext?.word ?? '$'}`,
      `prev2Kind=${beforePrevious?.kind ?? '^'}`,
      `next2Kind=${afterNext?.kind ?? '$'}`,
      `nextFirst=${next?.firstChar ?? '$'}`,
      `prevW|w=${previous?.word ?? '^'}|${own.word}`,
      `w|nextW=${own.word}|${next?.word ?? '$'}`,
      `prevShape=${previous?.shape ?? '^'}`,
      `nextShape=${next?.shape ?? '$'}`,
      `lexicon=${own.lexicon}`,
      `prevLexicon=${previous?.lexicon ?? '^'}`,
      `nextLexicon=${next?.lexicon ?? '$'}`,
      `lexicon|kind=${own.lexicon}|${own.kind}|${own.lastChar}`,
      `hint=${hint}`,
      `hint|kind=${hint}|${own.kind}`,
      `prevHint|hint=${hints[index - 1] ?? '^'}|${hint}`,
    ];
    if (own.keyword) node.push(`key=${own.keyword}`, `key|last=${own.keyword}|${own.lastChar}`);
    if (previous?.keyword) node.push(`prevKey=${previous.keyword}`);
    if (next?.keyword) node.push(`nextKey=${next.keyword}`);
    if (beforePrevious?.keyword) node.push(`prev2Key=${beforePrevious.keyword}`);
    if (editorMarks[index]) node.push('editorMark');
    if (/^\p{Lu}[\p{L}'’]{0,9}\.$/u.test(token.text) && own.kind !== 'initials') node.push('abbreviation');
    const edge = previous
      ? [`last=${previous.lastChar}`, `last|kind=${previous.lastChar}|${own.kind}`, `last|first=${previous.lastChar}|${own.firstChar}`, `kinds=${previous.kind}|${own.kind}`, `hints=${hints[index - 1] ?? '-'}|${hint}`]
      : [];
    if (previous && own.keyword) edge.push(`key=${own.keyword}`);
    if (previous?.keyword) edge.push(`prevKey=${previous.keyword}`);

    if (/["”’»]\W*$/u.test(token.text)) quoteOpen = false;
    else if (/^["“‘«„]/u.test(token.text)) quoteOpen = true;
    bracketDepth = Math.max(0, bracketDepth + (token.text.match(/[([]/g)?.length ?? 0) - (token.text.match(/[)\]]/g)?.length ?? 0));
    if (/[.?!]["”’]?$/u.test(token.text) && own.kind !== 'initials' && own.word.length > 1) periods += 1;
    if (own.kind.startsWith('year')) yearSeen = true;
    return { node, edge };
  });
}
