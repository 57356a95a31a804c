/** How long an in-vivo code's name may be before it is cut (at a word) and ended with an ellipsis. */
export const inVivoNameLength = 80;

/**
 * The name in-vivo coding gives a code: the participant's own words as selected, on one line,
 * without the quotation marks and punctuation around them, cut at a word if long. '' when the
 * selection holds no word.
 */
export function inVivoName(selected: string): string {
  const flat = selected
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'“”‘’«»„‚()[\]{}.,;:!?…–—-]+|[\s"'“”‘’«»„‚()[\]{}.,;:!?…–—-]+$/gu, '');
  if (!/[\p{L}\p{N}]/u.test(flat)) return '';
  if (flat.length <= inVivoNameLength) return flat;
  const cut = flat.slice(0, inVivoNameLength - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > inVivoNameLength / 2 ? cut.slice(0, atWord) : cut).replace(/[\s.,;:!?–—-]+$/u, '')}…`;
}
