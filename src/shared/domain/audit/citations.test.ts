import { describe, expect, it } from 'vitest';
import { findCitations } from './citations';

function cite(text: string, numeric = false) {
  // Tentative citations by title stand only if an entry has that title (auditText decides); none is asked for here.
  return findCitations(text, [], numeric).filter((found) => !found.titleWords).map(({ text: span, authors, etAl, year, style }) => ({ span, authors, etAl, year, style }));
}

describe('findCitations', () => {
  it('reads a single parenthetical citation with its whole bracket as the span', () => {
    const text = 'Trade moved online (Holmes, 2015).';
    const [citation] = findCitations(text, [], false);
    expect(citation).toMatchObject({ authors: ['Holmes'], year: '2015', style: 'parenthetical' });
    expect(text.slice(citation?.start, citation?.end)).toBe('(Holmes, 2015)');
  });

  it('splits several works in one bracket, each with its own span', () => {
    expect(cite('Seen before (Bjola, 2018; Pammet & Roberts, 2015; Zeng, Fu, Haleem, Han, & Zhou, 2023; Ding, 2025 ).')).toEqual([
      { span: 'Bjola, 2018', authors: ['Bjola'], etAl: false, year: '2018', style: 'parenthetical' },
      { span: 'Pammet & Roberts, 2015', authors: ['Pammet', 'Roberts'], etAl: false, year: '2015', style: 'parenthetical' },
      { span: 'Zeng, Fu, Haleem, Han, & Zhou, 2023', authors: ['Zeng', 'Fu', 'Haleem', 'Han', 'Zhou'], etAl: false, year: '2023', style: 'parenthetical' },
      { span: 'Ding, 2025', authors: ['Ding'], etAl: false, year: '2025', style: 'parenthetical' },
    ]);
  });

  it.each([
    ['(Smith and Jones, 2020)', ['Smith', 'Jones'], '2020'],
    ['(Allen et al., 2015)', ['Allen'], '2015'],
    ['(see Bailey & Kurland, 2002, p. 384)', ['Bailey', 'Kurland'], '2002'],
    ['(e.g., Gajendran and Harrison 2007)', ['Gajendran', 'Harrison'], '2007'],
    ['(cf. Golden, 2006a)', ['Golden'], '2006a'],
    ['(Bloom et al., 2015, pp. 165–218)', ['Bloom'], '2015'],
    ['(Felstead and Henseke 2017, 199)', ['Felstead', 'Henseke'], '2017'],
    ['(Choudhury, n.d.)', ['Choudhury'], 'n.d.'],
    ['(Barrero, Bloom, & Davis, in press)', ['Barrero', 'Bloom', 'Davis'], 'in press'],
    ['(Ministry of Trade, 2024)', ['Ministry of Trade'], '2024'],
    ['(Bank Indonesia, 2021)', ['Bank Indonesia'], '2021'],
    ['(tms-consulting, 2024)', ['tms-consulting'], '2024'],
    ['(van der Lippe & Lippényi, 2020)', ['van der Lippe', 'Lippényi'], '2020'],
  ])('reads the parenthetical form %s', (form, authors, year) => {
    expect(cite(`A claim ${form}.`)).toMatchObject([{ authors, year, style: 'parenthetical' }]);
  });

  it.each([
    ['Holmes (2015) argues', ['Holmes'], false, 'Holmes (2015)'],
    ['As Allen et al. (2015) show', ['Allen'], true, 'Allen et al. (2015)'],
    ['Wang et al., (2023) found', ['Wang'], true, 'Wang et al., (2023)'],
    ['Fonner and Roloff (2010) argue', ['Fonner', 'Roloff'], false, 'Fonner and Roloff (2010)'],
    ['a report by Google, Temasek, & Company (2023) says', ['Google', 'Temasek', 'Company'], false, 'Google, Temasek, & Company (2023)'],
    ['outlined by Miles, B., & Huberman (1994): one', ['Miles', 'Huberman'], false, 'Miles, B., & Huberman (1994)'],
    ['the Ministry of Trade (2024) projects', ['Ministry of Trade'], false, 'Ministry of Trade (2024)'],
    ["O'Neill's (2019) survey", ["O'Neill"], false, "O'Neill's (2019)"],
    ['Smith (2019, p. 4) notes', ['Smith'], false, 'Smith (2019, p. 4)'],
  ])('reads the narrative form "%s"', (sentence, authors, etAl, span) => {
    expect(cite(`In short, ${sentence} more.`)).toEqual([{ span, authors, etAl, year: expect.any(String), style: 'narrative' }]);
  });

  it('gives one citation per year in "Golden (2006a, 2006b)"', () => {
    expect(cite('Golden (2006a, 2006b) links it.').map((citation) => citation.year)).toEqual(['2006a', '2006b']);
    expect(cite('(Lee, 2019a, b)').map((citation) => citation.year)).toEqual(['2019a', '2019b']);
  });

  it('reads figure source notes', () => {
    expect(cite('Figure 1. Sales\n\nSource: Databoks, 2021\n')).toMatchObject([{ span: 'Databoks, 2021', authors: ['Databoks'], year: '2021' }]);
  });

  it.each([
    ['(see, e.g., Okafor, 2018 for a review)', ['Okafor'], '2018'],
    ['(Marsh et al., 2003-2020)', ['Marsh'], '2003-2020'],
    ['(Bureau of Fisheries, 2008 - 2012)', ['Bureau of Fisheries'], '2008-2012'],
    ['(Okonkwo et al., Forthcoming 2019)', ['Okonkwo'], '2019'],
    ['(Farrow, no date)', ['Farrow'], 'n.d.'],
    ['(Farrow, n.d.)', ['Farrow'], 'n.d.'],
    ['(UNEP, 2016)', ['UNEP'], '2016'],
    ['(IBM, 2015)', ['IBM'], '2015'],
  ])('reads %s, with comments, ranges, undated and forthcoming works and acronyms', (form, authors, year) => {
    expect(cite(`A claim ${form}.`)).toMatchObject([{ authors, year, style: 'parenthetical' }]);
  });

  it.each([
    ['(Reef survey contributors, 2021)', 'Reef survey contributors'],
    ['(The Lagoon project developers, 2016)', 'The Lagoon project developers'],
    ['(Institut für Küstenfischerei, 2011)', 'Institut für Küstenfischerei'],
    ['(Wikipedia contributors, 2023)', 'Wikipedia contributors'],
  ])('reads the group name with lower-case words in %s, tentatively', (form, name) => {
    expect(findCitations(`Counts were shared ${form}.`, [], false)).toMatchObject([{ authors: [name], tentative: true }]);
  });

  it('reads narrative citations inside a bracket, after a semicolon and after "described in", and the bracket\'s own works', () => {
    expect(cite('Tides were logged (as described in Marsh and Okonkwo (2011)) and checked (Osei, 2017; see also Marsh and Okonkwo (2011)).').map(({ span, authors }) => [span, authors])).toEqual([
      ['Marsh and Okonkwo (2011)', ['Marsh', 'Okonkwo']],
      ['Osei, 2017', ['Osei']],
      ['Marsh and Okonkwo (2011)', ['Marsh', 'Okonkwo']],
    ]);
  });

  it('tells a given name that disambiguates from an initial after a family name', () => {
    const [chicago, narrative, irregular] = findCitations('Tides vary (K. Okafor and Marsh 2020). Ama T. Boateng and Obi (2019) agree, as Hidayat, R. (2019) notes.', [], false);
    expect(chicago).toMatchObject({ authors: ['Okafor', 'Marsh'], irregularity: null });
    expect(narrative).toMatchObject({ year: '2019', irregularity: null });
    expect(irregular).toMatchObject({ authors: ['Hidayat'], irregularity: 'it contains initials' });
  });

  it.each([
    'In 2021 (Q1) the volume dipped.',
    'Prices rose (70-80%) in some cities.',
    'COVID-19 (2020) changed commuting.',
    'The sample (n = 273) was drawn in March (2020) from the panel (see Table 2).',
    'During the period studied (2018) nothing changed.',
    'Growth over the decade (2010–2020) was uneven.',
    'According to the Association of Southeast Asian Nations (ASEAN), trade grew.',
    'In 2020 (the first year) sales fell.',
    'Fishing in Three Centuries (1700–2000) changed little.',
    'Landings (tonnes caught in 2019) fell.',
  ])('finds nothing in "%s"', (sentence) => {
    expect(cite(sentence)).toEqual([]);
  });

  it('reads numeric brackets only when asked, expanding ranges', () => {
    const text = 'Drift is common [1]. Calibration helps [2–4], though humidity matters [1, 3]. See [link](http://x.org).';
    expect(cite(text)).toEqual([]);
    expect(findCitations(text, [], true).map((citation) => citation.label)).toEqual(['1', '2', '3', '4', '1', '3']);
  });

  it.each([
    ['Salinity was logged hourly [3, p. 12].', ['3']],
    ['The buoys drifted north [see 5, Table 2].', ['5']],
    ['Several teams saw the same drift [e.g., 2,6–8].', ['2', '6', '7', '8']],
    ['The method is older [reviewed in 9].', ['9']],
    ['Tides explain most of it [4–6].', ['4', '5', '6']],
    ['The log was kept by hand [11, pp. 40, 44].', ['11']],
    ['Calibration is covered elsewhere [see, e.g., 3 for a survey].', ['3']],
    ['Data from the harbour office [source: 7].', ['7']],
    ['Two surveys agree [2; 4, ch. 3].', ['2', '4']],
    ['Buoy counts rose after the storm (as logged)[12].', ['12']],
  ])('reads the numbers a bracket cites in "%s", with prefixes, locators and ranges', (sentence, labels) => {
    expect(findCitations(sentence, [], true).map((citation) => citation.label)).toEqual(labels);
  });

  it.each([
    'The mean is x[1] + x[2] over f(x)[3] samples.',
    'In R:\n#> [1] 0.25\n## [1,] "a" "b"\n[1] 42',
    'Every value [n = 40] was kept, and [2020] too.',
    'See the notes.\n[3]: https://example.org/notes',
    'The scripts are at https://example.org/tides/[12] and https://example.org/Okafor(2019)/Marsh,2020.',
  ])('reads no numeric citation in code, console output, link definitions or web addresses: %s', (text) => {
    expect(findCitations(text, [], true)).toEqual([]);
  });

  it('skips excluded ranges such as the reference list', () => {
    const text = 'Body (Lee, 2020).\nReferences\nLee, K. (2020). Title (Park, 2019).';
    expect(findCitations(text, [{ start: text.indexOf('References'), end: text.length }], false)).toHaveLength(1);
  });

  it('reads an institution whose name goes on with a word like "Studies", in brackets and in the running text', () => {
    expect(cite('Revenue leaked (Bandung Institute for Fiscal Studies 2021, 4).')).toEqual([
      { span: '(Bandung Institute for Fiscal Studies 2021, 4)', authors: ['Bandung Institute for Fiscal Studies'], etAl: false, year: '2021', style: 'parenthetical' },
    ]);
    expect(cite('The Organisation for Economic Co-operation and Development (2020b) calls for audits.')).toEqual([
      { span: 'Organisation for Economic Co-operation and Development (2020b)', authors: ['Organisation for Economic Co-operation and Development'], etAl: false, year: '2020b', style: 'narrative' },
    ]);
    expect(cite('A figure (Table Studies 2021) and (Survey Research 2020).')).toEqual([]);
  });

  it('reads a narrative citation that keeps the author\'s initial, and says it is irregular', () => {
    const [citation] = findCitations('As Hidayat, R. (2019) observes, the law passed late.', [], false);
    expect(citation).toMatchObject({ text: 'Hidayat, R. (2019)', authors: ['Hidayat'], year: '2019', irregularity: 'it contains initials' });
  });
});
