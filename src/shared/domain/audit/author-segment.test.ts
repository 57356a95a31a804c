import { describe, expect, it } from 'vitest';
import { authorListEnd } from './author-segment';

function authors(text: string): string {
  return text.slice(0, authorListEnd(text));
}

describe('authorListEnd', () => {
  it.each([
    ['A. L. Yuille. Deformable templates. J. Cog. Neurosci., 1991.', 'A. L. Yuille'],
    ['D. Georgakopoulos, M. Rusinkiewicz, and A. Sheth. Using tickets. 1994.', 'D. Georgakopoulos, M. Rusinkiewicz, and A. Sheth'],
    ['David Hoiem, Alexei Efros, and Martial Hebert. Putting objects in perspective. IJCV, 2008.', 'David Hoiem, Alexei Efros, and Martial Hebert'],
    ['Moggi, E. Computational lambda-calculus and monads. 1989.', 'Moggi, E.'],
    ['Snyder, D., The Chicxulub seismic experiment, NERC News, 1996', 'Snyder, D.'],
    ['Peters OA, Arias A, de la Macorra JC. Cyclic fatigue. J Endod. 2014;40:1477-81.', 'Peters OA, Arias A, de la Macorra JC'],
    ['Lee, L. L., W. E. Howard, and R. E. Marsh. 1990. Strychnine tolerance.', 'Lee, L. L., W. E. Howard, and R. E. Marsh'],
    ['Marion, C., et al., Microbeam-based approach, 2010.', 'Marion, C., et al.'],
    ['Rees, J. and W. Clinger (Eds.). The revised report. 1986.', 'Rees, J. and W. Clinger (Eds.)'],
    ['Twain, Mark. Adventures of Huckleberry Finn. New York, 1962.', 'Twain, Mark'],
    ['Ong, Jia Wen, Kim Lim, and Wei Tan. Harbour Cooking. Singapore: Straits Press, 1961.', 'Ong, Jia Wen, Kim Lim, and Wei Tan'],
    ['Ong, Jia, Harbour Cooking in Practice (Straits Press, 1961).', 'Ong, Jia'],
    ['TAN, Wei. Les ports. Paris : Seuil, 2002.', 'TAN, Wei'],
    ['Ong JW, Tan W: Harbour queues. Port Rev 2001; 3: 1-9.', 'Ong JW, Tan W'],
    ['Silva, Mário de. Portos. Lisboa: Editora Mar, 1984.', 'Silva, Mário de'],
    ['Ong JW. Tan WK. Harbour queues in winter. Port Rev. 2004 34 3 126-131.', 'Ong JW. Tan WK'],
    ['Ong J., Tan W. K. Harbour queues. In Port Conference, 1993.', 'Ong J., Tan W. K.'],
  ])('ends the author list of "%s"', (entry, list) => {
    expect(authors(entry)).toBe(list);
  });

  it('finds no names at the start of a title', () => {
    expect(authorListEnd('The Evolution of Corporate Planning. Menlo Park, 1965.')).toBe(0);
    expect(authorListEnd('A Study of Trade. 2001.')).toBe(0);
  });
});
