// Short, reader-facing renderings of citations and reference entries for messages.
import { cleanEntry } from './reference-rules';
import type { AuditCitation, AuditReference } from './types';

export function citationLabel(citation: Pick<AuditCitation, 'authors' | 'year' | 'style' | 'text' | 'etAl'>): string {
  if (citation.style === 'numeric') return `[${citation.text}]`;
  if (citation.style === 'note' && citation.authors.length === 0) return 'Ibid.';
  const [first, second] = citation.authors;
  const names = citation.authors.length >= 3 || citation.etAl ? `${first} et al.` : second ? `${first} & ${second}` : (first ?? '');
  return `${names} (${citation.year})`;
}

/** "Google, Temasek & Company (2023)", "Google et al. (2023)": every cited name, to tell citation forms apart. */
export function citationForm(citation: Pick<AuditCitation, 'authors' | 'year' | 'etAl'>): string {
  const names = citation.authors.length > 1 ? `${citation.authors.slice(0, -1).join(', ')} & ${citation.authors[citation.authors.length - 1] ?? ''}` : (citation.authors[0] ?? '');
  return `${names}${citation.etAl ? ' et al.' : ''} (${citation.year})`;
}

/** The authors of an entry as written before its year, for author-date entries; null when the year is not near the start. */
export function writtenAuthors(reference: Pick<AuditReference, 'raw' | 'year'>): string | null {
  const text = cleanEntry(reference.raw);
  const year = reference.year ? text.indexOf(reference.year) : -1;
  if (year <= 0 || year >= 300) return null;
  return text.slice(0, year).replace(/[\s,(]+$/, '') || null;
}

/** "Shirkoohi, S. M., & Muhammad Mohiuddin (2025)": an entry's authors and year as written. */
export function referenceLabel(reference: AuditReference): string {
  const authors = writtenAuthors(reference)?.replace(/(\p{L}{2})\.$/u, '$1');
  if (authors) return `${authors} (${reference.year ?? ''})`;
  const text = cleanEntry(reference.raw);
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

export function quote(text: string, limit = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
