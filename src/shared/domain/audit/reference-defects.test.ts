import { describe, expect, it } from 'vitest';
import { parseReference } from './parse-reference';
import { authorDefect } from './reference-defects';

const defect = (raw: string): string | null => authorDefect({ raw, year: parseReference(raw).year });

describe('authorDefect', () => {
  it.each([
    ['Kawa, A. a. (2016). Cross-border integrators.', '"a." is not an initial'],
    ['Cho, H. a. (2019). Payment rails.', '"a." is not an initial'],
    ['Google, Temasek, & Company, B. &. (2023). *Regional outlook*.', 'it ends with a dangling "&", as if a name was cut off'],
    ['Lee, K., , & Park, S. (2020). Ports.', 'it has doubled punctuation where a name is missing'],
  ])('flags "%s"', (raw, reason) => {
    expect(defect(raw)).toBe(reason);
  });

  it.each([
    'Miles, M. B., & Huberman, A. M. (1994). Qualitative analysis.',
    'van der Lippe, T., & Lippényi, Z. (2020). Co-workers at home.',
    'Müller, K., u. a. (2010). Handel im Netz.',
    'tms-consulting. (2024). Integration notes.',
    'World Health Organization. (2021). Physical activity.',
    'Peters OA, Arias A. Fatigue of a. rotary files. J Endod. 2014;40:1-2.',
    'Lee, L. L., W. E. Howard, and R. E. Marsh. 1990. Strychnine tolerance.',
  ])('accepts "%s"', (raw) => {
    expect(defect(raw)).toBeNull();
  });
});
