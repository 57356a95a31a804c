// From tagged tokens to the fields of a parsed reference: each field is the first run of tokens
// with its label, cut from the entry and tidied (brackets, quotes and closing punctuation off;
// names, a year, a volume and issue, a page range read out of their runs).
import { splitReferenceAuthors } from '../authors';
import { normalizeYear, withoutClosingPunctuation } from '../normalize';
import type { ParsedReference } from '../types';
import type { Token } from './tokens';

/** The labels the tagger assigns, after anystyle's; the rarest of anystyle's become `other`. */
export const REFERENCE_LABELS = [
  'author',
  'editor',
  'translator',
  'date',
  'title',
  'container-title',
  'journal',
  'collection-title',
  'volume',
  'pages',
  'edition',
  'genre',
  'publisher',
  'location',
  'note',
  'citation-number',
  'doi',
  'url',
  'isbn',
  'other',
] as const;
export type ReferenceLabel = (typeof REFERENCE_LABELS)[number];

export function toReferenceLabel(tag: string): ReferenceLabel {
  return (REFERENCE_LABELS as readonly string[]).includes(tag) ? (tag as ReferenceLabel) : 'other';
}

export interface TaggedSpan {
  label: ReferenceLabel;
  start: number;
  end: number;
}

/** Consecutive tokens with one label, as offsets into the entry. */
export function spansOf(tokens: Token[], labels: ReferenceLabel[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  tokens.forEach((token, index) => {
    const label = labels[index] ?? 'other';
    const last = spans[spans.length - 1];
    if (last && last.label === label) last.end = token.end;
    else spans.push({ label, start: token.start, end: token.end });
  });
  return spans;
}

const YEAR = /(?<![\d/])(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\d/])/u;
const UNDATED = /\bn\.\s?d\b\.?|\bno date\b|\bin press\b|\bforthcoming\b|\bs\.\s?f\./iu;

function yearIn(text: string): string | null {
  const year = YEAR.exec(text)?.[0];
  if (year) return normalizeYear(year);
  const undated = UNDATED.exec(text)?.[0];
  return undated ? normalizeYear(undated) : null;
}

/** Brackets, quotes and punctuation around a field. */
function tidy(value: string): string {
  let result = value.trim();
  for (;;) {
    const next = result
      .replace(/^[\s.,:;]+|[\s.,:;]+$/gu, '')
      .replace(/^["“”'‘’«»„]+|["“”'‘’«»]+$/gu, '')
      .replace(/^\(([^()]*)\)$/u, '$1')
      .replace(/^\[([^[\]]*)\]$/u, '$1')
      .replace(/^\(([^()]*)$/u, '$1')
      .replace(/^([^()]*)\)$/u, '$1');
    if (next === result) return result;
    result = next;
  }
}

const PAGE_RANGE = /[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—‑]+\s*[A-Za-z]?\d+[A-Za-z]?)?/u;

export function pagesIn(text: string): string | null {
  return PAGE_RANGE.exec(text.replace(/\b(?:pp?|pages?|S)\.?\s*/u, ''))?.[0].replace(/\s+/g, '') ?? null;
}

export interface Locator {
  volume: string | null;
  issue: string | null;
  /** Pages written straight after the issue in one token: "127(1):79–183". */
  pages: string | null;
  /** A year written before the volume in one token: "2012;30(15):". */
  year: string | null;
}

/** "23(6)", "Vol. 3, No. 2", "12 (3-4)", "XI", "2012;30(15):", "127(1):79–183". */
export function locatorIn(text: string): Locator {
  let rest = text.replace(/\b(?:vols?|volume|bd|tome|t|v)\.?\s*/giu, '');
  const year = /^\s*((?:1[5-9]|20)\d\d)\s*;\s*/u.exec(rest);
  if (year) rest = rest.slice(year[0].length);
  const gluedPages = /:\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—‑]+\s*[A-Za-z]?\d+)?)\s*[.,;]?\s*$/u.exec(rest);
  if (gluedPages) rest = rest.slice(0, gluedPages.index);
  const volume = /(?<!\p{L})(\d+(?:[-–/]\d+)?|[IVXLC]+)(?!\p{L})/u.exec(rest);
  const after = volume ? rest.slice(volume.index + volume[0].length) : rest;
  const issue = /\(([^)]+)\)|(?:no|nr|n°|n|issue|iss|heft|number)\.?\s*(\d+(?:[-–/]\d+)?)|[.,:]\s*(\d+(?:[-–/]\d+)?)/iu.exec(after);
  return {
    volume: volume?.[1] ?? null,
    issue: tidy(issue?.[1] ?? issue?.[2] ?? issue?.[3] ?? '') || null,
    pages: gluedPages?.[1]?.replace(/\s+/g, '') ?? null,
    year: year?.[1] ?? null,
  };
}

const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/u;
const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"]+/iu;
/** A DOI written as a link, which is the DOI and not a second address. */
const DOI_LINK = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\//iu;
/** "(Eds.)", "eds.", "editors", "(Hrsg.)" closing a list of names: they edited the work. */
const EDITED = /[\s,(]*\b(?:eds?|editors?|hrsg|hg|dir|coords?|comps?)\b\.?\)?[.,:;]?\s*$/iu;
const EDITOR_WORDS = /^(?:In|Dans|Im)\b:?\s*|\(?\b(?:edited|eds?|editors?|hrsg|hg|éds?|dir|coords?)\b\.?\)?\s*(?:by\s+)?/giu;

export function fieldsFromSpans(text: string, spans: TaggedSpan[]): ParsedReference {
  const first = (...labels: ReferenceLabel[]): string | null => {
    const span = spans.find((candidate) => labels.includes(candidate.label));
    return span ? text.slice(span.start, span.end) : null;
  };
  const authorText = first('author') ?? '';
  const edited = EDITED.test(authorText);
  const editorText = edited ? authorText : (first('editor') ?? '');
  const locator = locatorIn(first('volume') ?? '');
  const pages = first('pages');
  // The address as labelled, rejoined where a line break split it ("http://www. boston.com/...").
  const labelledUrl = first('url')?.replace(/\s+/g, '').replace(/^(?:url|link):?/iu, '').replace(/^[<([]+|>[.,;]*$/gu, '') || null;
  const address = labelledUrl ?? WEB_ADDRESS.exec(text)?.[0] ?? null;
  // A DOI written as a link (https://doi.org/10...) is the DOI, not a second address.
  const doi = DOI.exec(first('doi') ?? '')?.[0] ?? DOI.exec(text)?.[0];
  const url = address && !(doi && DOI_LINK.test(address)) ? address : null;
  return {
    authors: edited ? [] : splitReferenceAuthors(authorText).names,
    editors: splitReferenceAuthors(editorText.replace(EDITOR_WORDS, ' ')).names,
    year: yearIn(first('date') ?? '') ?? locator.year,
    title: tidy(first('title') ?? '') || null,
    container: tidy((first('container-title', 'journal') ?? '').replace(/^(?:In|Dans|Im)\b:?\s+/u, '')) || null,
    volume: locator.volume,
    issue: locator.issue,
    pages: pages ? pagesIn(pages) : locator.pages,
    doi: doi ? withoutClosingPunctuation(doi) : null,
    url: url ? withoutClosingPunctuation(url) : null,
  };
}
