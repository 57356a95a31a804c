// Resolving detected citations against the parsed reference list.
import type { DetectedCitation } from './citations';
import { foldName, foldText, isNearName, namesEqual } from './normalize';
import type { AuditCitation, AuditReference } from './types';

type Fit = 'exact' | 'partial';

/** How well the cited names fit an entry's authors: the first must be first, the rest present. */
function authorFit(cited: string[], etAl: boolean, authors: string[]): Fit | null {
  const [first, ...others] = cited;
  const [entryFirst] = authors;
  if (first === undefined || entryFirst === undefined || !namesEqual(first, entryFirst)) return null;
  if (!others.every((name) => authors.slice(1).some((author) => namesEqual(name, author)))) return null;
  if (etAl) return authors.length >= 2 ? 'exact' : 'partial';
  return authors.length === cited.length ? 'exact' : 'partial';
}

/**
 * Whether a citation that fits no entry exactly is a misspelling of this entry's authors: each
 * cited name pairs with a different author, equal or close. A name spelt right lets the others
 * be one edit further off; several names may come in another order, a single one must be first.
 */
function nearAuthors(cited: string[], authors: string[]): boolean {
  const [first] = cited;
  const [entryFirst] = authors;
  if (first === undefined || entryFirst === undefined) return false;
  if (cited.length === 1) return namesEqual(first, entryFirst) || isNearName(first, entryFirst);
  const anchored = cited.some((name) => authors.some((author) => namesEqual(name, author)));
  const unpaired = [...authors];
  for (const name of cited) {
    const index = unpaired.findIndex((author) => namesEqual(name, author) || isNearName(name, author, anchored ? 1 : 0));
    if (index < 0) return false;
    unpaired.splice(index, 1);
  }
  return true;
}

function baseYear(year: string | null): string {
  return (year ?? '').replace(/(\d{4})[a-z]$/, '$1');
}

/** Entries that describe the same work: same DOI, or same authors, year and title. */
export function findDuplicates(references: AuditReference[]): Array<[AuditReference, AuditReference]> {
  const pairs: Array<[AuditReference, AuditReference]> = [];
  const firstByKey = new Map<string, AuditReference>();
  for (const reference of references) {
    const titleKey = foldText(reference.title ?? '');
    const keys = [
      reference.doi ? `doi:${reference.doi.toLowerCase()}` : null,
      titleKey.length >= 12 ? `work:${reference.authors.map(foldName).join('+')}|${reference.year ?? ''}|${titleKey}` : null,
      `raw:${foldText(reference.raw)}`,
    ].filter((key): key is string => key !== null);
    const original = keys.map((key) => firstByKey.get(key)).find((found) => found !== undefined);
    if (original) pairs.push([original, reference]);
    for (const key of keys) if (!firstByKey.has(key)) firstByKey.set(key, reference);
  }
  return pairs;
}

export function resolveCitations(detected: DetectedCitation[], references: AuditReference[]): AuditCitation[] {
  const duplicateOf = new Map(findDuplicates(references).map(([original, copy]) => [copy.id, original.id]));
  const byLabel = new Map<string, AuditReference>();
  references.forEach((reference, index) => byLabel.set(reference.label ?? String(index + 1), reference));
  const byFirstAuthor = new Map<string, AuditReference[]>();
  for (const reference of references) {
    const key = foldName(reference.authors[0] ?? '');
    byFirstAuthor.set(key, [...(byFirstAuthor.get(key) ?? []), reference]);
  }
  const occurrences = new Map<string, number>();

  return detected.map((citation) => {
    const occurrenceKey = citation.style === 'numeric' ? `#${citation.label ?? ''}` : `${citation.authors.map(foldName).join('+')}|${citation.year}`;
    const occurrence = occurrences.get(occurrenceKey) ?? 0;
    occurrences.set(occurrenceKey, occurrence + 1);
    const base = { text: citation.text, authors: citation.authors, year: citation.year, start: citation.start, end: citation.end, style: citation.style, etAl: citation.etAl, occurrence };

    if (citation.style === 'numeric') {
      const reference = byLabel.get(citation.label ?? '');
      return { ...base, referenceIds: reference ? [reference.id] : [], status: reference ? 'matched' : 'missing' };
    }

    const firstKey = foldName(citation.authors[0] ?? '');
    const lastWordKey = foldName(citation.authors[0]?.split(/\s+/).pop() ?? '');
    const pool = [...new Set([...(byFirstAuthor.get(firstKey) ?? []), ...(byFirstAuthor.get(lastWordKey) ?? [])])];
    const fitting = (pool.length > 0 ? pool : references)
      .map((reference) => ({ reference, fit: authorFit(citation.authors, citation.etAl, reference.authors) }))
      .filter((entry): entry is { reference: AuditReference; fit: Fit } => entry.fit !== null);

    const exactYear = fitting.filter(({ reference }) => reference.year === citation.year);
    const looseYear = fitting.filter(({ reference }) => baseYear(reference.year) === baseYear(citation.year));
    let sameYear = exactYear.length > 0 ? exactYear : looseYear;
    if (sameYear.some(({ fit }) => fit === 'exact')) sameYear = sameYear.filter(({ fit }) => fit === 'exact');
    const distinct = sameYear.filter(({ reference }) => !duplicateOf.has(reference.id));
    if (distinct.length === 1 && distinct[0]) return { ...base, referenceIds: [distinct[0].reference.id], status: 'matched' };
    if (distinct.length > 1) return { ...base, referenceIds: distinct.map(({ reference }) => reference.id), status: 'ambiguous' };
    if (fitting.length > 0) {
      const best = fitting.some(({ fit }) => fit === 'exact') ? fitting.filter(({ fit }) => fit === 'exact') : fitting;
      return { ...base, referenceIds: best.map(({ reference }) => reference.id), status: 'year-mismatch' };
    }
    const near = references.filter((reference) => baseYear(reference.year) === baseYear(citation.year) && nearAuthors(citation.authors, reference.authors));
    if (near.length > 0) return { ...base, referenceIds: near.map((reference) => reference.id), status: 'near-match' };
    return { ...base, referenceIds: [], status: 'missing' };
  });
}
