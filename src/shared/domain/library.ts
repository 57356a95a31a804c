// The project's reference library: works kept as CSL-JSON, the interchange that BibTeX, RIS and
// Zotero exports are read into and that citeproc formats. This module holds the pure rules: what
// a reference is listed as, when two records are the same work, and how a duplicate is merged.
import { foldName, foldText } from './audit/normalize';
import type { ParsedReference } from './audit/types';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  literal?: string;
  raw?: string;
}

/** A CSL-JSON item. Only the fields Quarry reads are typed; every other field is kept as it came. */
export interface CslItem {
  id?: string;
  type?: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  DOI?: string;
  URL?: string;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  'publisher-place'?: string;
  'citation-key'?: string;
  [field: string]: unknown;
}

/** The CSL types a reference can be given by hand; imported ones keep whatever type they came with. */
export const referenceTypes = ['article-journal', 'book', 'chapter', 'paper-conference', 'report', 'thesis', 'webpage', 'dataset', 'document'] as const;
export type ReferenceType = (typeof referenceTypes)[number];

export const referenceTypeLabels: Record<ReferenceType, string> = {
  'article-journal': 'Journal article',
  book: 'Book',
  chapter: 'Book chapter',
  'paper-conference': 'Conference paper',
  report: 'Report',
  thesis: 'Thesis',
  webpage: 'Web page',
  dataset: 'Data set',
  document: 'Other document',
};

export interface LibraryReference {
  id: string;
  /** The CSL type: article-journal, book, chapter … */
  type: string;
  /** The BibTeX key it came with, kept for exporting it back. */
  citationKey: string | null;
  /** Family names of persons, or whole names of organisations, in order. */
  authors: string[];
  year: string | null;
  title: string;
  /** Lower case, without a doi.org prefix. */
  doi: string | null;
  csl: CslItem;
  /** The project source holding the work's full text. */
  fullTextSourceId: string | null;
  /** What brought it in: a file name, "added by hand", an audited manuscript's title. */
  origin: string;
  createdAt: string;
  updatedAt: string;
}

/** What a reference is listed, matched and de-duplicated by, derived from its CSL item. */
export interface ReferenceIdentity {
  type: string;
  authors: string[];
  year: string | null;
  title: string;
  doi: string | null;
  /** Normalised family names + year + title; '' when the item has no title to match on. */
  workKey: string;
}

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

/** "https://doi.org/10.1000/XYZ." -> "10.1000/xyz"; null for anything that is not a DOI. */
export function normaliseDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const doi = raw.trim().replace(DOI_PREFIX, '').replace(/[.,;]+$/, '').toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}

/** A person's family name with its particle ("van den Berg"), or an organisation's whole name. */
export function familyName(name: CslName): string {
  if (name.family) return [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return name.literal ?? name.given ?? '';
}

export function familyNames(names: readonly CslName[] | undefined): string[] {
  return (names ?? []).map(familyName).filter((n) => n !== '');
}

/** The year it was issued, as written: 2021; null when it has none. */
export function yearOf(item: CslItem): string | null {
  const part = item.issued?.['date-parts']?.[0]?.[0];
  if (part !== undefined && String(part).trim() !== '') return String(part);
  // Imported items are untrusted: a literal or raw date may come as something other than text.
  const written = item.issued?.literal ?? item.issued?.raw;
  return written === undefined ? null : (String(written).match(/\b\d{4}\b/)?.[0] ?? null);
}

/** The names it is cited by: its authors, or the editors of an edited volume without authors. */
function creatorsOf(item: CslItem): string[] {
  const authors = familyNames(item.author);
  return authors.length > 0 ? authors : familyNames(item.editor);
}

export function workKey(authors: readonly string[], year: string | null, title: string): string {
  const foldedTitle = foldText(title);
  if (foldedTitle === '') return '';
  return [authors.map(foldName).join(' '), year ?? '', foldedTitle].join('|');
}

export function identityOf(item: CslItem): ReferenceIdentity {
  const authors = creatorsOf(item);
  const year = yearOf(item);
  const title = (item.title ?? '').trim();
  return { type: item.type ?? 'document', authors, year, title, doi: normaliseDoi(item.DOI), workKey: workKey(authors, year, title) };
}

/**
 * Two records describe the same work when their DOIs agree; when either has no DOI, when their
 * family names, year and title agree once case, accents and punctuation are set aside. Two
 * different DOIs are two works (a preprint and its article), whatever else they share.
 */
export function sameWork(a: Pick<ReferenceIdentity, 'doi' | 'workKey'>, b: Pick<ReferenceIdentity, 'doi' | 'workKey'>): boolean {
  if (a.doi && b.doi) return a.doi === b.doi;
  return a.workKey !== '' && a.workKey === b.workKey;
}

/** Fields Quarry manages itself, never taken from a record merged in. */
const OWN_FIELDS = new Set(['id', '_graph', 'citation-key']);

/** The kept record with every field it lacks taken from the incoming one; nothing it has is overwritten. */
export function mergeCsl(kept: CslItem, incoming: CslItem): CslItem {
  const merged: CslItem = { ...kept };
  for (const [field, value] of Object.entries(incoming)) {
    if (OWN_FIELDS.has(field) || value === undefined || value === null || value === '') continue;
    const current = merged[field];
    if (current === undefined || current === null || current === '' || (Array.isArray(current) && current.length === 0)) merged[field] = value;
  }
  if (!merged['citation-key'] && incoming['citation-key']) merged['citation-key'] = incoming['citation-key'];
  return merged;
}

const DATE_FIELDS = ['issued', 'accessed', 'original-date', 'event-date', 'submitted'] as const;

/** A date as CSL-JSON has it; a reader may hand over a repeated field's values as a list, of which the first readable one is kept. */
function cleanDate(date: unknown): CslDate | undefined {
  if (typeof date !== 'object' || date === null) return undefined;
  const { 'date-parts': parts, literal, raw } = date as Record<string, unknown>;
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) return { 'date-parts': parts as CslDate['date-parts'] };
  const written = [raw, literal].flat().find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (written === undefined) return undefined;
  const ymd = written.match(/^(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?/);
  if (!ymd) return { literal: written };
  const numbers: number[] = [];
  for (const part of ymd.slice(1)) {
    if (part === undefined || Number(part) === 0) break;
    numbers.push(Number(part));
  }
  return { 'date-parts': [numbers] };
}

/** A CSL item with its DOI normalised, its dates in CSL's shape and Quarry's own fields removed, as the library stores it. */
export function cleanCsl(item: CslItem): CslItem {
  const { id: _id, _graph: _graphData, ...rest } = item;
  for (const field of DATE_FIELDS) {
    if (!(field in rest)) continue;
    const date = cleanDate(rest[field]);
    if (date) rest[field] = date;
    else delete rest[field];
  }
  if (Array.isArray(rest.title)) rest.title = rest.title.join(' ');
  // A DOI given only as its doi.org address is still the DOI.
  const doi = normaliseDoi(rest.DOI) ?? (typeof rest.URL === 'string' && DOI_PREFIX.test(rest.URL) ? normaliseDoi(rest.URL) : null);
  if (doi) rest.DOI = doi;
  else delete rest.DOI;
  return rest;
}

/** An audited manuscript's reference entry as a CSL item: names are family names only, as the list gives them. */
export function cslFromParsed(entry: ParsedReference): CslItem {
  const item: CslItem = { type: entry.container ? 'article-journal' : 'document', title: entry.title ?? '' };
  if (entry.authors.length > 0) item.author = entry.authors.map((family) => ({ family }));
  if (entry.editors.length > 0) item.editor = entry.editors.map((family) => ({ family }));
  const year = entry.year?.match(/\d{4}/)?.[0];
  if (year) item.issued = { 'date-parts': [[Number(year)]] };
  else if (entry.year) item.issued = { literal: entry.year };
  if (entry.container) item['container-title'] = entry.container;
  if (entry.volume) item.volume = entry.volume;
  if (entry.issue) item.issue = entry.issue;
  if (entry.pages) item.page = entry.pages;
  const doi = normaliseDoi(entry.doi);
  if (doi) item.DOI = doi;
  if (entry.url) item.URL = entry.url;
  return item;
}

/** What a person types to add a reference: authors as "Family, Given" or an organisation's name, one per entry. */
export interface ReferenceFields {
  type: ReferenceType;
  title: string;
  authors: string[];
  year?: string;
  container?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  doi?: string;
  url?: string;
}

/** "Lim, Kevin" is a person; a name without a comma ("World Bank") is kept whole, as an organisation's. */
function nameFromText(text: string): CslName {
  const [family, given] = text.split(/,(.*)/s).map((part) => part.trim());
  return given ? { family: family ?? '', given } : { literal: text.trim() };
}

export function cslFromFields(fields: ReferenceFields): CslItem {
  const item: CslItem = { type: fields.type, title: fields.title.trim() };
  const authors = fields.authors.map((a) => a.trim()).filter(Boolean);
  if (authors.length > 0) item.author = authors.map(nameFromText);
  const year = fields.year?.trim();
  if (year) item.issued = /^\d{4}$/.test(year) ? { 'date-parts': [[Number(year)]] } : { literal: year };
  const text: Array<[keyof ReferenceFields, string]> = [
    ['container', 'container-title'],
    ['volume', 'volume'],
    ['issue', 'issue'],
    ['pages', 'page'],
    ['publisher', 'publisher'],
    ['url', 'URL'],
  ];
  for (const [from, to] of text) {
    const value = (fields[from] as string | undefined)?.trim();
    if (value) item[to] = value;
  }
  const doi = normaliseDoi(fields.doi);
  if (doi) item.DOI = doi;
  return item;
}

/** A one-line label: "Lim & Tan (2020) Parcels abroad". */
export function referenceLabel(reference: Pick<ReferenceIdentity, 'authors' | 'year' | 'title'>): string {
  const names = reference.authors.length > 2 ? `${reference.authors[0]} et al.` : reference.authors.join(' & ');
  return `${names || 'Anon.'} (${reference.year ?? 'n.d.'}) ${reference.title}`.trim();
}
