import { describe, expect, it } from 'vitest';
import { parseReference } from './parse-reference';

describe('parseReference', () => {
  it('parses an APA journal article with DOI', () => {
    expect(parseReference('Bailey, D. E., & Kurland, N. B. (2002). A review of telework research: Findings and lessons. Journal of Organizational Behavior, 23(4), 383–400. https://doi.org/10.1002/job.144')).toEqual({
      authors: ['Bailey', 'Kurland'],
      editors: [],
      year: '2002',
      title: 'A review of telework research: Findings and lessons',
      container: 'Journal of Organizational Behavior',
      volume: '23',
      issue: '4',
      pages: '383–400',
      doi: '10.1002/job.144',
      url: null,
    });
  });

  it('keeps corporate authors whole and reads the URL after "Retrieved from"', () => {
    const parsed = parseReference('Ministry of Trade. (2024). Digital trade in Indonesia, 2023. Retrieved January 13, 2026, from Ministry website: <https://example.go.id/report.pdf>');
    expect(parsed.authors).toEqual(['Ministry of Trade']);
    expect(parsed.title).toBe('Digital trade in Indonesia, 2023');
    expect(parsed.url).toBe('https://example.go.id/report.pdf');
  });

  it('reads several corporate authors joined by "&" and a lower-case one', () => {
    expect(parseReference('Google, Temasek, & Company, B. &. (2023). *Reaching new heights*. Retrieved from <https://example.com/a.pdf>').authors).toEqual(['Google', 'Temasek', 'Company']);
    expect(parseReference('tms-consulting. (2024). Indonesia and ASEAN.').authors).toEqual(['tms-consulting']);
  });

  it.each([
    ['(2020a)', '2020a'],
    ['(n.d.)', 'n.d.'],
    ['(in press)', 'in press'],
    ['(2019, March 3)', '2019'],
  ])('reads the year %s', (date, year) => {
    expect(parseReference(`Lee, K. ${date}. Online trade. Trade Review, 4, 1-9.`).year).toBe(year);
  });

  it('uses italics to tell a book title from its publisher and a chapter from its book', () => {
    const book = parseReference('Holmes, C. B. (2015). *Digital Diplomacy: Theory and Practice*. New York: Routledge.');
    expect(book.title).toBe('Digital Diplomacy: Theory and Practice');
    expect(book.container).toBeNull();
    const chapter = parseReference('Scholte, J. A. (2008). *From Government to Governance*. In A. F. Cooper (Ed.), *Global governance and diplomacy* (pp. 39-60). New York: Palgrave.');
    expect(chapter.container).toBe('Global governance and diplomacy');
    expect(chapter.pages).toBe('39-60');
  });

  it('reads Harvard/Chicago dates after the authors and quoted titles', () => {
    const parsed = parseReference('Felstead, A., and Henseke, G. 2017. "Assessing the Growth of Remote Working." New Technology, Work and Employment 32 (3): 195–212.');
    expect(parsed.authors).toEqual(['Felstead', 'Henseke']);
    expect(parsed.year).toBe('2017');
    expect(parsed.title).toBe('Assessing the Growth of Remote Working');
    expect(parsed.volume).toBe('32');
    expect(parsed.issue).toBe('3');
    expect(parsed.pages).toBe('195–212');
  });

  it('keeps a subtitle after a question mark in the title', () => {
    const parsed = parseReference('Bloom, N., & Ying, Z. J. (2015). Does working from home work? Evidence from a Chinese experiment. The Quarterly Journal of Economics, 130(1), 165–218.');
    expect(parsed.title).toBe('Does working from home work? Evidence from a Chinese experiment');
    expect(parsed.container).toBe('The Quarterly Journal of Economics');
  });

  it('joins words hyphenated across PDF lines and ignores list markers', () => {
    const parsed = parseReference('[3] Golden, T. D. (2006). The role of relationships in understanding telecommuter satisfac-\n   tion. Journal of Organizational Behavior, 27(3), 319–340.');
    expect(parsed.authors).toEqual(['Golden']);
    expect(parsed.title).toBe('The role of relationships in understanding telecommuter satisfaction');
  });

  it('reads Vancouver-style authors with trailing initials', () => {
    expect(parseReference('Peters OA, Arias A, de la Macorra JC. Cyclic fatigue of rotary files. J Endod. 2014;40(9):1477-81.').authors).toEqual(['Peters', 'Arias', 'de la Macorra']);
  });

  it('reads an institution or the author named after a report title as its publisher, not a container', () => {
    expect(parseReference('Port Logistics Council. (2021). Merchant fees. Port Logistics Council.').container).toBeNull();
    expect(parseReference('Asian Trade Monitor. (2022). Outlook. Asian Trade Monitor Secretariat.').container).toBeNull();
    expect(parseReference('Lim, K. (2019). Ports. Maritime Policy Review.').container).toBe('Maritime Policy Review');
    expect(parseReference('Lim, K. (2019). Ports. Journal of the Harbour Association, in press.').container).toBe('Journal of the Harbour Association');
  });

  it.each([
    ['Aho, A. V., & Ullman, J. D., The Design of Algorithms, Addison-Wesley, Reading, MA, 1974.', 'The Design of Algorithms', null],
    ['Cai, J. (1990), A Note on the Permanent, Information and Computation, 84, No. 1, 119-127.', 'A Note on the Permanent', 'Information and Computation'],
    ['Key, V. O., Politics, Parties, and Pressure Groups (New York: Crowell, 1964).', 'Politics, Parties, and Pressure Groups', null],
    ['Hildebrand, F. B., Numerical Analysis, 2 ed., Dover Publications, 1987.', 'Numerical Analysis', null],
    ['Lim, Kim, Harbour Songs: Staging Ong, Tan, Lee, and Goh (Straits University Press, 2007).', 'Harbour Songs: Staging Ong, Tan, Lee, and Goh', null],
    ['Lim, K., Harbour queues, IEEE Transactions on Ports, Ships, and Cargo, 12, 1-9.', 'Harbour queues', 'IEEE Transactions on Ports, Ships, and Cargo'],
  ])('ends a comma-separated title where a title cannot go on: %s', (raw, title, container) => {
    expect(parseReference(raw)).toMatchObject({ title, container });
  });

  it.each([
    ['Ong, J. 1991. Harbour queues. In K. Lim, editor, Advances in Port Systems, pages 10-19. Straits Press.', 'Advances in Port Systems'],
    ['Ong, J. "Harbour queues." Port Weekly 27 May 2002. Web.', 'Port Weekly'],
    ['Ong, J. (1935). Harbour queues. Hafen Wochenschrift, n° 82, p. 12-14.', 'Hafen Wochenschrift'],
    ['Ong, J. (2012). Harbour queues. In Writing the Sea, edited by K. Lim and W. Tan, 3-9. Singapore: Straits Press.', 'Writing the Sea'],
    ['Ong, J. (1988). Harbour queues. Morgan Kaufmann.', null],
    ['Ong, J. (1994). Harbour queues. Tech. rep. PORT-TR-94-2, Straits University.', null],
    ['Ong, J., "Harbour crane", US patent 4 123 456, 1977.', null],
    ['Ong, J. Harbour queues. Submitted, 1998.', null],
    ['Ong, J. Harbour Queues. Translated by K. Lim. Singapore: Straits Press, 1984.', null],
    ['Ong, J. (1990). Harbour queues. In Proceedings of the 1990 Harbour Conference, Portland, OR.', 'Proceedings of the 1990 Harbour Conference'],
    ['Ong, J. (1990). Harbour queues. Proc. Winter 1990 Port Symposium, Kobe, Japan, pages 3-9.', 'Proc. Winter 1990 Port Symposium'],
    ['Ong, J. (1990). Harbour queues. Am. J. Harb. Sci. 12, 1-9.', 'Am. J. Harb. Sci'],
    ['Ong, J. (1990). Harbour queues. Port Weekly 4 January.', 'Port Weekly'],
    ['Ong, J. (2004) Harbour queues. In K. Lim (Ed.) Ports in Motion: Essays on Shipping. Singapore: Straits Press.', 'Ports in Motion: Essays on Shipping'],
    ['Ong, J. (2004) Harbour queues. In K. Lim (Ed.) Port Studies. Rio de Janeiro: Editora Mar.', 'Port Studies'],
    ['Ong, J., Harbour queues, in: K. Lim (eds.), Ports and Docks, Straits Press, Singapore, 1978.', 'Ports and Docks'],
    ['J. Ong, "Harbour queues," 13th Annual Symposium on Port Design, pages 386-395, 1986.', '13th Annual Symposium on Port Design'],
    ['Kim Lim, “Harbour queues,” in Ports of Call (Singapore: Straits Press, 1995), 181–97.', 'in Ports of Call'],
    ['Ong, J. (1988). Harbour queues. Cambridge, MA: Straits Press.', null],
  ])('reads the container of %s', (raw, container) => {
    expect(parseReference(raw).container).toBe(container);
  });

  it.each([
    ['Tan, W., Tidal models for harbour basins, J. Ocean Eng. Res. 41 (1998), 12-30.', 'Tidal models for harbour basins', 'J. Ocean Eng. Res'],
    ['W. Tan. Sorting cargo manifests quickly. ACM Trans. Math. Softw., 8(2):1-9, 1990.', 'Sorting cargo manifests quickly', 'ACM Trans. Math. Softw'],
    ['Tan, W. (1996). Port automation. Ph.D. thesis, Straits University.', 'Port automation', null],
  ])('keeps abbreviated journal names whole: %s', (raw, title, container) => {
    expect(parseReference(raw)).toMatchObject({ title, container });
  });

  it.each([
    ['Ong, J. (2004). Harbour lights. A life among the cranes. Singapore: Straits Press.', 'Harbour lights. A life among the cranes'],
    ['Ong, J. (2004). Harbour lights (2nd ed.). Singapore: Straits Press.', 'Harbour lights'],
    ['Ong, J. (Director). (2004). Harbour lights [Motion picture]. Singapore: Straits Films.', 'Harbour lights'],
    ['Lim, Kim, ed. Harbour Lights. Singapore: Straits Press, 2004.', 'Harbour Lights'],
    ['Ong, J. (2004). Harbour lights (Unpublished doctoral dissertation). Straits University, Singapore.', 'Harbour lights'],
    ['Ong, J. (1999). Chapter 4. Harbour lights. In K. Lim (Ed.), Port handbook (pp. 1-9). Singapore: Straits Press.', 'Chapter 4. Harbour lights'],
    ['Ong, J. Tidal operators. II. Port Mathematica, 12(1):1-9, 1972.', 'Tidal operators. II'],
  ])('reads the title of %s without editions, media or roles', (raw, title) => {
    expect(parseReference(raw).title).toBe(title);
  });

  it('reads an entry whose dashes repeat the previous authors', () => {
    expect(parseReference('———. Harbour Nights. Singapore: Straits Press, 1928.')).toMatchObject({ authors: [], title: 'Harbour Nights' });
  });

  it.each([
    ['Tan, W., Tidal models, J. Harb. Theory 72 (1993), 2-23.', '72', null, '2-23'],
    ['Tan, W. Tidal models. Port Research 36, 3 (1988), 454-469.', '36', '3', '454-469'],
    ['Tan, W. "Tidal models." Journal of Harbour History 17 (1998): 124-55.', '17', null, '124-55'],
    ['Tan, W. (1989). Tidal models. In Proceedings of PORTCON-89, 1273-1278.', null, null, '1273-1278'],
    ['W. Tan. Tidal models. Harbour Intelligence, 28(1) 71-87, 1986.', '28', '1', '71-87'],
    ['W. Tan. Tidal models. In Proc. Port Workshop, volume 989 of Lecture Notes in Shipping, pages 44-58. Straits Press, 1995.', '989', null, '44-58'],
    ['W. Tan. Tidal models. Technical Report PORT-TR-95-141, Straits University, 1995.', null, null, null],
  ])('reads the locator of %s', (raw, volume, issue, pages) => {
    expect(parseReference(raw)).toMatchObject({ volume, issue, pages });
  });

  it.each([
    ['Ong, Jia. Port Towns, 1850–1900. Singapore: Straits Press, 1957.', '1957'],
    ['Ong, Jia. Harbour Nights. Singapore: Straits Press, 2003 [1910].', '2003'],
    ['W. Tan. Tidal models. arXiv preprint arXiv:1504.07295, 2015.', '2015'],
    ['Ong, Jia. Harbour Nights, 3 vols. (Singapore: Straits Press, 1988–1992).', '1988'],
  ])('reads the date of %s, not a year its title names', (raw, year) => {
    expect(parseReference(raw).year).toBe(year);
  });

  it.each([
    ['[4] W. Tan, K. Lim, Harb. Lett. 2010, 10, 1012.', 'Harb. Lett', '10', '1012'],
    ['Tan W., Lim K., 2006, ApJ, 650, 102', 'ApJ', '650', '102'],
  ])('reads an entry that cites no title: %s', (raw, container, volume, pages) => {
    expect(parseReference(raw)).toMatchObject({ title: null, container, volume, pages });
  });

  it('keeps the title of an article in a journal with a one-word name', () => {
    expect(parseReference('Tan, W. (1993). Tidal Rule Induction. Port Expert, 8 (6), 61-69.').title).toBe('Tidal Rule Induction');
  });

  it('returns empty fields rather than failing on junk', () => {
    expect(parseReference('')).toMatchObject({ authors: [], year: null, title: null });
  });
});
