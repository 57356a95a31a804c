/**
 * True when `offset` falls between the two UTF-16 code units of one character of `text` (a
 * surrogate pair: emoji, 𝔸, many CJK characters). Offsets count code units, so such an offset
 * exists, but a span may not begin or end there: it would cut the character in half.
 */
export function cutsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Why a span cannot be stored on `text`, as the end of a sentence about it; null when it can. */
export function spanProblem(text: string, start: number, end: number): string | null {
  if (end > text.length) return `runs past the end of the source (${text.length} characters)`;
  if (cutsCharacter(text, start) || cutsCharacter(text, end)) {
    return 'cuts a character in half: offsets count UTF-16 code units, and some characters (emoji, for one) take two; move its start or end by one';
  }
  return null;
}
