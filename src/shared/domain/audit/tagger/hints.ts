// The rule-based parser's reading of an entry, laid over its tokens: each token gets the field
// the rules put it in, or null. The tagger weighs these hints with everything else it observes.
import { escapeRegExp } from '../normalize';
import { parseByRules } from '../reference-rules';
import type { Token } from './tokens';

/** `raw` is the entry as written (its italics help the rules); `text` is what was tokenized. */
export function ruleHints(raw: string, text: string, tokens: Token[]): Array<string | null> {
  const reading = parseByRules(raw);
  const hints: Array<string | null> = tokens.map(() => null);
  const mark = (start: number, end: number, hint: string): void => {
    tokens.forEach((token, index) => {
      if (token.end > start && token.start < end && hints[index] === null) hints[index] = hint;
    });
  };
  const find = (value: string | null, hint: string, from = 0): number => {
    const at = value ? text.indexOf(value, from) : -1;
    if (value && at >= 0) mark(at, at + value.length, hint);
    return at;
  };
  find(reading.doi, 'doi');
  find(reading.url, 'url');
  const authorText = reading.authorText.trim();
  const authorsAt = authorText ? text.indexOf(authorText) : -1;
  const authorsEnd = authorsAt < 0 ? 0 : authorsAt + authorText.length;
  if (authorsAt >= 0) mark(authorsAt, authorsEnd, 'author');
  if (reading.year) {
    const at = text.indexOf(reading.year, authorsEnd);
    if (at >= 0) mark(at, at + 1, 'year');
  }
  const titleAt = find(reading.title, 'title', authorsEnd);
  const afterTitle = Math.max(authorsEnd, titleAt < 0 ? 0 : titleAt + (reading.title?.length ?? 0));
  const containerAt = find(reading.container, 'container', afterTitle);
  const afterContainer = Math.max(afterTitle, containerAt < 0 ? 0 : containerAt + (reading.container?.length ?? 0));
  for (const [value, hint] of [[reading.volume, 'volume'], [reading.issue, 'volume'], [reading.pages, 'pages']] as const) {
    if (!value) continue;
    const at = new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(value)}(?![\\d])`, 'u').exec(text.slice(afterContainer));
    if (at) mark(afterContainer + at.index, afterContainer + at.index + value.length, hint);
  }
  return hints;
}
