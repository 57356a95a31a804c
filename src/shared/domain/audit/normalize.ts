// Name folding and fuzzy comparison shared by reference parsing, citation parsing and resolution.

const COMBINING_MARKS = /\p{M}/gu;

/** Case-, diacritic-, hyphen- and space-insensitive form of a name: "Pérez-Higueras" -> "perezhigueras". */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const INITIAL_TOKEN = /^(?:\p{Lu}\.?-?)+$|^\p{L}\.$/u;

/** True for a token made only of initials such as "B.", "M. B.", "J.-P." or "JA". */
export function isInitials(token: string): boolean {
  const parts = token.trim().split(/\s+/).filter(Boolean);
  return parts.length > 0 && parts.every((part) => INITIAL_TOKEN.test(part) && part.replace(/[.-]/g, '').length <= 3);
}

/** Keys a name can be matched by: the whole folded name and, for multi-word names, the last word. */
export function nameKeys(name: string): string[] {
  const words = name.split(/\s+/).filter((word) => !isInitials(word));
  const whole = foldName(name);
  const last = words.length > 1 ? foldName(words[words.length - 1] ?? '') : '';
  return last && last !== whole ? [whole, last] : [whole];
}

/** "Organisation for Economic Co-operation and Development" -> "OECD": the initials of its capitalised words. */
function acronymOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/** An institution cited by its acronym in one place and by its full name in another ("WHO", "World Health Organization"). */
function isAcronymOf(short: string, long: string): boolean {
  return /^\p{Lu}{2,8}$/u.test(short) && long.split(/\s+/).length >= 2 && acronymOf(long) === short;
}

export function namesEqual(a: string, b: string): boolean {
  const keysB = nameKeys(b);
  return nameKeys(a).some((key) => key.length > 0 && keysB.includes(key)) || isAcronymOf(a, b) || isAcronymOf(b, a);
}

/** Levenshtein distance with a cut-off: returns `limit + 1` as soon as the distance must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * A likely misspelling: one edit for short names, up to a quarter of the length for long ones.
 * `slack` allows more edits where other evidence already points at the entry ("Meyer" for "Meijer"
 * beside a co-author spelt right); the first letter must then agree.
 */
export function isNearName(a: string, b: string, slack = 0): boolean {
  const x = foldName(a);
  const y = foldName(b);
  if (!x || !y || x === y) return false;
  if (slack > 0 && x[0] !== y[0]) return false;
  const limit = Math.max(1, Math.floor(Math.min(x.length, y.length) / 4)) + slack;
  if (Math.min(x.length, y.length) < 4) return false;
  return editDistance(x, y, limit) <= limit;
}

/** Lower-case letters and digits only, for comparing titles and whole entries. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** "2020A" -> "2020a", "n. d." and "no date" -> "n.d.", "In Press" -> "in press", "Forthcoming 2018" -> "2018", "2008 – 2012" -> "2008-2012". */
export function normalizeYear(year: string): string {
  const compact = year.toLowerCase().replace(/\s+/g, '').replace(/[–—]/gu, '-');
  if (/^(?:n\.?d\.?|nodate)$/.test(compact)) return 'n.d.';
  if (compact === 'inpress') return 'in press';
  return compact.replace(/^forthcoming(?=\d)/u, '');
}

/** The year two dates are compared by: the first of a range ("2003-2020" -> "2003"), with its letter. */
export function yearKey(year: string | null): string {
  return (year ?? '').replace(/^(\d{4})-\d{4}/u, '$1');
}

/** A DOI or address without the stop or bracket that closes the sentence around it, keeping its own brackets ("...2465(22)"). */
export function withoutClosingPunctuation(value: string): string {
  let result = value.replace(/[.,;:>\]]+$/u, '');
  while (result.endsWith(')') && (result.match(/\(/g)?.length ?? 0) < (result.match(/\)/g)?.length ?? 0)) result = result.slice(0, -1).replace(/[.,;:]+$/u, '');
  return result;
}

/** Text to match literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
