// Reference entries whose author field was garbled or cut short on the way into the manuscript,
// such as "Kawa, A. a." (a stray lower-case initial) or "Google, Temasek, & Company, B. &." (a
// dangling "&"): the names cannot be trusted to match what the work itself says.
import { writtenAuthors } from './labels';
import type { AuditReference } from './types';

/** Lower-case words that belong in author lists; any other long lower-case word means a title crept in. */
const NAME_WORDS = new Set(['and', 'und', 'dan', 'van', 'von', 'der', 'den', 'ter', 'ten', 'del', 'della', 'dela', 'dos', 'das', 'bin', 'binti', 'et', 'al']);

const DEFECTS: Array<{ pattern: RegExp; reason: (match: RegExpExecArray) => string }> = [
  { pattern: /(?:^|[\s,])(\p{Ll}\.)(?=[\s,;&]|$)/u, reason: (match) => `"${match[1] ?? ''}" is not an initial` },
  { pattern: /(?:&|\band|\bund|\bdan)\s*[.,;]?\s*$/u, reason: () => 'it ends with a dangling "&", as if a name was cut off' },
  { pattern: /,\s*[,.]|&\s*[,&]/u, reason: () => 'it has doubled punctuation where a name is missing' },
];

/** Why an entry's author field looks garbled or truncated, or null when it reads as a list of names. */
export function authorDefect(reference: Pick<AuditReference, 'raw' | 'year'>): string | null {
  // "u. a." is the German "and others", not a stray initial.
  const authors = writtenAuthors(reference)?.replace(/\bu\.\s?a\./gu, '');
  if (!authors || authors.length > 200) return null;
  const words = authors.match(/\p{L}+/gu) ?? [];
  if (words.some((word) => /^\p{Ll}{3,}$/u.test(word) && !NAME_WORDS.has(word))) return null;
  for (const { pattern, reason } of DEFECTS) {
    const match = pattern.exec(authors);
    if (match) return reason(match);
  }
  return null;
}
