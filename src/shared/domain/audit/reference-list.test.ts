import { describe, expect, it } from 'vitest';
import { entryStartsWithin, findReferenceList, isEntryStart } from './reference-list';

const body = 'Trade moved online quickly (Lee, 2020).\n\n';

describe('findReferenceList', () => {
  it.each([
    ['References', 'References'],
    ['## Bibliography', 'Bibliography'],
    ['**WORKS CITED**', 'WORKS CITED'],
    ['7. Literature Cited', 'Literature Cited'],
    ['Daftar Pustaka', 'Daftar Pustaka'],
    ['# Reference List:', 'Reference List'],
    ['Sources', 'Sources'],
  ])('finds the list under the heading %s', (heading, name) => {
    const text = `${body}${heading}\n\nLee, K. (2020). Online trade. Journal of Trade, 4(1), 1-9.\nPark, S. (2019). Ports. Maritime Policy, 2, 5-8.\n`;
    const result = findReferenceList(text);
    expect(result.location?.heading).toBe(name);
    expect(result.entries.map((entry) => entry.raw.slice(0, 4))).toEqual(['Lee,', 'Park']);
  });

  it('uses the last heading that is followed by entries', () => {
    const text = `Sources\n\nWe drew on interviews.\n\n${body}References\nLee, K. (2020). Online trade.\n`;
    const result = findReferenceList(text);
    expect(result.location?.start).toBe(text.lastIndexOf('References'));
    expect(result.entries).toHaveLength(1);
  });

  it('finds a trailing block of entries without a heading', () => {
    const text = `${body}Closing remarks end the paper here.\n\nLee, K. (2020). Online trade.\nPark, S. (2019). Ports.\nWorld Bank. (2021). Logistics report.\n`;
    const result = findReferenceList(text);
    expect(result.location?.heading).toBeNull();
    expect(result.entries.map((entry) => entry.raw)).toEqual(['Lee, K. (2020). Online trade.', 'Park, S. (2019). Ports.', 'World Bank. (2021). Logistics report.']);
  });

  it('joins wrapped PDF lines, blank-line continuations and stray URL lines into one entry', () => {
    const text = `References\nAllen, T. D., Golden, T. D., &\n   Shockley, K. M. (2015). How effective is telecommuting? Psychological\n   Science, 16(2), 40–68.\n\nScholte, J. A. (2008). Governance. New York: Palgrave\n\nMacmillan.\n\nShirkoohi, S. M. (2025). Trade.\n<https://doi.org/10.3390/jrfm18080421>\n`;
    const entries = findReferenceList(text).entries;
    expect(entries).toHaveLength(3);
    expect(entries[0]?.raw).toContain('Shockley');
    expect(entries[0]?.raw).toContain('40–68');
    expect(entries[1]?.raw).toMatch(/Macmillan\.$/);
    expect(entries[2]?.raw).toMatch(/jrfm18080421>$/);
  });

  it('strips bullets and keeps list numbers as labels, with offsets into the text', () => {
    const text = 'References\n\n- Lee, K. (2020). A.\n• Park, S. (2019). B.\n* Kim, J. (2018). C.\n[4] Cho, H. (2017). D.\n5. Ahn, B. (2016). E.\n';
    const entries = findReferenceList(text).entries;
    expect(entries.map((entry) => entry.raw.slice(0, 3))).toEqual(['Lee', 'Par', 'Kim', 'Cho', 'Ahn']);
    expect(entries.map((entry) => entry.label)).toEqual([null, null, null, '4', '5']);
    for (const entry of entries) expect(text.slice(entry.start, entry.end)).toBe(entry.raw);
  });

  it('stops at an appendix after the list', () => {
    const text = 'References\nLee, K. (2020). Online trade.\n\nAppendix A. Interview guide\n\nQ1. How often do you shop online?\n';
    const result = findReferenceList(text);
    expect(result.entries).toHaveLength(1);
    expect(text.slice(result.location?.end ?? 0)).toContain('Appendix A');
  });

  it('cuts a list whose lines were joined into one paragraph into its entries', () => {
    const text = 'References\n\nLim, K. (2019). One title. Journal, 1(2), 3-4. Tan, W., & Ong, J. (2020). Another title. Press. World Bank. (2021). Ports report. https://example.org/ports tms-consulting. (2024). Trade note. van der Berg, A. 2018. Harvard dates. Press.';
    const entries = findReferenceList(text).entries;
    expect(entries.map((entry) => entry.raw)).toEqual([
      'Lim, K. (2019). One title. Journal, 1(2), 3-4.',
      'Tan, W., & Ong, J. (2020). Another title. Press.',
      'World Bank. (2021). Ports report. https://example.org/ports',
      'tms-consulting. (2024). Trade note.',
      'van der Berg, A. 2018. Harvard dates. Press.',
    ]);
    for (const entry of entries) expect(text.slice(entry.start, entry.end)).toBe(entry.raw);
  });

  it('does not merge a group entry into an entry that ends with its year', () => {
    const harvard = 'References\n\nOkafor, N. (2016) Fishing cooperatives on the Niger delta. Lagos: Riverine Press, 2016. World Fish Centre (2019) Small-scale fisheries report. Penang: WorldFish. Marsh, T. (2011) Tide logs. Harbour Office.';
    expect(findReferenceList(harvard).entries.map((entry) => entry.raw.slice(0, 17))).toEqual(['Okafor, N. (2016)', 'World Fish Centre', 'Marsh, T. (2011) ']);
    const chicago = 'References\n\nOkafor, Ngozi. 2016. Fishing Cooperatives. Riverine Press, 2016. World Fish Centre. 2019. Small-Scale Fisheries. Penang: WorldFish.';
    expect(findReferenceList(chicago).entries.map((entry) => entry.raw.slice(0, 17))).toEqual(['Okafor, Ngozi. 20', 'World Fish Centre']);
  });

  it('cuts a joined numbered list only at the next number', () => {
    const text = 'References\n\n1. Lim K. Ports. J Trade. 2019;4:1-9. 2. Tan W. Fleets of 3. Press; 2020. 7. Not a marker. 3. Ong J. Harbours. 2021.';
    expect(findReferenceList(text).entries.map((entry) => [entry.label, entry.raw])).toEqual([
      ['1', 'Lim K. Ports. J Trade. 2019;4:1-9.'],
      ['2', 'Tan W. Fleets of 3. Press; 2020. 7. Not a marker.'],
      ['3', 'Ong J. Harbours. 2021.'],
    ]);
  });

  it('finds a joined list without a heading at the end of the text', () => {
    const text = `${body}Lee, K. (2020). Online trade. Review, 2, 1-4. Park, S. (2019). Ports. Press. Kim, J. (2018). Fleets. Press.`;
    expect(findReferenceList(text).entries).toHaveLength(3);
  });

  it('starts an entry at a family name that opens with a particle, before an edited volume', () => {
    const text = 'References\n\nObi, K. (2019). Nets. Riverine Press.\n\nvan den Heuvel, M., & Obi, K. (Eds.). (2020). Coastal livelihoods. Riverine Press.\n';
    expect(findReferenceList(text).entries.map((entry) => entry.raw.slice(0, 10))).toEqual(['Obi, K. (2', 'van den He']);
  });

  it('reports no list when there is none', () => {
    expect(findReferenceList('Just a paragraph (Lee, 2020).').location).toBeNull();
  });
});

describe('entryStartsWithin', () => {
  it.each([
    'Ong, J. (2021). Reading Lim (2019) on ports: Singapore in 2018. Journal, 2, 1-5.',
    'Ong, J. (2021). Lessons of the 1998 crisis. Lim and Tan, 2019 edition. Press.',
    'Ong, J. (2021). Trade. In Lim, K. (Ed.), Ports of Asia (2019) (pp. 1-9). Press.',
    'Ong, J., & Lim, K. (2021). The Asian Development Bank (ADB) in 2019. Press.',
    'Ong, J. (2021). Ports. Journal of Trade, 12(3), 45-67. 13. Tan',
    // Harvard and Chicago end a long author list with "et al."; a name may close with its particles.
    'Nwosu, K.C. et al. (2016) Fishing cooperatives on the Niger delta. Lagos: Riverine Press.',
    'Nwosu, Kelechi C., Ama Boateng, Tobi Adeyemi, et al. 2016. Fishing Cooperatives. Lagos: Riverine Press.',
    'Boateng, A., & Berg, T. van den. (2018). Tidal markets. Coastal Studies, 4, 10-19.',
    'Adeyemi, T., & Linde, R. van der. (2020). Smoked fish prices. Lagos: Riverine Press.',
    // Chicago writes the second author given name first, after an initial: "Kenneth C. Obi".
    'Nwosu, Kelechi, T. Ama Boateng, and Kenneth C. Obi. 2016. Fishing Cooperatives. Lagos: Riverine Press.',
    // A page number or a place read as a year after names, inside an entry of another form.
    'Boateng, A., & Obi, K. (2017). Net mending. Fisheries Bulletin, Coastal Letters, 1731. https://example.org/nets',
    '[4] A. Boateng, Fish Market Survey, Release 3.0. Takoradi, GH, 2015.',
  ])('keeps "%s" whole', (line) => {
    expect(entryStartsWithin(line, null)).toEqual([]);
  });
});

describe('isEntryStart', () => {
  it('tells entry starts from continuation lines', () => {
    expect(isEntryStart('Bank Indonesia. (2021). Annual report.', null)).toBe(true);
    expect(isEntryStart('Peters OA, Arias A. Fatigue. J Endod. 2014;9:1477-81.', null)).toBe(true);
    expect(isEntryStart('Journal of Risk, 12(3), 2020.', null)).toBe(false);
    expect(isEntryStart('Macmillan United States.', null)).toBe(false);
    expect(isEntryStart('Brown, L. (2020). Title.', 'Smith, J., Jones, K., &')).toBe(false);
  });

  it('starts an entry at dashes that repeat the previous entry\'s authors', () => {
    expect(isEntryStart('———. 2019b. Clove, Smoke and State. Yogyakarta: Gadjah', '   Households.” Asian Journal of Health Economics 7 (1): 15–39.')).toBe(true);
    expect(isEntryStart('---, 2020. Another title.', null)).toBe(true);
    expect(isEntryStart('   Mada University Press.', 'Yogyakarta: Gadjah')).toBe(false);
  });
});
