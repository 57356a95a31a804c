import { Marked } from 'marked';
import { fileError } from './document';
import { MAX_MARKDOWN_BLOCK_CHARS, MAX_NESTING_DEPTH, count } from './limits';

// Markdown becomes HTML with marked (CommonMark + GFM tables), and the HTML reader takes the
// text from there: emphasis markers, link targets, images and escapes never reach the text.
const markdown = new Marked({ gfm: true, async: false });

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A quote marker or a list item's marker, as a line may start with several of them.
const CONTAINER_MARKER = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/**
 * How deeply a line opens nested quotes and lists: each marker at its start opens one level, and
 * so does every two columns of indentation before a list item (the least a nested item needs).
 */
function lineDepth(line: string): number {
  const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
  let depth = 0;
  let rest = line;
  for (let marker = CONTAINER_MARKER.exec(rest); marker; marker = CONTAINER_MARKER.exec(rest)) {
    depth++;
    if (depth > MAX_NESTING_DEPTH) break;
    rest = rest.slice(marker[0].length);
  }
  return depth === 0 ? 0 : depth + Math.floor(indent / 2);
}

/**
 * What marked would struggle with, read line by line before it parses: the deepest nesting of
 * quotes and lists outside code blocks, and the longest block (lines without a blank one between).
 */
export function markdownShape(source: string): { depth: number; longestBlock: number } {
  let depth = 0;
  let longestBlock = 0;
  let block = 0;
  let fence: string | undefined;
  for (const line of source.split(/\r\n?|\n/)) {
    block = line.trim() === '' ? 0 : block + line.length + 1;
    longestBlock = Math.max(longestBlock, block);
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (marker) {
      fence = marker;
    } else {
      depth = Math.max(depth, lineDepth(line));
    }
  }
  return { depth, longestBlock };
}

export function markdownToHtml(source: string, fileName: string): string {
  const { depth, longestBlock } = markdownShape(source);
  if (depth > MAX_NESTING_DEPTH) {
    throw fileError('UNSUPPORTED', fileName, `nests lists or quotes more than ${count(MAX_NESTING_DEPTH)} levels deep, more than Quarry reads in Markdown; flatten them, or save it as plain text (.txt) and import that.`);
  }
  if (longestBlock > MAX_MARKDOWN_BLOCK_CHARS) {
    throw fileError('UNSUPPORTED', fileName, `has a paragraph of ${count(longestBlock)} characters with no blank line in it; Quarry reads Markdown paragraphs of up to ${count(MAX_MARKDOWN_BLOCK_CHARS)}, so save it as plain text (.txt) and import that.`);
  }
  try {
    return markdown.parse(source, { async: false });
  } catch (error) {
    throw fileError('UNREADABLE', fileName, 'could not be read as Markdown (the Markdown reader gave up on it); save it as plain text (.txt) and import that instead.', error);
  }
}
