import { Parser } from 'htmlparser2';
import type { TextMarkKind } from '../../../shared/domain/model';
import { fileError } from './document';
import { MAX_NESTING_DEPTH, count } from './limits';
import type { Block, BlockMark } from './types';

// Elements whose content is not part of the document's prose.
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript', 'nav', 'svg', 'math', 'canvas', 'iframe', 'object', 'select', 'textarea', 'button']);
// Elements that end the text run before them and start a new one: each run is a passage.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const HEADING = /^h([1-6])$/;
/** Inline elements kept as emphasis data; their markup never reaches the text or the reader. */
const MARKS: Readonly<Record<string, TextMarkKind>> = { em: 'emphasis', i: 'emphasis', cite: 'emphasis', strong: 'strong', b: 'strong', code: 'code', kbd: 'code', samp: 'code', a: 'link' };
/** A bulleted item's bullet by nesting depth, as browsers draw them. */
const BULLETS = ['•', '◦', '▪'];
const MAX_HREF_LENGTH = 2000;
/** An address with a scheme (https:, mailto:): one that means something outside the document. */
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:/i;

interface OpenList {
  /** The next item's number, or null for a bulleted list. */
  next: number | null;
}

interface OpenItem {
  level: number;
  /** A numbered item's number ("3. "), put before its first text, which may sit in a paragraph of its own. */
  number: string;
  bullet: string | undefined;
  /** Whether its first block has been written: later blocks of the item continue it, unmarked. */
  started: boolean;
}

/** Headings, paragraphs, list items and quotations of an HTML document, in reading order, with their emphasis; `fileName` names the file in errors. */
export function htmlToBlocks(html: string, fileName: string): Block[] {
  const blocks: Block[] = [];
  let run = '';
  let marks: BlockMark[] = [];
  const openMarks: Array<{ tag: string; kind: TextMarkKind; start: number; href?: string }> = [];
  let headingLevel = 0;
  let skipDepth = 0;
  let preDepth = 0;
  let quoteDepth = 0;
  const lists: OpenList[] = [];
  const items: OpenItem[] = [];

  // The parser's stack of open elements: it does work per level at every tag, so thousands of
  // levels would make a file quadratic to read. Implied closes are reported too, so this matches.
  let depth = 0;

  const flush = (): void => {
    // Emphasis still open goes on into the next run.
    for (const open of openMarks) {
      if (run.length > open.start) marks.push({ kind: open.kind, start: open.start, end: run.length, ...(open.href ? { href: open.href } : {}) });
      open.start = 0;
    }
    if (run.trim()) blocks.push(blockOf(run, marks));
    run = '';
    marks = [];
  };

  const blockOf = (text: string, spans: BlockMark[]): Block => {
    if (headingLevel > 0) return { kind: 'heading', level: headingLevel, text, marks: spans };
    const item = items.at(-1);
    if (item) {
      // A numbered item keeps its number in the text, as plain text does, since that is how it is cited ("[3]").
      const prefix = item.started ? '' : item.number;
      const block: Block = {
        kind: 'list-item',
        level: item.level,
        text: prefix + text,
        marks: spans.map((m) => ({ ...m, start: m.start + prefix.length, end: m.end + prefix.length })),
        ...(!item.started && item.bullet ? { marker: item.bullet } : {}),
      };
      item.started = true;
      return block;
    }
    return { kind: quoteDepth > 0 ? 'quote' : 'paragraph', level: 0, text, marks: spans };
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
        if (name === 'pre') preDepth++;
        if (name === 'blockquote') quoteDepth++;
        if (name === 'ol') lists.push({ next: Number.parseInt(attributes.start ?? '1', 10) || 1 });
        if (name === 'ul') lists.push({ next: null });
        if (name === 'li') {
          const list = lists.at(-1);
          const value = Number.parseInt(attributes.value ?? '', 10);
          if (list && list.next !== null && Number.isFinite(value)) list.next = value;
          const number = list?.next ?? null;
          if (list && number !== null) list.next = number + 1;
          items.push({ level: Math.max(1, lists.length), number: number === null ? '' : `${number}. `, bullet: number === null ? BULLETS[(Math.max(1, lists.length) - 1) % BULLETS.length] : undefined, started: false });
        }
        const mark = MARKS[name];
        // A link within the document (a footnote's "#footnote-1") is navigation, not part of what it says.
        const href = mark === 'link' ? attributes.href?.trim().slice(0, MAX_HREF_LENGTH) : undefined;
        if (mark && (mark !== 'link' || (href && ABSOLUTE_URL.test(href)))) openMarks.push({ tag: name, kind: mark, start: run.length, ...(href ? { href } : {}) });
        // A line break keeps its line, though it does not end the paragraph.
        if (name === 'br') run += '\n';
      },
      onclosetag(name) {
        depth--;
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        const at = openMarks.map((m) => m.tag).lastIndexOf(name);
        if (at >= 0) {
          const [open] = openMarks.splice(at, 1);
          if (open && run.length > open.start) marks.push({ kind: open.kind, start: open.start, end: run.length, ...(open.href ? { href: open.href } : {}) });
        }
        if (HEADING.test(name)) {
          flush();
          headingLevel = 0;
        } else if (BLOCKS.has(name)) {
          flush();
        }
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (name === 'blockquote') quoteDepth = Math.max(0, quoteDepth - 1);
        if (name === 'ol' || name === 'ul') lists.pop();
        if (name === 'li') items.pop();
      },
      ontext(text) {
        if (skipDepth > 0) return;
        // Outside <pre>, a line break in the markup only wraps the source: it is a space.
        run += preDepth > 0 ? text : text.replace(/\s+/g, ' ');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  return blocks;
}
