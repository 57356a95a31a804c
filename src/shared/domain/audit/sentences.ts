// Splitting body text into paragraphs and sentences without breaking at "et al.", "e.g.",
// "p. 12", decimals, initials or "U.S.".

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
  /** The heading of the section the sentence sits in, if any. */
  section: string | null;
}

export interface TextRange {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  'al e.g eg i.e ie cf p pp vs v etc approx ca c no nos vol vols ed eds fig figs tab eq eqs ch chap sec para dr mr mrs ms prof st jr sr inc ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec op cit ibid viz resp incl est'.split(' '),
);
const LIST_MARKER = /^\s*(?:[-•*–▪◦]|\d+[.)]|[a-z][.)]|\(\w{1,3}\))\s+/u;
/** What closes a sentence after its stop: quotes, brackets, and a note's marker ("… in part.[2] Their"). */
const CLOSING = /^["”’)\]]*(?:\[\d{1,3}\])?/u;

/** A line that is a heading: Markdown `#`, wholly bold, or a short line in capitals. */
export function isHeadingLine(line: string): boolean {
  const text = line.trim();
  if (!text) return false;
  if (/^#{1,6}\s/.test(text)) return true;
  if (/^(?:\*\*|__)[^*_]+(?:\*\*|__)$/.test(text)) return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const capitals = text.replace(/[^\p{Lu}]/gu, '');
  return text.length <= 80 && letters.length >= 3 && capitals.length / letters.length > 0.8 && !/[.!?]$/.test(text);
}

function headingText(line: string): string {
  return line.replace(/[#*_]/g, '').trim();
}

/**
 * The run of letters and dots that ends at `end`. Looks back only as far as the run goes
 * (a regex anchored at `$` over the whole block would rescan it from its start at every full
 * stop, quadratic in a long paragraph); the window grows until the run starts inside it.
 */
function wordBefore(block: string, end: number): string {
  for (let window = 32; ; window *= 2) {
    const from = Math.max(0, end - window);
    const word = /[\p{L}.]+$/u.exec(block.slice(from, end))?.[0] ?? '';
    // One unit of slack: the window may start inside a surrogate pair.
    if (from === 0 || word.length < end - from - 1) return word;
  }
}

function isBoundary(block: string, dotIndex: number): boolean {
  const after = block.slice(dotIndex + 1);
  const next = new RegExp(String.raw`^${CLOSING.source}\s+(\S)`, 'u').exec(after);
  if (!next) return after.trim() === '';
  if (!/[\p{Lu}\d"“‘([]/u.test(next[1] ?? '')) return false;
  if (block[dotIndex] !== '.') return true;
  const word = wordBefore(block, dotIndex);
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (/^\p{Lu}$/u.test(word)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return true;
}

function splitBlock(text: string, start: number, end: number, paragraph: number, section: string | null, out: Sentence[]): void {
  const block = text.slice(start, end);
  let sentenceStart = 0;
  for (const match of block.matchAll(/[.!?]/g)) {
    if (match.index < sentenceStart || !isBoundary(block, match.index)) continue;
    const closing = CLOSING.exec(block.slice(match.index + 1))?.[0].length ?? 0;
    const sentenceEnd = match.index + 1 + closing;
    pushTrimmed(text, start + sentenceStart, start + sentenceEnd, paragraph, section, out);
    sentenceStart = sentenceEnd;
  }
  pushTrimmed(text, start + sentenceStart, end, paragraph, section, out);
}

function pushTrimmed(text: string, start: number, end: number, paragraph: number, section: string | null, out: Sentence[]): void {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? '')) from += 1;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to -= 1;
  if (/[\p{L}\d]/u.test(text.slice(from, to))) out.push({ start: from, end: to, paragraph, section });
}

/** A page or column break in converted PDF text: the block stops mid-sentence and resumes in lower case. */
function continuesAfterBreak(text: string, blockEnd: number, from: number, to: number): boolean {
  if (blockEnd < 0) return false;
  const before = text.slice(Math.max(0, blockEnd - 1), blockEnd);
  const after = /\S/.exec(text.slice(from, Math.min(to, from + 200)));
  return !/[.!?:)"”]/.test(before) && after !== null && /\p{Ll}/u.test(after[0]);
}

/** Sentences of the given ranges; headings are not sentences but name the section that follows. */
export function splitSentences(text: string, ranges: TextRange[]): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let section: string | null = null;
  for (const range of ranges) {
    let blockStart = -1;
    let blockEnd = -1;
    const flush = (): void => {
      if (blockStart >= 0) splitBlock(text, blockStart, blockEnd, paragraph, section, sentences);
      blockStart = -1;
    };
    let lineStart = range.start;
    while (lineStart < range.end) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1 || lineEnd > range.end) lineEnd = range.end;
      const line = text.slice(lineStart, lineEnd);
      if (line.trim() === '') {
        if (!continuesAfterBreak(text, blockEnd, lineEnd, range.end)) {
          flush();
          paragraph += 1;
        }
      } else if (isHeadingLine(line)) {
        flush();
        paragraph += 1;
        section = headingText(line);
      } else {
        if (LIST_MARKER.test(line)) flush();
        if (blockStart < 0) blockStart = lineStart + (LIST_MARKER.exec(line)?.[0].length ?? 0);
        blockEnd = lineEnd;
      }
      lineStart = lineEnd + 1;
    }
    flush();
    paragraph += 1;
  }
  return sentences;
}
