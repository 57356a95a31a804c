// Positions in REFI-QDA files, and Quarry's own. The standard counts a selection's start and
// end in Unicode code points from 0; real exporters do not all follow it: NVivo for Windows
// counts UTF-16 code units (as Quarry does), and ATLAS.ti is reported to count a CRLF line
// break as one position. Which convention a file used can only be told from the text: under
// the right one, selections start and end where words do (and, where a tool names a selection
// after its text, the text matches). Quarry stores UTF-16 code units into a text whose line
// breaks are LF, so every position is converted on the way in and on the way out.

export const offsetConventions = ['code-points', 'utf16', 'code-points-crlf-as-one', 'utf16-crlf-as-one'] as const;
export type OffsetConvention = (typeof offsetConventions)[number];

export const offsetConventionLabels: Record<OffsetConvention, string> = {
  'code-points': 'Unicode code points, as the standard says',
  utf16: 'UTF-16 code units, as NVivo for Windows counts them',
  'code-points-crlf-as-one': 'code points with a CRLF line break counted once, as ATLAS.ti is reported to count them',
  'utf16-crlf-as-one': 'UTF-16 code units with a CRLF line break counted once',
};

const countsCodePoints = (c: OffsetConvention) => c === 'code-points' || c === 'code-points-crlf-as-one';
const crlfAsOne = (c: OffsetConvention) => c === 'code-points-crlf-as-one' || c === 'utf16-crlf-as-one';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Positions in a text counted two ways: by a convention and in UTF-16 units. They differ only
 * after a character the convention counts differently (a character outside the Basic
 * Multilingual Plane, a CRLF), so only those places are kept, and a position is found by
 * binary search among them: memory and time grow with the number of such places, not the text.
 */
class PositionTable {
  /** Parallel lists: after the k-th irregular character, `counted[k]` in the convention is `units[k]` in UTF-16. */
  private readonly counted: number[] = [0];
  private readonly units: number[] = [0];
  readonly countedLength: number;

  constructor(text: string, convention: OffsetConvention) {
    const codePoints = countsCodePoints(convention);
    const crlf = crlfAsOne(convention);
    let counted = 0;
    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      const astral = isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1));
      const pair = crlf && code === 0x0d && text.charCodeAt(i + 1) === 0x0a;
      if ((astral && codePoints) || pair) {
        counted += 1;
        i += 2;
        this.counted.push(counted);
        this.units.push(i);
      } else {
        counted += astral ? 2 : 1;
        i += astral ? 2 : 1;
      }
    }
    this.countedLength = counted;
  }

  /** The UTF-16 index of a counted position; undefined past the end of the text. */
  toUnits(position: number): number | undefined {
    if (!Number.isInteger(position) || position < 0 || position > this.countedLength) return undefined;
    const k = lastAtOrBelow(this.counted, position);
    return this.units[k]! + (position - this.counted[k]!);
  }

  /** The counted position of a UTF-16 index (an index inside a character counted once maps to its start). */
  toCounted(index: number): number {
    const k = lastAtOrBelow(this.units, index);
    // Every irregular character is two units counted once: an index between its halves is its start.
    if (this.units[k + 1] === index + 1) return this.counted[k + 1]! - 1;
    return this.counted[k]! + (index - this.units[k]!);
  }
}

function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts positions counted by a convention into UTF-16 indices of `text`; undefined when a position lies past the end. */
export function positionsToUnits(text: string, convention: OffsetConvention): (position: number) => number | undefined {
  const table = new PositionTable(text, convention);
  return (position) => table.toUnits(position);
}

/** Converts Quarry's UTF-16 offsets into `text` to code points, as the standard counts them. */
export function unitsToCodePoints(text: string): (index: number) => number {
  const table = new PositionTable(text, 'code-points');
  return (index) => table.toCounted(index);
}

/**
 * The text with every CRLF (and lone CR) turned into LF, as Quarry keeps texts, and how to
 * move a UTF-16 index of the original onto the result. An index between CR and LF lands on
 * the LF.
 */
export function normaliseLineBreaks(text: string): { text: string; map: (index: number) => number } {
  const pairs: number[] = [];
  for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) pairs.push(i);
  const normalised = text.replace(/\r\n?/g, '\n');
  if (pairs.length === 0) return { text: normalised, map: (index) => index };
  return {
    text: normalised,
    // Each CRLF wholly or half before the index took one unit out.
    map: (index) => {
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pairs[mid]! < index) lo = mid + 1;
        else hi = mid;
      }
      return index - lo;
    },
  };
}

/** What is known about a selection before it is placed: its positions as the file gives them and, where the tool wrote one, its name. */
export interface SelectionProbe {
  start: number;
  end: number;
  /** ATLAS.ti and others name a selection after its text (shortened with "…"); QualCoder calls it "line:6". */
  name?: string;
}

const wordChar = /[\p{L}\p{N}\p{M}]/u;
const isWord = (char: string | undefined) => char !== undefined && wordChar.test(char);

/** The character (a whole surrogate pair) just before or at a UTF-16 index. */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  return index >= 2 && isLowSurrogate(text.charCodeAt(index - 1)) && isHighSurrogate(text.charCodeAt(index - 2)) ? text.slice(index - 2, index) : text[index - 1];
}
function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? text.slice(index, index + 2) : text[index];
}

/** Whether a UTF-16 index falls inside a character (between the halves of a surrogate pair) or inside a CRLF. */
function splitsCharacter(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return (isHighSurrogate(before) && isLowSurrogate(after)) || (before === 0x0d && after === 0x0a);
}

const onBoundary = (text: string, index: number) => !(isWord(charBefore(text, index)) && isWord(charAt(text, index)));
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A selection name that stands for its text: not a label such as "line:6" or "Quotation 6:1". */
function textOfName(name: string | undefined): { text: string; shortened: boolean } | undefined {
  if (!name) return undefined;
  const shortened = /(…|\.\.\.)$/.test(name);
  const text = flat(name.replace(/(…|\.\.\.)$/, ''));
  return text.length >= 3 ? { text, shortened } : undefined;
}

/**
 * How plausible it is that a span of UTF-16 indices [start, end) of `text` is the selection a
 * tool made: a selection starts and ends where words do, never inside a character, and its
 * text matches its name where the name is the text. Higher is more plausible.
 */
export function spanPlausibility(text: string, start: number | undefined, end: number | undefined, name?: string): number {
  if (start === undefined || end === undefined || end <= start || end > text.length) return -6;
  let score = 0;
  for (const index of [start, end]) {
    if (splitsCharacter(text, index)) score -= 3;
    else score += onBoundary(text, index) ? 1 : -1;
  }
  const named = textOfName(name);
  if (named) {
    const span = flat(text.slice(start, end));
    if (named.shortened ? span.startsWith(named.text) : span === named.text) score += 4;
  }
  return score;
}

/** A selection is implausible where it is placed when it does not start and end on word boundaries. */
export const implausible = (score: number) => score < 2;

export interface ConventionChoice {
  convention: OffsetConvention;
  /** Total plausibility of the file's selections under each convention. */
  scores: Record<OffsetConvention, number>;
  /** Whether the texts' characters made the conventions differ at all (no CRLF and no emoji: they all agree). */
  decided: boolean;
}

/**
 * Picks the convention under which a file's selections are most plausible, over all its
 * texts at once (one tool wrote the file, so one convention holds). Ties go to the standard.
 */
export function detectConvention(texts: ReadonlyArray<{ text: string; selections: readonly SelectionProbe[] }>): ConventionChoice {
  const scores = Object.fromEntries(offsetConventions.map((c) => [c, 0])) as Record<OffsetConvention, number>;
  let decided = false;
  for (const { text, selections } of texts) {
    // Without CRLF or characters beyond the BMP every convention counts alike.
    if (selections.length === 0 || !/\r\n|[\ud800-\udbff][\udc00-\udfff]/.test(text)) continue;
    decided = true;
    for (const convention of offsetConventions) {
      const toUnits = positionsToUnits(text, convention);
      for (const s of selections) scores[convention] += spanPlausibility(text, toUnits(s.start), toUnits(s.end), s.name);
    }
  }
  const convention = offsetConventions.reduce((best, c) => (scores[c] > scores[best] ? c : best), offsetConventions[0]);
  return { convention, scores, decided };
}
