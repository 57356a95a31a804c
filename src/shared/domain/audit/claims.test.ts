import { describe, expect, it } from 'vitest';
import { buildClaims, looksLikeCode, statesFigure } from './claims';
import type { AuditCitation } from './types';

function citationAt(text: string, span: string, style: AuditCitation['style'] = 'parenthetical'): AuditCitation {
  const start = text.indexOf(span);
  return { text: span, authors: ['X'], year: '2020', start, end: start + span.length, referenceIds: [], status: 'matched', style, etAl: false, occurrence: 0 };
}

describe('statesFigure', () => {
  it.each([
    'Sales reached \\$70 billion.',
    'Growth was 14.3% in 2021.',
    'Users will reach 244 million by 2027.',
    'It rose from IDR 42 trillion.',
    'Value grew nearly tenfold.',
    'It covered 12,883 employees.',
    'Costs were USD 5 each.',
    'Dwell times fell from 4.1 days to 2.6 days between 2018 and 2022.',
    'Catches averaged 3.7 per trip.',
    'Yields in Ghana reached 2.4 on average.',
    'Dwell times fell from 6 days to 3 days.',
    'Internet users reached 58.63 million.',
    'The platform grew 11% on the year.',
    'Retail sales stood at IDR 401 trillion.',
    'Exports rose three-fold over the decade.',
    'Parcel volumes doubled after the reform.',
    'Two million sellers joined the platform.',
    'The average rating was 4.6 on the marketplace.',
    'The corridor carries 1.2 million TEU and 300 TEUs a day.',
    'The tax on a pack had reached PHP 60 by 2022.',
    'Rents rose to RM 1,200 a month.',
    'A ticket costs ฿ 45 in Bangkok.',
  ])('sees a figure in "%s"', (sentence) => expect(statesFigure(sentence)).toBe(true));

  it.each([
    'On January 9, 2020, the president spoke.',
    'Volume 6, Issue 1.',
    'Four factors matter.',
    'The 2020-2024 plan.',
    'Shopee led in Q1 2023.',
    'Between 2018 and 2022 the ministry reorganised twice.',
    'Section 4.1 describes the data.',
    '4.2 Data sources and coding',
    '1. Introduction to the cases',
    'As argued earlier (p. 45), the agreement matters; see pp. 12–15 and Chapter 3.2.',
    'Table 2.1 lists the interviews.',
    'Industry 4.0 and Web 2.0 shaped the debate.',
    'Law No. 11 of 2008 governs electronic transactions.',
    'COVID-19 closed the borders in 2020.',
    'Projects are exchanged in the REFI-QDA standard 1.5 format.',
    'Contributors follow the Contributor Covenant 2.1 and the package needs Python 3.11.',
  ])('sees no figure in "%s"', (sentence) => expect(statesFigure(sentence)).toBe(false));
});

describe('looksLikeCode', () => {
  it.each([
    ['fit <- lm(y ~ x, data = d)', true],
    ['#> [1] 0.25 and x$mean', true],
    ['ggplot2::ggsave("plot.png") writes the figure', true],
    ['The function mean() returns 0.25 per canoe.', false],
    ['Prices rose 4% (Lee, 2020) in x[1] terms.', false],
  ])('tells code in "%s": %s', (sentence, code) => expect(looksLikeCode(sentence)).toBe(code));
});

describe('buildClaims', () => {
  it('links cited sentences to their citations and flags uncited figures, whatever their neighbours cite', () => {
    const text = 'Trade grew (Lee, 2020). Users will reach 244 million by 2027. Growth is uneven.\n\nShopee had 158 million visits. Tokopedia had fewer (Aditya, 2023).\n\nLee (2021) studied ports. Their volume rose 4%.';
    const citations = [citationAt(text, '(Lee, 2020)'), citationAt(text, '(Aditya, 2023)'), citationAt(text, 'Lee (2021)', 'narrative')];
    const claims = buildClaims(text, [{ start: 0, end: text.length }], citations);
    expect(claims.map((claim) => [claim.text, claim.citationIndexes, claim.flags])).toEqual([
      ['Trade grew (Lee, 2020).', [0], []],
      ['Users will reach 244 million by 2027.', [], ['figure', 'uncited-figure']],
      ['Shopee had 158 million visits.', [], ['figure', 'uncited-figure']],
      ['Tokopedia had fewer (Aditya, 2023).', [1], []],
      ['Lee (2021) studied ports.', [2], []],
      ['Their volume rose 4%.', [], ['figure', 'uncited-figure']],
    ]);
  });

  it('takes no figure from code or console output', () => {
    const text = 'The catch is averaged in R.\n\n```r\ncatch <- read_catch("yeji.csv")\nmean(catch$kg[1:3])\n#> [1] 0.25\n```\n\ncatch <- read_catch("yeji.csv") mean(catch$kg[1:3]) #> [1] 0.25\n\nThe mean was 0.25 kg per canoe.';
    expect(buildClaims(text, [{ start: 0, end: text.length }], []).map((claim) => claim.text)).toEqual(['The mean was 0.25 kg per canoe.']);
  });

  it('does not ask the abstract for citations', () => {
    const text = 'ABSTRACT\n\nThe economy could reach \\$330 billion by 2030.\n\nINTRODUCTION\n\nThe economy could reach \\$330 billion by 2030.';
    const claims = buildClaims(text, [{ start: 0, end: text.length }], []);
    expect(claims).toHaveLength(1);
    expect(claims[0]?.start).toBe(text.lastIndexOf('The economy'));
  });

  it('does not ask the method section to cite the figures of the study itself', () => {
    const text = '## 3. Research Method\n\nWe interviewed 24 officials over 3 weeks.\n\n## 4. Results\n\nDwell times fell from 4.1 days to 2.6 days.';
    const claims = buildClaims(text, [{ start: 0, end: text.length }], []);
    expect(claims.map((claim) => claim.text)).toEqual(['Dwell times fell from 4.1 days to 2.6 days.']);
  });
});
