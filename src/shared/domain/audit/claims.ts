// Claims: sentences that carry citations, and sentences that state a figure with nothing to
// support it.
import { splitSentences, type TextRange } from './sentences';
import type { AuditCitation, AuditClaim, ClaimFlag } from './types';

const MAGNITUDE = String.raw`(?:thousand|million|billion|trillion|bn|mn|juta|miliar|triliun)`;
const NUMBER_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|several|half\s+a)`;
/** Units of time, distance, mass, energy, area, data and rate that make a bare number a measurement. */
const UNIT = String.raw`(?:days?|hours?|hrs?|weeks?|minutes?|mins?|seconds?|km|kilomet(?:er|re)s?|miles?|kg|kilograms?|tonnes?|tons?|TEUs?|[kMGT]Wh?|litres?|liters?|barrels?|hectares?|ha|km2|km²|m2|m²|°C|ppm|[MG]bps|[GTP]B|basis\s+points|per\s+capita)`;
const FIGURE = new RegExp(
  [
    String.raw`\d+(?:[.,]\d+)*\s*(?:%|percent\b|per\s+cent\b|percentage points?\b)`,
    String.raw`(?:[$€£¥₹₱฿₫]|\b(?:US\$|USD|IDR|Rp\.?|EUR|GBP|JPY|SGD|AUD|RMB|CNY|PHP|MYR|RM|THB|VND|KHR|MMK|LAK|BND))\s*\d`,
    String.raw`(?:\d+(?:[.,]\d+)*|\b${NUMBER_WORD})\s*${MAGNITUDE}\b`,
    String.raw`\d+(?:[.,]\d+)*\s*(?:dollars|euros|rupiah|pounds|yen)\b`,
    String.raw`(?<![\w.])\d+(?:[.,]\d+)*\s*${UNIT}(?![\p{L}\d])`,
    String.raw`\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|hundred)-?fold\b`,
    String.raw`\b\d+(?:\.\d+)?\s*(?:times)\s+(?:more|higher|larger|greater|less|lower|faster|slower)\b`,
    String.raw`\b(?:doubled|tripled|trebled|quadrupled|halved)\b`,
    String.raw`\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b`,
  ].join('|'),
  'iu',
);
/** A decimal such as 4.1 or 58.63, which states a measured value unless it numbers a section, table, version or page. */
const DECIMAL = /(?<![\d.,])\d+\.\d+(?![\d.]|\.\d)/gu;
const NUMBERING_WORD = /(?:\b(?:sections?|sect|chapters?|ch|tables?|tab|figures?|figs?|eqs?|equations?|appendix|versions?|v|releases?|models?|articles?|art|paragraphs?|para|rules?|steps?|phases?|stages?|levels?|hypothes[ie]s|see|pp?|no|nos|vol|industry|web|society|iso|ipv)\.?|§|\bH)\s*\(?$/iu;

/** A decimal after a name or a standard is its version: "Contributor Covenant 2.1", "REFI-QDA standard 1.5", "Python 3.11". */
const NAMED_VERSION = /(?:(?<=\S\s+)\p{Lu}[\p{L}\d-]*|\b(?:standard|specification|spec|protocol|format|schema|licen[cs]e|edition|covenant|api|sdk))\s+$/u;

function statesDecimal(sentence: string): boolean {
  const text = sentence.replace(/^[\s#*_>([]+/u, '');
  for (const match of text.matchAll(DECIMAL)) {
    // "4.1 Results" opens a numbered heading or list item rather than stating a value.
    if (match.index === 0) continue;
    const before = text.slice(Math.max(0, match.index - 24), match.index);
    if (!NUMBERING_WORD.test(before) && !NAMED_VERSION.test(before)) return true;
  }
  return false;
}

/**
 * Front matter, whose figures repeat the body, and the method section, whose figures describe the
 * study itself ("we interviewed 24 officials over 3 weeks"): neither is expected to cite.
 */
const UNCHECKED_SECTION = /^(?:\d+(?:\.\d+)*\.?\s*)?(?:abstract|abstrak|summary|keywords?|article info|highlights|(?:research\s+)?method(?:s|ology)?|materials\s+and\s+methods|data\s+and\s+methods?|metode(?:\s+penelitian)?)\b/iu;

/** Marks of program code and console output: assignment arrows, prompts, namespaces, calls, indexing, fences. */
const CODE_MARKS = [/<-|->/u, /#>|^\s*>\s/mu, /::/u, /==|!=/u, /\w\$\w/u, /\w\[[^\]\s]*\]/u, /\w\([^()\s]*\)/u, /```|~~~/u, /\s=\s/u];

/** Code or console output, whose numbers are values computed, not figures to cite: two kinds of code mark at least. */
export function looksLikeCode(sentence: string): boolean {
  return CODE_MARKS.filter((mark) => mark.test(sentence)).length >= 2;
}

export function statesFigure(sentence: string): boolean {
  const text = sentence.replace(/\\(?=[$%])/g, '');
  return FIGURE.test(text) || statesDecimal(text);
}

/**
 * Every sentence with a citation is a claim, and so is a sentence that states a figure without
 * one: it is flagged, whatever its neighbours cite, since a citation supports the sentence it
 * stands in ("Smith (2020) studied ports. About 64 percent of sellers export." leaves the figure
 * unsupported).
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
    const figure = statesFigure(sentenceText) && !looksLikeCode(sentenceText);
    const flags: ClaimFlag[] = figure ? ['figure'] : [];
    if (own.length > 0) {
      claims.push({ text: sentenceText, start: sentence.start, end: sentence.end, citationIndexes: [...own].sort((a, b) => a - b), flags });
      return;
    }
    if (!figure || UNCHECKED_SECTION.test(sentence.section ?? '')) return;
    claims.push({ text: sentenceText, start: sentence.start, end: sentence.end, citationIndexes: [], flags: [...flags, 'uncited-figure'] });
  });
  return claims;
}
