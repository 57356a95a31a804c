// Resolving detected citations against the parsed reference list.
import type { DetectedCitation } from './citations';
import { writtenAuthors } from './labels';
import { titleNames, type NoteCitation } from './notes';
import { foldName, foldText, isNearName, namesEqual, yearKey } from './normalize';
import type { AuditCitation, AuditReference } from './types';

type Fit = 'exact' | 'partial';

/**
 * How well the cited names fit an entry's authors: exactly when they are its first authors in
 * order, and with "et al." when the entry has more authors than the names written; partly when
 * the co-authors are all there but in another order, the entry has more authors than cited
 * without "et al.", or "et al." stands for one co-author. "Osei et al." does not fit the single
 * author "Osei", nor "Nakamura and Reyes" an entry without Reyes.
 */
function authorFit(cited: string[], etAl: boolean, authors: string[], truncated: boolean): Fit | null {
  const [first, ...others] = cited;
  const [entryFirst] = authors;
  if (first === undefined || entryFirst === undefined || !namesEqual(first, entryFirst)) return null;
  if (!others.every((name) => authors.slice(1).some((author) => namesEqual(name, author)))) return null;
  if (etAl && authors.length <= cited.length && !truncated) return null;
  const inOrder = others.every((name, index) => namesEqual(name, authors[index + 1] ?? ''));
  // No common style writes "et al." for a second author alone: such a work fits only partly.
  if (!inOrder || (etAl && authors.length === 2 && !truncated)) return 'partial';
  return etAl || authors.length === cited.length ? 'exact' : 'partial';
}

const TRUNCATED_LIST = /\bet\s*al\b|\band\s+others\b|…/u;

/** Entries whose own author list ends in "et al." ("Okafor, N. et al. (2016)"): they have more authors than they name. */
function truncatedLists(references: AuditReference[]): Set<string> {
  return new Set(references.filter((reference) => TRUNCATED_LIST.test(writtenAuthors(reference) ?? '')).map((reference) => reference.id));
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
  return yearKey(year).replace(/(\d{4})[a-z]$/, '$1');
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

/**
 * The most names this manuscript writes out in full for one work, when it cites some work by all
 * of its two or more authors: "et al." then stands for more authors than that (APA writes two
 * names, Chicago and Harvard up to three).
 */
function namesWrittenInFull(detected: DetectedCitation[], references: AuditReference[], truncated: Set<string>): number {
  let most = 0;
  for (const citation of detected) {
    if (citation.etAl || citation.style === 'numeric' || citation.authors.length < 2 || citation.authors.length <= most) continue;
    if (references.some((reference) => reference.authors.length === citation.authors.length && authorFit(citation.authors, false, reference.authors, truncated.has(reference.id)) === 'exact')) most = citation.authors.length;
  }
  return most;
}

type Resolution = Pick<AuditCitation, 'referenceIds' | 'status'>;

/** The first word of a title: "MortalityLaws" of "MortalityLaws: Parametric Models", "Tidewater" of "The Tidewater Package". */
function titleOpening(title: string | null): string {
  const words = (title ?? '').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return (/^(?:the|a|an)$/iu.test(words[0] ?? '') ? words[1] : words[0]) ?? '';
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
  const truncated = truncatedLists(references);
  const inFull = namesWrittenInFull(detected, references, truncated);

  const fittingEntries = (authors: string[], etAl: boolean): Array<{ reference: AuditReference; fit: Fit }> => {
    const firstKey = foldName(authors[0] ?? '');
    const lastWordKey = foldName(authors[0]?.split(/\s+/).pop() ?? '');
    const pool = [...new Set([...(byFirstAuthor.get(firstKey) ?? []), ...(byFirstAuthor.get(lastWordKey) ?? [])])];
    return (pool.length > 0 ? pool : references)
      .map((reference) => ({ reference, fit: authorFit(authors, etAl, reference.authors, truncated.has(reference.id)) }))
      .filter((entry): entry is { reference: AuditReference; fit: Fit } => entry.fit !== null);
  };

  /** The entries of the cited year among those whose authors fit; null when none has that year. */
  const sameYear = (fitting: Array<{ reference: AuditReference; fit: Fit }>, year: string, etAl: boolean): AuditReference[] | null => {
    const exactYear = fitting.filter(({ reference }) => yearKey(reference.year) === yearKey(year));
    let chosen = exactYear.length > 0 ? exactYear : fitting.filter(({ reference }) => baseYear(reference.year) === baseYear(year));
    if (chosen.some(({ fit }) => fit === 'exact')) chosen = chosen.filter(({ fit }) => fit === 'exact');
    // "et al." where the manuscript writes three names in full is not a three-author work.
    const more = chosen.filter(({ reference }) => truncated.has(reference.id) || reference.authors.length > inFull);
    if (etAl && inFull > 0 && more.length > 0) chosen = more;
    const distinct = chosen.filter(({ reference }) => !duplicateOf.has(reference.id)).map(({ reference }) => reference);
    return distinct.length > 0 ? distinct : null;
  };

  const resolve = (citation: DetectedCitation): Resolution & { authors: string[]; start: number } => {
    const found = (entries: AuditReference[]): Resolution => ({ referenceIds: entries.map((reference) => reference.id), status: entries.length === 1 ? 'matched' : 'ambiguous' });
    if (citation.titleWords) {
      // The nearest word before the year that opens the title of one entry of that year.
      for (const { word, start } of [...citation.titleWords].reverse()) {
        const titled = references.filter((reference) => yearKey(reference.year) === yearKey(citation.year) && foldName(titleOpening(reference.title)) === foldName(word) && foldName(word).length >= 3);
        if (titled.length === 1 && titled[0]) return { ...found(titled), authors: [word], start };
      }
      return { referenceIds: [], status: 'missing', authors: [], start: citation.start };
    }
    const fitting = fittingEntries(citation.authors, citation.etAl);
    const entries = sameYear(fitting, citation.year, citation.etAl);
    if (entries) return { ...found(entries), authors: citation.authors, start: citation.start };
    // Words before a narrative citation can read as names ("LASSO, Tibshirani and Hastie (2015)"):
    // when the names as read fit no entry, the last of them may.
    if (fitting.length === 0) {
      for (let drop = 1; drop < citation.authors.length; drop += 1) {
        const authors = citation.authors.slice(drop);
        const offset = citation.text.indexOf(authors[0] ?? '');
        const shorter = offset < 0 ? null : sameYear(fittingEntries(authors, citation.etAl).filter(({ fit }) => fit === 'exact'), citation.year, citation.etAl);
        if (shorter) return { ...found(shorter), authors, start: citation.start + offset };
      }
    }
    if (fitting.length > 0) {
      const best = fitting.some(({ fit }) => fit === 'exact') ? fitting.filter(({ fit }) => fit === 'exact') : fitting;
      return { referenceIds: best.map(({ reference }) => reference.id), status: 'year-mismatch', authors: citation.authors, start: citation.start };
    }
    const near = references.filter((reference) => baseYear(reference.year) === baseYear(citation.year) && nearAuthors(citation.authors, reference.authors));
    if (near.length > 0) return { referenceIds: near.map((reference) => reference.id), status: 'near-match', authors: citation.authors, start: citation.start };
    return { referenceIds: [], status: 'missing', authors: citation.authors, start: citation.start };
  };

  /**
   * A note resolves to the entry of its first author whose title it names; "Ibid." to the work of
   * the note before it, and a short note to the work of the earlier full note it shortens.
   */
  const resolvedNotes: Array<{ note: NoteCitation; resolution: Resolution }> = [];
  const resolveNote = (note: NoteCitation): Resolution => {
    const previous = resolvedNotes[resolvedNotes.length - 1];
    if (note.ibid) return previous ? previous.resolution : { referenceIds: [], status: 'missing' };
    const sameWork = (other: NoteCitation): boolean => other.full && !other.ibid && namesEqual(other.authors[0] ?? '', note.authors[0] ?? '') && note.noteTitle !== null && titleNames(note.noteTitle, other.noteTitle);
    const earlier = note.full ? undefined : resolvedNotes.find(({ note: other }) => sameWork(other));
    if (earlier) return earlier.resolution;
    const byAuthor = references.filter((reference) => namesEqual(note.authors[0] ?? '', reference.authors[0] ?? ''));
    const titled = note.noteTitle === null ? byAuthor : byAuthor.filter((reference) => titleNames(note.noteTitle ?? '', reference.title));
    const chosen = titled.length > 0 ? titled : byAuthor.length === 1 && note.noteTitle === null ? byAuthor : [];
    if (chosen.length === 0) return { referenceIds: [], status: 'missing' };
    return { referenceIds: chosen.map((reference) => reference.id), status: chosen.length === 1 ? 'matched' : 'ambiguous' };
  };

  const occurrences = new Map<string, number>();
  return detected.map((citation) => {
    if (citation.style === 'note') {
      const note = citation as NoteCitation;
      const resolution = resolveNote(note);
      resolvedNotes.push({ note, resolution });
      const entry = references.find((reference) => reference.id === resolution.referenceIds[0]);
      // "Ibid." names no one: it stands for the authors and year of the work it resolves to.
      const authors = note.authors.length > 0 ? note.authors : (entry?.authors.slice(0, 1) ?? []);
      return withOccurrence(occurrences, { ...citation, authors, year: entry?.year ?? citation.year }, resolution);
    }
    if (citation.style === 'numeric') {
      const reference = byLabel.get(citation.label ?? '');
      return withOccurrence(occurrences, citation, { referenceIds: reference ? [reference.id] : [], status: reference ? 'matched' : 'missing' });
    }
    const { authors, start, ...resolution } = resolve(citation);
    return withOccurrence(occurrences, { ...citation, authors, start, text: citation.text.slice(start - citation.start) }, resolution);
  });
}

function withOccurrence(occurrences: Map<string, number>, citation: DetectedCitation, resolution: Resolution): AuditCitation {
  const key = citation.style === 'numeric' ? `#${citation.label ?? ''}` : `${citation.authors.map(foldName).join('+')}|${citation.year}`;
  const occurrence = occurrences.get(key) ?? 0;
  occurrences.set(key, occurrence + 1);
  const { text, authors, year, start, end, style, etAl } = citation;
  return { text, authors, year, start, end, style, etAl, occurrence, ...resolution };
}
