// Claims: sentences that carry citations, and sentences that state a figure with nothing to
// support it.
import { splitSentences, type TextRange } from './sentences';
import type { AuditCitation, AuditClaim, ClaimFlag } from './types';

const MAGNITUDE = String.raw`(?:thousand|million|billion|trillion|bn|mn|juta|miliar|triliun)`;
const FIGURE = new RegExp(
  [
    String.raw`\d+(?:[.,]\d+)*\s*(?:%|percent\b|per\s+cent\b|percentage points?\b)`,
    String.raw`(?:[$€£¥₹]|\b(?:US\$|USD|IDR|Rp\.?|EUR|GBP|JPY|SGD|AUD|RMB|CNY))\s*\d`,
    String.raw`\d+(?:[.,]\d+)*\s*${MAGNITUDE}\b`,
    String.raw`\d+(?:[.,]\d+)*\s*(?:dollars|euros|rupiah|pounds|yen)\b`,
    String.raw`\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|hundred)-?fold\b`,
    String.raw`\b\d+(?:\.\d+)?\s*(?:times)\s+(?:more|higher|larger|greater|less|lower)\b`,
    String.raw`\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b`,
  ].join('|'),
  'iu',
);
/** Front matter whose figures repeat the body and are not expected to carry citations. */
const UNCHECKED_SECTION = /^(?:abstract|abstrak|summary|keywords?|article info|highlights)\b/iu;

export function statesFigure(sentence: string): boolean {
  return FIGURE.test(sentence.replace(/\\(?=[$%])/g, ''));
}

/**
 * Every sentence with a citation is a claim. A sentence with a figure but no citation is
 * supported by a citation closing the next sentence of its paragraph (a two-sentence statement)
 * or by a narrative citation in the previous one ("Smith (2020) reports ... . It rose 4%.").
 */
export function buildClaims(text: string, body: TextRange[], citations: AuditCitation[]): AuditClaim[] {
  const sentences = splitSentences(text, body);
  const citing = sentences.map(() => [] as number[]);
  let cursor = 0;
  const ordered = citations.map((citation, index) => ({ citation, index })).sort((a, b) => a.citation.start - b.citation.start);
  sentences.forEach((sentence, sentenceIndex) => {
    while (cursor < ordered.length && (ordered[cursor]?.citation.start ?? 0) < sentence.start) cursor += 1;
    for (let probe = cursor; probe < ordered.length; probe += 1) {
      const entry = ordered[probe];
      if (!entry || entry.citation.start >= sentence.end) break;
      citing[sentenceIndex]?.push(entry.index);
    }
  });

  const claims: AuditClaim[] = [];
  sentences.forEach((sentence, index) => {
    const sentenceText = text.slice(sentence.start, sentence.end);
    const own = citing[index] ?? [];
    const figure = statesFigure(sentenceText);
    const flags: ClaimFlag[] = figure ? ['figure'] : [];
    if (own.length > 0) {
      claims.push({ text: sentenceText, start: sentence.start, end: sentence.end, citationIndexes: [...own].sort((a, b) => a - b), flags });
      return;
    }
    if (!figure || UNCHECKED_SECTION.test(sentence.section ?? '')) return;
    const next = sentences[index + 1];
    const previous = sentences[index - 1];
    const fromNext = next && next.paragraph === sentence.paragraph ? (citing[index + 1] ?? []) : [];
    const fromPrevious =
      previous && previous.paragraph === sentence.paragraph ? (citing[index - 1] ?? []).filter((citationIndex) => citations[citationIndex]?.style === 'narrative') : [];
    const adjacent = fromNext.length > 0 ? fromNext : fromPrevious;
    if (adjacent.length > 0) flags.push('supported-by-adjacent');
    else flags.push('uncited-figure');
    claims.push({ text: sentenceText, start: sentence.start, end: sentence.end, citationIndexes: [...adjacent].sort((a, b) => a - b), flags });
  });
  return claims;
}
