import { isAllCaps } from './document';
import type { Block } from './types';

const MAX_HEADING_LENGTH = 80;
const MAX_NUMBERED_HEADING_WORDS = 8;
// A symbol bullet is layout and is dropped; an enumerator such as "a)" or "2." is part of
// what the author wrote (and is how items get cited), so it stays in the text.
const SYMBOL_BULLET = /^[-*+•‣◦▪–]\s+/u;
const LIST_ITEM = /^(?:[-*+•‣◦▪–]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])\s+\S/iu;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\p{Lu}/u;

/**
 * Heading depth for a line that stands alone, or undefined. Deliberately conservative: a
 * missed heading still reads as a paragraph, a false one breaks up the author's text.
 */
function headingLevel(line: string): number | undefined {
  if (line.length > MAX_HEADING_LENGTH || /[.,;!?]$/.test(line)) return undefined;
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered?.[1] && line.split(/\s+/).length <= MAX_NUMBERED_HEADING_WORDS) return numbered[1].split('.').length;
  return isAllCaps(line) ? 1 : undefined;
}

/** Splits a block's lines into list items when at least two lines start one. */
function listItems(lines: readonly string[]): string[] | undefined {
  if (lines.filter((line) => LIST_ITEM.test(line)).length < 2) return undefined;
  const items: string[] = [];
  for (const line of lines) {
    if (LIST_ITEM.test(line) || items.length === 0) items.push(line.replace(SYMBOL_BULLET, ''));
    else items[items.length - 1] += ` ${line}`;
  }
  return items;
}

/** Paragraphs are separated by blank lines; lines inside one are wrapped text. */
export function plainTextToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((line) => line.trim()).filter(Boolean);
    const first = lines[0];
    if (first === undefined) continue;
    const level = lines.length === 1 ? headingLevel(first) : undefined;
    if (level !== undefined) {
      blocks.push({ kind: 'heading', level, text: first });
      continue;
    }
    // "METHOD" directly above its first paragraph, with no blank line between them.
    const body = lines.length > 1 && isAllCaps(first) && headingLevel(first) !== undefined && !lines.slice(1).every(isAllCaps) ? lines.slice(1) : lines;
    if (body !== lines) blocks.push({ kind: 'heading', level: 1, text: first });
    for (const item of listItems(body) ?? [body.join(' ')]) blocks.push({ kind: 'paragraph', level: 0, text: item });
  }
  return blocks;
}
