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
  const persons = cleaned.includes(';') ? cleaned.split(';') : groupCommaTokens(cleaned.replace(CONJUNCTION, ', ').split(','));
  const names = persons.map(familyName).filter((name) => /\p{L}/u.test(name) && !isInitials(name));
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
