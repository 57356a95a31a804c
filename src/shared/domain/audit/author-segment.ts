// Where the author list of a reference entry ends, for styles that do not put the year right
// after the authors: "A. L. Yuille. Title ...", "David Hoiem, Alexei Efros, and Martial Hebert.
// Title ...", "Moggi, E. Title ...", "Peters OA, Arias A. Title ...".

const PARTICLES = String.raw`(?:(?:van|von|de|der|den|del|della|di|da|du|la|le|dos|das|ten|ter|bin|al|el)\s+)*`;
const WORD = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’-]*[\p{Ll}\p{Lu}]`;
const INITIALS = String.raw`\p{Lu}\.?(?:\s?-?\p{Lu}\.?)*(?=[\s,.;:)]|$)`;
/** "Andrade, Mário de": the particle of an inverted family name written after the given name. */
const TRAILING_PARTICLE = String.raw`(?:\s+(?:de|da|do|dos|van|von|der|du|di|del|della|la|le))?`;
const FAMILY = String.raw`${PARTICLES}${WORD}(?:[\s-]${WORD})?(?:,?\s+Jr\.?)?`;

/** Person forms, most specific first. */
const INITIALS_FIRST = 0;
const INVERTED = 1;
const VANCOUVER = 2;
const PARENTHESISED = 3;
const GIVEN_FAMILY = 4;
const INVERTED_FULL = 5;
const PERSON = [
  new RegExp(String.raw`(?:\p{Lu}(?:\.\s?|\s|-)-?)+\s*(?:${WORD}\s+)?${PARTICLES}${WORD}(?:-${WORD})?(?=[\s,.;:]|$)`, 'uy'), // A. L. Yuille, H Johansson, W. Bruce Croft
  new RegExp(String.raw`${FAMILY},\s*(?:${WORD}\s+)?${INITIALS}${TRAILING_PARTICLE}(?=[\s,.;:]|$)`, 'uy'), // Yuille, A. L. | Burton, Robert P. | Otero, A. de
  new RegExp(String.raw`${FAMILY}\s+(?:\p{Lu}\.(?:\s?-?\p{Lu}\.){0,2}|\p{Lu}{1,3})(?=[,.;:\s]|$)`, 'uy'), // Peters OA, Gertz M., Lipeck U. W., Lathan CE:
  new RegExp(String.raw`${WORD}\s*\((?:\p{Lu}\.?)+\)`, 'uy'), // SIERVO (M.)
  new RegExp(String.raw`${WORD}(?:\s+${WORD})?(?:\s+\p{Lu}\.?)*\s+${PARTICLES}${WORD}(?=[\s,.;:]|$)`, 'uy'), // David Hoiem, Jaswinder Pal Singh, Larry D. Wittie
  // Twain, Mark | Marwell, Gerald: only first, after a one-word family name, so neither "David Hoiem, Alexei" nor "Politics, Parties" reads as a person
  new RegExp(String.raw`${PARTICLES}${WORD},\s*${WORD}(?:\s+${WORD})?${TRAILING_PARTICLE}(?=[\s,.;:]|$)`, 'uy'),
];
/** Which forms may follow the first: lists keep one style, except that APA-like lists invert only the first name. */
const FOLLOWERS: Record<number, number[]> = {
  [INITIALS_FIRST]: [INITIALS_FIRST, INVERTED],
  [INVERTED]: [INVERTED, INITIALS_FIRST],
  [VANCOUVER]: [VANCOUVER],
  [PARENTHESISED]: [PARENTHESISED],
  [GIVEN_FAMILY]: [GIVEN_FAMILY, INITIALS_FIRST],
  // Chicago: "Child, Julia, Louisette Bertholle, and Simone Beck"
  [INVERTED_FULL]: [GIVEN_FAMILY],
};
const SEPARATOR = /\s*(?:[,;]\s*)?(?:(?:and|&|et|und|y|e)\s+)?/uy;
const VANCOUVER_STOP = /\.\s+/uy;
const ET_AL = /,?\s*(?:et\s+al\.?|and others)/uy;

function sticky(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}
const EDITORS = /\s*\((?:eds?|hrsg|coords?)\.?\)/iuy;
/** Words that begin titles, not names. */
const TITLE_WORDS = /^(?:The|A|An|On|In|Of|For|To|From|With|Towards?|Why|How|What|When|Where|Is|Are|New|Proc|Proceedings|Journal|Chapter|Report|Introduction|Analysis|Study|Notes?|Die|Der|Das|Le|La|Les|El|Los|Un|Une|Eine?|Il|Lo)(?=\s)/u;

/**
 * The person at `position` in the first of `forms` that fits. "Larry D" reads as Vancouver
 * ("Peters OA") until the name goes on: then "Larry D. Wittie" is a given name first.
 */
function matchPerson(text: string, position: number, forms: number[]): { end: number; form: number } | null {
  const at = (form: number): { end: number; form: number } | null => {
    const pattern = PERSON[form];
    if (!pattern) return null;
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match || TITLE_WORDS.test(match[0]) || /\s(?:The|A|An|Of|On|In)\s/u.test(match[0])) return null;
    return { end: position + match[0].length, form };
  };
  for (const form of forms) {
    const found = at(form);
    if (!found) continue;
    const longer = form === VANCOUVER && forms.includes(GIVEN_FAMILY) ? at(GIVEN_FAMILY) : null;
    return longer && longer.end > found.end ? longer : found;
  }
  return null;
}

/** Index just after the author list at the start of `text`, or 0 when it does not start with names. */
export function authorListEnd(text: string): number {
  const first = matchPerson(text, 0, [INITIALS_FIRST, VANCOUVER, INVERTED, PARENTHESISED, GIVEN_FAMILY, INVERTED_FULL]);
  if (first === null) return 0;
  const forms = FOLLOWERS[first.form] ?? [];
  let end = first.end;
  let joinedByAnd = false;
  for (;;) {
    ET_AL.lastIndex = end;
    const etAl = ET_AL.exec(text);
    if (etAl) end += etAl[0].length;
    EDITORS.lastIndex = end;
    const editors = EDITORS.exec(text);
    if (editors) return end + editors[0].length;
    if (etAl) return end;
    // "Goss DL. Moore JH. Title": some Vancouver lists end each name with a full stop.
    const separator = first.form === VANCOUVER ? sticky(VANCOUVER_STOP, text, end) ?? sticky(SEPARATOR, text, end) : sticky(SEPARATOR, text, end);
    // The last name after "and" is often written the other way round ("Marwell, Gerald, and Pamela Oliver").
    const lastName = /(?:and|&|et|und|y|e)\s+$/u.test(separator?.[0] ?? '');
    const next = separator?.[0].trim() ? matchPerson(text, end + separator[0].length, lastName ? [...new Set([...forms, INITIALS_FIRST, INVERTED, GIVEN_FAMILY])] : forms) : null;
    // "Levin, David, Unsettling Opera": without a closing "and", what follows an inverted full name is a title.
    if (next === null) return first.form === INVERTED_FULL && !joinedByAnd ? first.end : end;
    joinedByAnd ||= lastName;
    end = next.end;
  }
}
