import { escapeRegExp } from '../../../../shared/domain/audit/normalize';
import type { Span } from '../../lib/segments';

const quoteMarks = /['‘’]/g;
const doubleMarks = /["“”]/g;

/**
 * Where a pasted passage stands in a source's text. Pasting loses line breaks and turns
 * quotes straight or curly, so runs of whitespace and the kind of quote mark are ignored.
 */
export function locateQuote(text: string, quote: string): Span | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = words
    .map((word) => escapeRegExp(word).replace(quoteMarks, "['‘’]").replace(doubleMarks, '["“”]'))
    .join('\\s+');
  const match = new RegExp(pattern, 'u').exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}
