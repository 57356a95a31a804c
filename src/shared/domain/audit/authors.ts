// Splitting author lists, both from a reference entry ("Miles, M. B., & Huberman, A. M.")
// and from an in-text citation ("Zeng, Fu, Haleem, Han, & Zhou", "Google et al.").
import { isInitials } from './normalize';

export interface AuthorList {
  /** Family names, or whole corporate names ("Bank Indonesia", "Ministry of Trade"). */
  names: string[];
  etAl: boolean;
}

const ET_AL = /,?\s*\b(?:et\s*al\.?|and others|et\s+coll?\.?|u\.\s*a\.)(?=[\s,.;]|$)/giu;
const EDITOR_MARK = /\((?:eds?|hrsg|coord|dir|comp)s?\.?\)|\b(?:eds?|hrsg)\.(?=\s|,|$)/giu;
const CONJUNCTION = /\s*(?:&|\band\b|\bund\b|\bdan\b|\bet\b|\by\b|\be\b)\s*/gu;
const AMPERSAND = /\s*&\s*/gu;
/** Lower-case words that occur in the names of institutions, never between two persons' names. */
const INSTITUTION_WORDS = /\s(?:of|for|the|on)\s/u;
/** A given-name part in "Family, Given": "C.", "M. B.", "Nicholson B.", "Jr.". */
const GIVEN_PART = /^(?:(?:\p{Lu}[\p{Ll}'’-]+\s+)*(?:\p{L}\.\s?-?)+|Jr\.?|Sr\.?|I{1,3}|IV)$/u;

/** The family name inside one personal name; corporate names come back whole. */
export function familyName(name: string): string {
  const trimmed = name.trim().replace(/^[.,;:\s]+|[.,;:\s]+$/g, '');
  if (trimmed.includes(',')) return familyName(trimmed.slice(0, trimmed.indexOf(',')));
  const words = trimmed.split(/\s+/).filter(Boolean);
  const kept = words.filter((word) => !isInitials(word));
  return (kept.length > 0 ? kept : words).join(' ');
}

export function splitAuthors(text: string): AuthorList {
  let etAl = false;
  const cleaned = text
    .replace(ET_AL, () => {
      etAl = true;
      return '';
    })
    .replace(EDITOR_MARK, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:&\s]+$/, '');
  if (!cleaned) return { names: [], etAl };
  // "Organisation for Economic Co-operation and Development": an "and" inside an institution's name joins no two authors.
  const conjunction = INSTITUTION_WORDS.test(cleaned) ? AMPERSAND : CONJUNCTION;
  const persons = cleaned.includes(';') ? cleaned.split(';') : groupCommaTokens(cleaned.replace(conjunction, ', ').split(','));
  // "IBM" or "WHO" alone is an institution's acronym, not a person's initials.
  const names = persons.map(familyName).filter((name, index) => /\p{L}/u.test(name) && (!isInitials(name) || (index === 0 && /^\p{Lu}{2,}$/u.test(name))));
  return { names, etAl };
}

/** "Smith, J., Jones, K." -> ["Smith, J.", "Jones, K."]: a given-name token joins the family name before it. */
function groupCommaTokens(tokens: string[]): string[] {
  const groups: string[] = [];
  let previousWasFamily = false;
  for (const raw of tokens) {
    const token = raw.trim();
    if (!token) continue;
    if (previousWasFamily && GIVEN_PART.test(token)) {
      groups[groups.length - 1] += `, ${token}`;
      previousWasFamily = false;
    } else {
      groups.push(token);
      previousWasFamily = !isInitials(token);
    }
  }
  return groups;
}

const GIVEN_NAMES = /^\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,2}$/u;
/** Name particles written in lower case before a family name ("van der Walt") or after the given names ("Walt, S. van der"). */
export const PARTICLE_WORDS = 'van|von|de|der|den|del|della|di|da|du|la|le|dos|das|ten|ter';
const FAMILY_FIRST = new RegExp(`^(?:(?:${PARTICLE_WORDS})\\s+)*\\p{Lu}[\\p{L}'’-]+$`, 'u');
const PARTICLE = new RegExp(`^(?:${PARTICLE_WORDS})$`, 'u');

/** "Paolo Reyes" -> "Reyes", "Jan van Dijk" -> "van Dijk": the family name of a name written given name first. */
function lastFamilyName(name: string): string {
  const words = name.trim().split(/\s+/);
  let start = words.length - 1;
  while (start > 0 && PARTICLE.test(words[start - 1] ?? '')) start -= 1;
  return words.slice(start).join(' ');
}

/**
 * The authors of a reference entry. Besides the forms citations use, entries may invert only the
 * first name and write it in full, as Chicago does: "Bautista, Ramon, and Liza Cruz".
 */
export function splitReferenceAuthors(text: string): AuthorList {
  const parts = text.replace(/[.,;\s]+$/u, '').split(/\s*,\s*/u);
  const [family, given, ...others] = parts;
  const rest = others.map((part) => part.replace(/^(?:and|&)\s+/u, ''));
  const chicago =
    family !== undefined && given !== undefined && FAMILY_FIRST.test(family) && GIVEN_NAMES.test(given) && !isInitials(given) &&
    rest.every((name) => name.split(/\s+/).length >= 2 && !/&|\band\b/u.test(name) && GIVEN_NAMES.test(name.slice(0, name.length - lastFamilyName(name).length).trim()));
  if (!chicago) return splitAuthors(text);
  return { names: [family, ...rest.map(lastFamilyName)], etAl: false };
}
