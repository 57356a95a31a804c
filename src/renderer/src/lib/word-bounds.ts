// Word boundaries in a source's text, for moving a coding's start or end a word at a time.

const wordChar = /[\p{L}\p{N}\p{M}'’_-]/u;

/** The offset after the next word that ends after `offset` (or the text's end). */
export function nextWordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !wordChar.test(text[i]!)) i++;
  while (i < text.length && wordChar.test(text[i]!)) i++;
  return i;
}

/** The offset where the word before `offset` starts (or 0). */
export function previousWordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !wordChar.test(text[i - 1]!)) i--;
  while (i > 0 && wordChar.test(text[i - 1]!)) i--;
  return i;
}

/** The offset where the next word after `offset` starts (or the text's end). */
export function nextWordStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && wordChar.test(text[i]!)) i++;
  while (i < text.length && !wordChar.test(text[i]!)) i++;
  return i;
}

/** The offset after the word that ends before `offset` (or 0). */
export function previousWordEnd(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && wordChar.test(text[i - 1]!)) i--;
  while (i > 0 && !wordChar.test(text[i - 1]!)) i--;
  return i;
}
