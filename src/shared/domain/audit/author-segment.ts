// Where the author list of a reference entry ends, for styles that do not put the year right
// after the authors: "A. L. Yuille. Title ...", "David Hoiem, Alexei Efros, and Martial Hebert.
// Title ...", "Moggi, E. Title ...", "Peters OA, Arias A. Title ...".

const PARTICLES = String.raw`(?:(?:van|von|de|der|den|del|della|di|da|du|la|le|dos|das|ten|ter|bin|al|el)\s+)*`;
const WORD = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’-]*[\p{Ll}\p{Lu}]`;
const INITIALS = String.raw`\p{Lu}\.?(?:\s?-?\p{Lu}\.?)*(?=[\s,.;:)]|$)`;
const FAMILY = String.raw`${PARTICLES}${WORD}(?:[\s-]${WORD})?(?:,?\s+Jr\.?)?`;

/** Person forms, most specific first. */
const PERSON = [
  new RegExp(String.raw`(?:\p{Lu}\.\s?-?)+\s*${PARTICLES}${WORD}(?:-${WORD})?`, 'uy'), // A. L. Yuille
  new RegExp(String.raw`${FAMILY},\s*(?:${WORD}\s+)?${INITIALS}`, 'uy'), // Yuille, A. L. | Burton, Robert P.
  new RegExp(String.raw`${FAMILY}\s+\p{Lu}{1,3}(?=[,.;\s]|$)`, 'uy'), // Peters OA
  new RegExp(String.raw`${WORD}\s*\((?:\p{Lu}\.?)+\)`, 'uy'), // SIERVO (M.)
  new RegExp(String.raw`${WORD}(?:\s+\p{Lu}\.)?\s+${PARTICLES}${WORD}(?:-${WORD})?`, 'uy'), // David Hoiem
];
const SEPARATOR = /\s*(?:[,;]\s*)?(?:(?:and|&|et|und|y|e)\s+)?/uy;
const ET_AL = /,?\s*(?:et\s+al\.?|and others)/uy;
/** Words that begin titles, not names. */
const TITLE_WORDS = /^(?:The|A|An|On|In|Of|For|To|From|With|Towards?|Toward|Why|How|What|When|Where|Is|Are|New|Proc|Proceedings|Journal|Chapter|Report|Introduction|Analysis|Study|Notes?|Die|Der|Das|Le|La|Les|El|Los|Un|Une|Eine?|Il|Lo)\b/u;

function matchPerson(text: string, position: number): number | null {
  for (const pattern of PERSON) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (match && !TITLE_WORDS.test(match[0]) && !/\s(?:The|A|An|Of|On|In)\s/u.test(match[0])) return position + match[0].length;
  }
  return null;
}

/** Index just after the author list at the start of `text`, or 0 when it does not start with names. */
export function authorListEnd(text: string): number {
  let end = matchPerson(text, 0);
  if (end === null) return 0;
  for (;;) {
    ET_AL.lastIndex = end;
    const etAl = ET_AL.exec(text);
    if (etAl) return end + etAl[0].length;
    SEPARATOR.lastIndex = end;
    const separator = SEPARATOR.exec(text);
    const next = matchPerson(text, end + (separator?.[0].length ?? 0));
    if (next === null || !separator?.[0].trim()) return end;
    end = next;
  }
}
