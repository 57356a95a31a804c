import { Parser } from 'htmlparser2';
import { fileError } from './document';
import { MAX_NESTING_DEPTH, count } from './limits';
import type { Block } from './types';

// Elements whose content is not part of the document's prose.
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript', 'nav', 'svg', 'math', 'canvas', 'iframe', 'object', 'select', 'textarea', 'button']);
// Elements that end the text run before them and start a new one: each run is a passage.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const HEADING = /^h([1-6])$/;

/** Headings and paragraphs of an HTML document, in reading order; `fileName` names the file in errors. */
export function htmlToBlocks(html: string, fileName: string): Block[] {
  const blocks: Block[] = [];
  let run = '';
  let headingLevel = 0;
  let skipDepth = 0;
  // The next number of each open list, null for a bulleted one: a numbered item keeps its number,
  // as plain text does, since that is how it is cited ("[3]" for the third entry of a numbered list).
  const lists: Array<number | null> = [];

  // A numbered item's number, put before its first text (which may sit in a paragraph of its own).
  let itemNumber = '';

  // The parser's stack of open elements: it does work per level at every tag, so thousands of
  // levels would make a file quadratic to read. Implied closes are reported too, so this matches.
  let depth = 0;

  const flush = (): void => {
    if (!run.trim()) return;
    blocks.push(headingLevel > 0 ? { kind: 'heading', level: headingLevel, text: run } : { kind: 'paragraph', level: 0, text: itemNumber + run });
    run = '';
    itemNumber = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (++depth > MAX_NESTING_DEPTH) {
          throw fileError('UNSUPPORTED', fileName, `nests its elements more than ${count(MAX_NESTING_DEPTH)} levels deep, more than Quarry reads; it is probably generated or damaged.`);
        }
        if (skipDepth > 0 || SKIPPED.has(name) || 'hidden' in attributes) {
          skipDepth++;
          return;
        }
        const heading = HEADING.exec(name);
        if (heading || BLOCKS.has(name)) flush();
        if (heading) headingLevel = Number(heading[1]);
        if (name === 'ol') lists.push(Number.parseInt(attributes.start ?? '1', 10) || 1);
        if (name === 'ul') lists.push(null);
        const number = lists[lists.length - 1];
        if (name === 'li' && typeof number === 'number') {
          itemNumber = `${number}. `;
          lists[lists.length - 1] = number + 1;
        }
        // A line break separates words even though it does not end the paragraph.
        if (name === 'br') run += ' ';
      },
      onclosetag(name) {
        depth--;
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (HEADING.test(name)) {
          flush();
          headingLevel = 0;
        } else if (BLOCKS.has(name)) {
          flush();
        }
        if (name === 'ol' || name === 'ul') lists.pop();
      },
      ontext(text) {
        if (skipDepth === 0) run += text;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  return blocks;
}
