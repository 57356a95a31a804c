import { AppError } from './errors';

// JavaScript strings may hold a lone half of a surrogate pair (a pasted fragment, a string cut
// in the middle of an emoji, a hand-made request). UTF-8 cannot encode one, so SQLite would be
// handed invalid UTF-8. Dispatch passes every input through here before validating it: each lone
// surrogate becomes U+FFFD, the replacement character, which, like the surrogate, is one UTF-16
// code unit — so offsets into the text stay where they were.

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** No method's input is nested anywhere near this deep; deeper is a hand-made request. */
export const maxInputDepth = 64;

export function repairText(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD');
}

/**
 * A copy of `value` in which every string, and every object key, is well-formed UTF-16. Plain
 * objects and arrays are walked; anything else is returned as it is.
 */
export function wellFormed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return repairText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxInputDepth) throw new AppError('VALIDATION', `The request is nested more than ${maxInputDepth} levels deep; no Quarry method takes that.`);
  if (Array.isArray(value)) return value.map((item) => wellFormed(item, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[repairText(key)] = wellFormed(item, depth + 1);
  return copy;
}
