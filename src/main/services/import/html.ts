import { Parser } from 'htmlparser2';
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

/** Headings and paragraphs of an HTML document, in reading order. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let run = '';
  let headingLevel = 0;
  let skipDepth = 0;

  const flush = (): void => {
    if (run.trim()) blocks.push(headingLevel > 0 ? { kind: 'heading', level: headingLevel, text: run } : { kind: 'paragraph', level: 0, text: run });
    run = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skipDepth > 0 || SKIPPED.has(name) || 'hidden' in attributes) {
          skipDepth++;
          return;
        }
        const heading = HEADING.exec(name);
        if (heading || BLOCKS.has(name)) flush();
        if (heading) headingLevel = Number(heading[1]);
        // A line break separates words even though it does not end the paragraph.
        if (name === 'br') run += ' ';
      },
      onclosetag(name) {
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
