import { isAllCaps } from './document';
import type { Block } from './types';

/** One rebuilt line of a PDF page; coordinates are PDF user space (y grows upwards). */
export interface PdfLine {
  text: string;
  page: number;
  x: number;
  right: number;
  y: number;
  size: number;
}

interface Paragraph {
  heading: boolean;
  size: number;
  lines: PdfLine[];
}

const MARGIN_LINES = 2;
const HEADING_SIZE_RATIO = 1.15;
const PARAGRAPH_GAP_RATIO = 1.35;
const MAX_CAPS_HEADING_LENGTH = 80;
const WORD_WIDTH_ALLOWANCE = 1.4;
const PAGE_NUMBER = /^[-–—\s]*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?[-–—\s]*$/i;

const roundHalf = (value: number): number => Math.round(value * 2) / 2;

/** The value carrying the most weight; ties go to the smaller value so the result is stable. */
function weightedMode(entries: Iterable<[value: number, weight: number]>): number | undefined {
  const weights = new Map<number, number>();
  for (const [value, weight] of entries) weights.set(value, (weights.get(value) ?? 0) + weight);
  let best: [number, number] | undefined;
  for (const [value, weight] of [...weights].sort((a, b) => a[0] - b[0])) if (!best || weight > best[1]) best = [value, weight];
  return best?.[0];
}

function groupByPage(lines: readonly PdfLine[]): PdfLine[][] {
  const pages = new Map<number, PdfLine[]>();
  for (const line of lines) {
    const page = pages.get(line.page);
    if (page) page.push(line);
    else pages.set(line.page, [line]);
  }
  return [...pages.values()];
}

/** Lines nearest the top and bottom edges of their page, where running heads and folios live. */
function marginLines(page: readonly PdfLine[]): PdfLine[] {
  const byHeight = [...page].sort((a, b) => b.y - a.y);
  return [...new Set([...byHeight.slice(0, MARGIN_LINES), ...byHeight.slice(-MARGIN_LINES)])];
}

/** Running heads and footers repeat, with only numbers changing, on many pages: drop them and bare page numbers. */
export function removeRunningText(lines: readonly PdfLine[]): PdfLine[] {
  const pages = groupByPage(lines);
  const key = (line: PdfLine): string => line.text.toLowerCase().replace(/\d+/g, '#');
  const pagesWithKey = new Map<string, number>();
  for (const page of pages) for (const text of new Set(marginLines(page).map(key))) pagesWithKey.set(text, (pagesWithKey.get(text) ?? 0) + 1);
  const threshold = Math.max(2, Math.ceil(pages.length * 0.4));
  const dropped = new Set(
    pages.flatMap((page) => marginLines(page).filter((line) => PAGE_NUMBER.test(line.text) || (pagesWithKey.get(key(line)) ?? 0) >= threshold)),
  );
  return lines.filter((line) => !dropped.has(line));
}

const LINE_END_HYPHEN = /[-\u00ad\u2010]$/u;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i;

/** What the rest of the document says about words, to judge each line-end hyphen by. */
interface WordEvidence {
  hyphenated: Set<string>;
  words: Set<string>;
  // Producers such as Chromium and Word set their own hyphenation as U+2010 or a soft
  // hyphen; where they do, a plain hyphen at a line end is the author's and always stays.
  marksLayoutHyphens: boolean;
}

/** Words and hyphenated words of the document, leaving out the fragments around line-end hyphens. */
function wordEvidence(lines: readonly PdfLine[]): WordEvidence {
  const evidence: WordEvidence = { hyphenated: new Set(), words: new Set(), marksLayoutHyphens: false };
  lines.forEach((line, i) => {
    let text = line.text;
    if (LINE_END_HYPHEN.test(text)) text = text.replace(/\p{L}*[-\u00ad\u2010]$/u, '');
    if (LINE_END_HYPHEN.test(lines[i - 1]?.text ?? '')) text = text.replace(/^\p{L}+/u, '');
    for (const match of text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) evidence.hyphenated.add(match[0].toLowerCase());
    for (const match of text.matchAll(/\p{L}+/gu)) evidence.words.add(match[0].toLowerCase());
    if (/[\u00ad\u2010]$/u.test(line.text)) evidence.marksLayoutHyphens = true;
  });
  return evidence;
}

/**
 * Whether "before-" at a line end and "after" on the next line are one word split by
 * the layout ("digi-" + "tal") rather than a hyphenated compound ("cross-" + "border").
 * The document is the dictionary: the form it uses elsewhere wins; failing that, two
 * words it uses on their own make a compound, and a lowercase continuation a split word.
 */
function isSplitWord(before: string, after: string, { hyphenated, words }: WordEvidence): boolean {
  const [head, tail] = [before.toLowerCase(), after.toLowerCase()];
  if (hyphenated.has(`${head}-${tail}`)) return false;
  if (words.has(head + tail)) return true;
  if (head.length >= 3 && tail.length >= 3 && words.has(head) && words.has(tail)) return false;
  return /^\p{Ll}/u.test(after);
}

type Join = 'space' | 'direct' | 'dehyphenate';

/** How a wrapped line continues after `lastToken`, the word the text so far ends with. */
function joinAfter(lastToken: string, next: string, evidence: WordEvidence): Join {
  // A URL's hyphens are all real, and a URL broken for width continues without a space.
  if (URL_LIKE.test(lastToken)) return /[-_=?&#%~]$/.test(lastToken) || /^\S*[/_=?&#%]/.test(next) ? 'direct' : 'space';
  if (!LINE_END_HYPHEN.test(lastToken) || lastToken.length === 1) return 'space';
  const before = /(\p{L}+)[-\u00ad\u2010]$/u.exec(lastToken)?.[1];
  const after = /^\p{L}+/u.exec(next)?.[0];
  const layoutHyphen = evidence.marksLayoutHyphens
    ? !lastToken.endsWith('-')
    : lastToken.endsWith('\u00ad') || (before !== undefined && after !== undefined && isSplitWord(before, after, evidence));
  return layoutHyphen ? 'dehyphenate' : 'direct';
}

/**
 * Joins a paragraph's lines, repairing words and URLs the layout split. Works line by
 * line, tracking only the word in progress, so long paragraphs stay linear.
 */
function joinWrappedLines(lines: readonly string[], evidence: WordEvidence): string {
  const parts: string[] = [];
  const [first = '', ...rest] = lines;
  let current = first;
  let lastToken = /\S+$/.exec(current)?.[0] ?? '';
  for (const next of rest) {
    const join = joinAfter(lastToken, next, evidence);
    if (join === 'dehyphenate') {
      current = current.slice(0, -1);
      lastToken = lastToken.slice(0, -1);
    }
    parts.push(current, join === 'space' ? ' ' : '');
    const nextToken = /\S+$/.exec(next)?.[0] ?? '';
    lastToken = join !== 'space' && nextToken === next ? lastToken + next : nextToken;
    current = next;
  }
  parts.push(current);
  return parts.join('');
}

/** Turns a PDF's lines into headings and paragraphs, undoing the layout's wrapping and page furniture. */
export function linesToBlocks(allLines: readonly PdfLine[]): Block[] {
  const lines = removeRunningText(allLines);
  const bodySize = weightedMode(lines.map((line) => [roundHalf(line.size), line.text.length])) ?? 10;
  const isBody = (line: PdfLine): boolean => Math.abs(line.size - bodySize) <= 0.15 * bodySize;
  const isLarge = (line: PdfLine): boolean => line.size > bodySize * HEADING_SIZE_RATIO && /\p{L}/u.test(line.text);

  const gaps: [number, number][] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const gap = prev ? prev.y - line.y : 0;
    if (prev && prev.page === line.page && isBody(prev) && isBody(line) && gap > 0 && gap < 3 * bodySize) gaps.push([roundHalf(gap), 1]);
  });
  const lineSpacing = weightedMode(gaps) ?? bodySize * 1.2;

  // The right edge of the text column a line belongs to: the furthest any body line that
  // overlaps it horizontally on the same page reaches. Works for one or several columns.
  const rightEdge = new Map<PdfLine, number>();
  for (const page of groupByPage(lines)) {
    const body = page.filter(isBody);
    for (const line of page) {
      let edge = line.right;
      for (const b of body) if (b.x < line.right && b.right > line.x && b.right > edge) edge = b.right;
      rightEdge.set(line, edge);
    }
  }

  // A line ends its paragraph early when the next line's first word would have fitted
  // after it. Word widths are estimated from average character widths, so the estimate
  // gets a generous allowance: wide words ("government") must not split a paragraph.
  const endsShort = (line: PdfLine, next: PdfLine): boolean => {
    if (LINE_END_HYPHEN.test(line.text)) return false;
    const room = (rightEdge.get(line) ?? line.right) - line.right;
    const charWidth = (next.right - next.x) / Math.max(1, next.text.length);
    const firstWord = /^\S+/.exec(next.text)?.[0] ?? '';
    return room > (firstWord.length + 1) * charWidth * WORD_WIDTH_ALLOWANCE + 0.5 * next.size;
  };

  const breaksParagraph = (prev: PdfLine, line: PdfLine): boolean => {
    const gap = prev.y - line.y;
    // A new page or column: the paragraph goes on unless the last line stopped short.
    if (prev.page !== line.page || gap < 0) return !/^\p{Ll}/u.test(line.text) && endsShort(prev, line);
    if (Math.abs(line.size - prev.size) > 0.15 * bodySize) return true;
    return gap > lineSpacing * PARAGRAPH_GAP_RATIO || endsShort(prev, line);
  };

  const paragraphs: Paragraph[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const current = paragraphs.at(-1);
    const large = isLarge(line);
    if (large && current?.heading && prev && prev.page === line.page && Math.abs(current.size - line.size) < 0.5 && prev.y - line.y <= 2 * line.size) {
      current.lines.push(line);
    } else if (!large && current && !current.heading && prev && !breaksParagraph(prev, line)) {
      current.lines.push(line);
    } else {
      paragraphs.push({ heading: large, size: line.size, lines: [line] });
    }
  });

  // A one-line paragraph in capitals ("INTRODUCTION") is a heading set in the body font.
  for (const paragraph of paragraphs) {
    const [only, ...others] = paragraph.lines;
    if (only && others.length === 0 && !paragraph.heading && isAllCaps(only.text) && only.text.length <= MAX_CAPS_HEADING_LENGTH && !/[.,;]$/.test(only.text)) paragraph.heading = true;
  }

  // Larger type is a higher heading; capitals in the body size rank below every larger size.
  const headingSizes = [...new Set(paragraphs.filter((p) => p.heading).map((p) => roundHalf(Math.max(p.size, bodySize))))].sort((a, b) => b - a);
  const evidence = wordEvidence(lines);
  return paragraphs.map((paragraph): Block => {
    const text = joinWrappedLines(paragraph.lines.map((line) => line.text), evidence);
    if (!paragraph.heading) return { kind: 'paragraph', level: 0, text };
    return { kind: 'heading', level: headingSizes.indexOf(roundHalf(Math.max(paragraph.size, bodySize))) + 1, text };
  });
}
