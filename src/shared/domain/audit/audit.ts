import { buildClaims } from './claims';
import { findCitations, type DetectedCitation } from './citations';
import { findNotes, noteLine } from './notes';
import { buildFindings } from './findings';
import { writtenAuthors } from './labels';
import { foldName, foldText } from './normalize';
import { parseReference } from './parse-reference';
import { findReferenceList, REPEATED_AUTHORS } from './reference-list';
import { resolveCitations } from './resolve';
import type { AuditCitation, AuditClaim, AuditReference, AuditReport } from './types';

/** Numbered lists make bracketed numbers citations; otherwise "[3]" is too often something else. */
function isNumbered(references: AuditReference[]): boolean {
  return references.length > 0 && references.filter((reference) => reference.label !== null).length >= references.length * 0.6;
}

/**
 * A work listed without authors is cited by what stands before its year: a group the parser took
 * for a title ("The Axelrod project developers. (2016)."), or the title itself, as APA cites
 * anonymous works. Short texts only: a long one is a title cited by its first words, which this
 * does not guess.
 */
function authorlessName(raw: string, year: string | null): string[] {
  const before = writtenAuthors({ raw, year })?.replace(/[.,:;\s]+$/u, '');
  return before && before.split(/\s+/u).length <= 8 ? [before] : [];
}

/**
 * Audits the text of an imported source. Import keeps a .txt's line breaks line for line (and a
 * <br> as one); inside a paragraph they are layout, not structure, so the audit reads each as a
 * space, as it read such files before import kept them. Paragraphs stay apart (a blank line), and the
 * text keeps its length, so every offset of the report still points into the source's text.
 */
export function auditSourceText(text: string, onProgress?: AuditProgress): AuditReport {
  return auditText(text.replace(/(?<=[^\n])\n(?=[^\n])/g, ' '), onProgress);
}

/** How far an audit has come, for a progress bar: `done` of `total` steps, and what it is doing. */
export type AuditProgress = (progress: { done: number; total: number; label: string }) => void;

// Progress is reported after each this many reference entries: parsing them is most of the work.
const ENTRIES_PER_REPORT = 25;

export function auditText(text: string, onProgress: AuditProgress = () => {}): AuditReport {
  const list = findReferenceList(text);
  const references: AuditReference[] = [];
  // One step per reference entry, then citations, claims and findings.
  const total = list.entries.length + 3;
  list.entries.forEach((entry, index) => {
    if (index % ENTRIES_PER_REPORT === 0) onProgress({ done: index, total, label: `Reading reference ${index + 1} of ${list.entries.length}` });
    const parsed = parseReference(entry.raw);
    // An edited volume is cited by its editors' names; "———. 2019b." by the names of the entry before it.
    const repeated = REPEATED_AUTHORS.test(entry.raw.trim()) ? references[index - 1]?.authors : undefined;
    const authors = parsed.authors.length > 0 ? parsed.authors : parsed.editors.length > 0 ? parsed.editors : (repeated ?? authorlessName(entry.raw, parsed.year));
    references.push({ id: `ref-${index + 1}`, raw: entry.raw, start: entry.start, end: entry.end, label: entry.label, ...parsed, authors });
  });
  const excluded = list.location ? [list.location] : [];
  onProgress({ done: total - 3, total, label: 'Finding citations' });
  const numbered = isNumbered(references);
  // Notes cite entries of an unnumbered bibliography; in a numbered list, numbered lines are entries.
  const notes = numbered || references.length === 0 ? [] : findNotes(text, excluded);
  const found = [...findCitations(text, [...excluded, ...notes.map(noteLine)], numbered), ...notes].sort((a, b) => a.start - b.start || a.end - b.end);
  // A tentative citation ("CDLI contributors, 2024") stands only if an entry bears its name.
  const resolved = resolveCitations(found, references);
  const kept = found.map((_, index) => index).filter((index) => !found[index]?.tentative || resolved[index]?.referenceIds.length);
  const detected = kept.map((index) => found[index] as DetectedCitation);
  const citations = kept.map((index) => resolved[index] as AuditCitation);
  const body = list.location
    ? [
        { start: 0, end: list.location.start },
        { start: list.location.end, end: text.length },
      ]
    : [{ start: 0, end: text.length }];
  onProgress({ done: total - 2, total, label: 'Finding claims' });
  const claims = buildClaims(text, body, citations);
  onProgress({ done: total - 1, total, label: 'Checking citations against the references' });
  const findings = buildFindings(citations, detected, references, claims);

  const counts: Record<string, number> = {
    references: references.length,
    citations: citations.length,
    claims: claims.length,
    findings: findings.length,
  };
  for (const citation of citations) counts[`citations.${citation.status}`] = (counts[`citations.${citation.status}`] ?? 0) + 1;
  for (const finding of findings) counts[`findings.${finding.kind}`] = (counts[`findings.${finding.kind}`] ?? 0) + 1;
  return { referenceList: list.location, references, citations, claims, findings, counts };
}

/** Same authors, year and occurrence number give the same key on every run over the same text. */
export function citationKey(citation: AuditCitation): string {
  const who = citation.style === 'numeric' ? `#${citation.text}` : citation.authors.map(foldName).join('+');
  return `cite:${who}|${citation.year}|${citation.occurrence}`;
}

/** FNV-1a over the folded sentence, so edits to spacing, case or punctuation keep the key. */
export function claimKey(claim: AuditClaim): string {
  const folded = foldText(claim.text);
  let high = 0x811c9dc5;
  let low = 0x01000193;
  for (let index = 0; index < folded.length; index += 1) {
    const code = folded.charCodeAt(index);
    high = Math.imul(high ^ code, 0x01000193) >>> 0;
    low = Math.imul(low ^ code, 0x5bd1e995) >>> 0;
  }
  return `claim:${high.toString(16).padStart(8, '0')}${low.toString(16).padStart(8, '0')}`;
}
