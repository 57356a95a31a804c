// A document to export, in the few kinds of block Quarry's reports are made of. The summary and
// the audit report are each built once as a document; one renderer per format (Markdown and HTML
// here, DOCX and PDF in the main process) turns any document into a file, so every format shows
// the same content.

/** A run of text with its emphasis, as citeproc's HTML and Quarry's own labels give it. */
export interface Inline {
  text: string;
  italic?: boolean;
  bold?: boolean;
  smallCaps?: boolean;
  superscript?: boolean;
  subscript?: boolean;
}

export type Block =
  /** The opening: a title page in DOCX and PDF, a heading in Markdown and HTML. */
  | { kind: 'title'; title: string; subtitle: string; lines: string[] }
  /** A heading; a code's heading carries its colour. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; colour?: string }
  | { kind: 'paragraph'; runs: Inline[]; tone?: 'normal' | 'muted' }
  /** A coded passage beside its code's colour, with the researcher's notes on it (memo, summary). */
  | { kind: 'passage'; colour: string; text: string; where: string; notes: Array<{ label: string; text: string }> }
  /** A list; each item is a line of runs, with optional lines under it. */
  | { kind: 'list'; items: Array<{ runs: Inline[]; details?: Inline[][] }> }
  /** Bibliography entries, set with a hanging indent. */
  | { kind: 'references'; entries: Inline[][] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface ExportDocument {
  title: string;
  blocks: Block[];
}

export const plain = (text: string): Inline[] => [{ text }];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * citeproc's HTML for one entry as runs: <i>, <b>, small caps, <sup>, <sub>; the margin and body
 * of a numbered style's entry ([1] and the rest) become one line. Other markup is dropped.
 */
export function runsFromCiteprocHtml(html: string): Inline[] {
  const runs: Inline[] = [];
  const style: Omit<Inline, 'text'> = {};
  const stack: Array<keyof Omit<Inline, 'text'> | null> = [];
  const flat = html.replace(/<\/div>\s*<div[^>]*>/g, ' ');
  for (const part of flat.split(/(<[^>]+>)/)) {
    if (part === '') continue;
    const tag = /^<(\/?)([a-z]+)([^>]*)>$/i.exec(part);
    if (!tag) {
      const text = decodeEntities(part);
      const last = runs[runs.length - 1];
      if (last && JSON.stringify({ ...last, text: '' }) === JSON.stringify({ ...style, text: '' })) last.text += text;
      else runs.push({ ...style, text });
      continue;
    }
    const [, closing, name, attributes] = tag;
    const lower = name!.toLowerCase();
    if (closing) {
      const key = stack.pop();
      if (key) delete style[key];
      continue;
    }
    const key =
      lower === 'i' || lower === 'em'
        ? 'italic'
        : lower === 'b' || lower === 'strong'
          ? 'bold'
          : lower === 'sup'
            ? 'superscript'
            : lower === 'sub'
              ? 'subscript'
              : lower === 'span' && /small-caps/.test(attributes ?? '')
                ? 'smallCaps'
                : null;
    if (lower === 'br' || attributes?.trim().endsWith('/')) continue;
    if (key) style[key] = true;
    stack.push(key);
  }
  const trimmed = runs.filter((run) => run.text !== '');
  if (trimmed.length > 0) {
    trimmed[0]!.text = trimmed[0]!.text.trimStart();
    trimmed[trimmed.length - 1]!.text = trimmed[trimmed.length - 1]!.text.trimEnd();
  }
  return trimmed;
}

export const textOf = (runs: readonly Inline[]): string => runs.map((run) => run.text).join('');
