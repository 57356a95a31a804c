import type { Passage, SourceKind } from '../model';

/** What a guess at a source's kind looks at: its file name (if any), its text and its passages. */
export interface KindEvidence {
  fileName: string | null;
  text: string;
  passages: ReadonlyArray<Pick<Passage, 'kind' | 'start' | 'end'>>;
}

/** Sections that scholarly papers have and other documents rarely do, standing alone as a heading or label. */
const PAPER_SECTION = /^(?:\d+(?:\.\d+)*\.?\s+)?(?:abstract|references|bibliography|works cited|literature cited|daftar pustaka|literaturverzeichnis|références|referencias)\s*[:.]?$/i;
const ABSTRACT_LABEL = /^abstract\s*[:.—–-]/i;
/** An author–year citation: (Lim, 2020), (Tan & Ong 2019: 4), Lim et al. (2021). */
const CITATION = /\(\s*\p{Lu}[\p{L}'’-]+(?:\s+(?:et al\.|and|&)\s*(?:\p{Lu}[\p{L}'’-]+)?)?,?\s+(?:19|20)\d\d[a-z]?\b|\p{Lu}[\p{L}'’-]+\s+et al\.\s+\((?:19|20)\d\d/gu;
const DOI = /\b10\.\d{4,9}\/\S+/;
/** Words by which observers head their notes. */
const NOTE_WORDS = /\b(?:field ?notes?|fieldwork notes?|observation notes?|site visit|observed|catatan lapangan)\b/i;
const NOTE_FILE = /(?:^|[^a-z])(?:field)?notes?(?:[^a-z]|$)|observation/i;
const TRANSCRIPT_FILE = /transcript|interview|focus.?group|wawancara/i;

/**
 * A first guess at what a source is, from what it holds as well as what it is called; the
 * researcher can change it. A text divided into speaker turns is a transcript; one with an
 * abstract or a reference list, or citing others by author and year throughout, is a paper;
 * notes say so in their name or first lines; anything else is a document.
 */
export function guessKind({ fileName, text, passages }: KindEvidence): SourceKind {
  const body = passages.filter((p) => p.kind !== 'heading');
  const turns = passages.filter((p) => p.kind === 'turn').length;
  if (turns >= 2 && turns * 3 >= body.length) return 'transcript';
  const name = fileName ?? '';
  if (TRANSCRIPT_FILE.test(name)) return 'transcript';
  const opening = (p: Pick<Passage, 'start' | 'end'>) => text.slice(p.start, Math.min(p.end, p.start + 60));
  const sections = passages.filter((p) => (p.end - p.start <= 40 && PAPER_SECTION.test(text.slice(p.start, p.end).trim())) || ABSTRACT_LABEL.test(opening(p))).length;
  const citations = text.match(CITATION)?.length ?? 0;
  if (sections > 0 || citations >= 3 || (citations >= 1 && DOI.test(text))) return 'paper';
  const firstLines = passages.slice(0, 3).map(opening).join(' ');
  if (NOTE_FILE.test(name) || NOTE_WORDS.test(firstLines)) return 'note';
  return 'document';
}
