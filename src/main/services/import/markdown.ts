// `marked` is not among the project's dependencies, so this is a small, conservative
// Markdown-to-HTML converter. It only has to get the *text* right for the HTML reader:
// block structure (headings, paragraphs, list items, quotes, tables, code) and the inline
// syntax that must not leak into the text (emphasis markers, link targets, images,
// backslash escapes). Anything it does not recognise is kept as literal text.

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const QUOTE = /^ {0,3}> ?/;
const TABLE_ROW = /^ {0,3}\|/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_BLOCK = /^ {0,3}<\/?(?:address|article|aside|blockquote|details|div|dl|figure|footer|h[1-6]|header|hr|ol|p|pre|section|table|ul)\b/i;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const INLINE_HTML = /^(?:<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<!--[\s\S]*?-->)/;
const AUTOLINK = /^<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)|(?:[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*))>/;
const PLAIN_RUN = /^[^\\`![<&*_\n]+/;
const ENTITY = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Token = { html: string } | { delimiter: string; canOpen: boolean; canClose: boolean };

/** Index just past the `]` that closes the `[` at `open`, honouring nesting and escapes. */
function closingBracket(source: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i + 1;
  }
  return undefined;
}

/** Index just past a link destination `( ... )` starting at `open`, or undefined. */
function closingParen(source: string, open: number): number | undefined {
  if (source[open] !== '(') return undefined;
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return undefined;
}

/** Index just past a `[label]` or `(destination)` that follows a link's text, if any. */
function linkTargetEnd(source: string, at: number): number | undefined {
  if (source[at] === '(') return closingParen(source, at);
  if (source[at] === '[') return closingBracket(source, at);
  return undefined;
}

function isWhitespace(char: string | undefined): boolean {
  return char === undefined || /\s/u.test(char);
}

function isPunctuation(char: string | undefined): boolean {
  return char !== undefined && /[\p{P}\p{S}]/u.test(char);
}

/** CommonMark's flanking rules, which decide whether a `*`/`_` run may open or close emphasis. */
function delimiterToken(run: string, before: string | undefined, after: string | undefined): Token {
  const leftFlanking = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
  const rightFlanking = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
  if (run.startsWith('_')) {
    // Intraword underscores (snake_case, file names) are never emphasis.
    return { delimiter: run, canOpen: leftFlanking && (!rightFlanking || isPunctuation(before)), canClose: rightFlanking && (!leftFlanking || isPunctuation(after)) };
  }
  return { delimiter: run, canOpen: leftFlanking, canClose: rightFlanking };
}

function tokenizeInline(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const plain = PLAIN_RUN.exec(source.slice(i))?.[0];
    if (plain) {
      tokens.push({ html: escapeHtml(plain) });
      i += plain.length;
      continue;
    }
    const char = source[i] as string;
    const rest = source.slice(i);
    if (char === '\\' && i + 1 < source.length) {
      const next = source[i + 1] as string;
      // A backslash before a line break is a hard break; before punctuation it escapes it.
      if (next === '\n') tokens.push({ html: '<br>' });
      else tokens.push({ html: ASCII_PUNCTUATION.test(next) ? escapeHtml(next) : escapeHtml(char + next) });
      i += 2;
      continue;
    }
    if (char === '`') {
      const fence = /^`+/.exec(rest)?.[0] ?? '`';
      const close = source.indexOf(fence, i + fence.length);
      if (close > 0) {
        tokens.push({ html: `<code>${escapeHtml(source.slice(i + fence.length, close))}</code>` });
        i = close + fence.length;
        continue;
      }
      tokens.push({ html: fence });
      i += fence.length;
      continue;
    }
    if (char === '!' && source[i + 1] === '[') {
      // Images carry no text of the document; their alt text is a description, not content.
      const textEnd = closingBracket(source, i + 1);
      const end = textEnd === undefined ? undefined : (linkTargetEnd(source, textEnd) ?? textEnd);
      if (end !== undefined) {
        i = end;
        continue;
      }
    }
    if (char === '[') {
      const textEnd = closingBracket(source, i);
      if (textEnd !== undefined) {
        const end = linkTargetEnd(source, textEnd);
        // `[text](url)` and `[text][ref]` keep their text; a bare `[text]` stays as written.
        if (end !== undefined) {
          tokens.push({ html: inlineToHtml(source.slice(i + 1, textEnd - 1)) });
          i = end;
          continue;
        }
      }
    }
    if (char === '<') {
      const autolink = AUTOLINK.exec(rest);
      const tag = autolink ? undefined : INLINE_HTML.exec(rest);
      if (autolink?.[1] !== undefined) tokens.push({ html: escapeHtml(autolink[1]) });
      else tokens.push({ html: tag ? tag[0] : '&lt;' });
      i += autolink ? autolink[0].length : tag ? tag[0].length : 1;
      continue;
    }
    if (char === '&') {
      const entity = ENTITY.exec(rest)?.[0];
      tokens.push({ html: entity ?? '&amp;' });
      i += entity?.length ?? 1;
      continue;
    }
    if (char === '*' || char === '_') {
      const run = (char === '*' ? /^\*+/ : /^_+/).exec(rest)?.[0] ?? char;
      tokens.push(delimiterToken(run, source[i - 1], source[i + run.length]));
      i += run.length;
      continue;
    }
    if (char === '\n') {
      // Two trailing spaces make a hard break; any other newline is a soft wrap.
      tokens.push({ html: source.slice(i - 2, i) === '  ' ? '<br>' : '\n' });
      i++;
      continue;
    }
    tokens.push({ html: escapeHtml(char) });
    i++;
  }
  return tokens;
}

/**
 * Emphasis changes no text, so matched `*`/`_` runs simply disappear; unmatched ones
 * (a lone asterisk for a footnote, "p < .05*") are literal characters and stay.
 */
function removeEmphasis(tokens: Token[]): string {
  const matched = new Set<number>();
  const openers: number[] = [];
  tokens.forEach((token, index) => {
    if (!('delimiter' in token)) return;
    const openerAt = token.canClose ? openers.findLastIndex((o) => (tokens[o] as { delimiter: string }).delimiter[0] === token.delimiter[0]) : -1;
    if (openerAt >= 0) {
      matched.add(openers[openerAt] as number).add(index);
      openers.length = openerAt;
    } else if (token.canOpen) {
      openers.push(index);
    }
  });
  return tokens.map((token, index) => ('html' in token ? token.html : matched.has(index) ? '' : token.delimiter)).join('');
}

export function inlineToHtml(source: string): string {
  return removeEmphasis(tokenizeInline(source));
}

function tableCells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
}

/** Converts Markdown to HTML whose text content is the document's text. */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const html: string[] = [];
  let paragraph: string[] = [];
  let list: string[] | undefined;

  const closeParagraph = (): void => {
    if (paragraph.length > 0) html.push(`<p>${inlineToHtml(paragraph.join('\n').trim())}</p>`);
    paragraph = [];
  };
  const closeList = (): void => {
    if (list) html.push(`<ul>${list.map((item) => `<li>${inlineToHtml(item)}</li>`).join('')}</ul>`);
    list = undefined;
  };
  const closeAll = (): void => {
    closeParagraph();
    closeList();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    if (fence?.[1]) {
      closeAll();
      const end = lines.findIndex((candidate, j) => j > i && candidate.trim().startsWith(fence[1] as string));
      const close = end < 0 ? lines.length : end;
      html.push(`<pre>${escapeHtml(lines.slice(i + 1, close).join('\n'))}</pre>`);
      i = close;
      continue;
    }
    if (!line.trim()) {
      closeParagraph();
      // A list survives blank lines between its items (a "loose" list).
      if (list && !LIST_ITEM.test(lines.slice(i + 1).find((next) => next.trim()) ?? '')) closeList();
      continue;
    }
    const setext = paragraph.length > 0 && !list ? SETEXT_UNDERLINE.exec(line) : null;
    if (setext?.[1]) {
      const level = setext[1].startsWith('=') ? 1 : 2;
      html.push(`<h${level}>${inlineToHtml(paragraph.join('\n').trim())}</h${level}>`);
      paragraph = [];
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      closeAll();
      html.push('<hr>');
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading?.[1]) {
      closeAll();
      const level = heading[1].length;
      html.push(`<h${level}>${inlineToHtml(heading[2] ?? '')}</h${level}>`);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      closeParagraph();
      (list ??= []).push(line.slice(item[0].length));
      continue;
    }
    if (list) {
      // Indented or lazy continuation of the current item.
      list[list.length - 1] += `\n${line.trim()}`;
      continue;
    }
    if (QUOTE.test(line)) {
      closeAll();
      const quoted: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i] as string); i++) quoted.push((lines[i] as string).replace(QUOTE, ''));
      i--;
      html.push(`<blockquote>${markdownToHtml(quoted.join('\n'))}</blockquote>`);
      continue;
    }
    if (TABLE_ROW.test(line) && TABLE_DELIMITER.test(lines[i + 1] ?? '')) {
      closeAll();
      const rows: string[] = [];
      for (; i < lines.length && TABLE_ROW.test(lines[i] as string); i++) {
        if (!TABLE_DELIMITER.test(lines[i] as string)) rows.push(`<tr>${tableCells(lines[i] as string).map((cell) => `<td>${inlineToHtml(cell.trim())}</td>`).join('')}</tr>`);
      }
      i--;
      html.push(`<table>${rows.join('')}</table>`);
      continue;
    }
    if (paragraph.length === 0 && HTML_BLOCK.test(line)) {
      closeAll();
      for (; i < lines.length && (lines[i] as string).trim(); i++) html.push(lines[i] as string);
      continue;
    }
    paragraph.push(line);
  }
  closeAll();
  return html.join('\n');
}
