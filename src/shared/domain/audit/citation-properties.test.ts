import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditText } from './audit';
import { findCitations } from './citations';
import { parseReference } from './parse-reference';

// Text built from the pieces citations are made of — names, initials, years, brackets, "et al.",
// numbers, locators, punctuation — shuffled at random, with arbitrary Unicode mixed in, so the
// parser meets near-citations, broken ones and nonsense as often as well-formed ones.
const piece = fc.oneof(
  fc.constantFrom('Smith', 'García', 'van der Berg', "O'Neil", 'Nguyen', 'World Bank', 'Lee', 'Ø', 'J.', 'A. B.', 'et al.', '&', 'and', 'See', 'e.g.,'),
  fc.constantFrom('2019', '2020a', 'n.d.', 'in press', '1899', '20', '(', ')', '[', ']', '[12]', '[3–5]', ',', ';', '.', ':', 'p. 4', 'pp. 3–9', '—'),
  fc.constantFrom(' ', ' ', '  ', '\n', '\n\n', 'References\n', 'Bibliography\n', '# Results\n'),
  fc.string({ maxLength: 6, unit: 'grapheme' }),
  fc.string({ maxLength: 4, unit: 'binary' }),
);
const manuscriptLike = fc.array(piece, { maxLength: 120 }).map((pieces) => pieces.join(''));

function inside(text: string, span: { start: number; end: number }): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
}

describe('the citation parser, on any text', () => {
  it('finds citations without throwing, each a span of the text it was given', () => {
    fc.assert(
      fc.property(manuscriptLike, fc.boolean(), (text, numeric) => {
        for (const citation of findCitations(text, [], numeric)) {
          expect(inside(text, citation), JSON.stringify(citation)).toBe(true);
          expect(citation.end).toBeGreaterThan(citation.start);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('audits without throwing, every citation, claim, reference and finding inside the text', () => {
    fc.assert(
      fc.property(manuscriptLike, (text) => {
        const report = auditText(text);
        const spans = [...report.citations, ...report.claims, ...report.references, ...(report.referenceList ? [report.referenceList] : [])];
        for (const span of spans) expect(inside(text, span), JSON.stringify(span)).toBe(true);
        for (const claim of report.claims) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
        for (const finding of report.findings) if (finding.start !== undefined) expect(inside(text, { start: finding.start, end: finding.end ?? finding.start })).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('parses any reference entry without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(manuscriptLike, fc.string({ maxLength: 300 })), (raw) => {
        const parsed = parseReference(raw);
        expect(Array.isArray(parsed.authors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
