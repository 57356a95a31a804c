import { describe, expect, it } from 'vitest';
import { referenceLink, type TrailReference } from './trail';

const ref = (text: string, doi: string | null, url: string | null = null): TrailReference => ({ id: 'r1', text, doi, url });

describe('a reference in the evidence trail', () => {
  it('adds the DOI as a link when the reference as written does not give it', () => {
    expect(referenceLink(ref('Nguyen, A. (2019). Settlement speed. Journal of Trade.', '10.1000/xyz'))).toBe('https://doi.org/10.1000/xyz');
  });

  it('adds nothing when the written reference already carries its DOI or URL, in any case', () => {
    expect(referenceLink(ref('Lee, B. (2025). Trade online. JRFM. https://doi.org/10.3390/JRFM18080421', '10.3390/jrfm18080421'))).toBeNull();
    expect(referenceLink(ref('Lee, B. (2025). Trade online. doi:10.3390/jrfm18080421', '10.3390/jrfm18080421'))).toBeNull();
    expect(referenceLink(ref('Ministry (2024). Report. https://example.org/report', null, 'https://example.org/report'))).toBeNull();
  });

  it('falls back to the URL, and to nothing when there is neither', () => {
    expect(referenceLink(ref('Ministry (2024). Report.', null, 'https://example.org/report'))).toBe('https://example.org/report');
    expect(referenceLink(ref('Ministry (2024). Report.', null))).toBeNull();
  });
});
