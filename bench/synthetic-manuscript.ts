// A synthetic manuscript of a given length for timing the audit: author-year citations to a
// reference list of 300 entries, figures now and then, paragraphs of six sentences.
import { seededRandom } from '../src/shared/random';

export function syntheticManuscript(pages: number, citations: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const families = ['Anderson', 'Baker', 'Chen', 'Dewi', 'Evans', 'Fischer', 'García', 'Hartono', 'Ibrahim', 'Jansen', 'Kusuma', 'Larsen', 'Morales', 'Nguyen', 'Okafor', 'Putri', 'Quinn', 'Rossi', 'Santos', 'Tanaka', 'Uddin', 'Virtanen', 'Wijaya', 'Xu', 'Yilmaz', 'Zhang'];
  const words = 'the digital trade policy regional market growth platforms logistics payments cross-border firms consumers governments data investment services network integration standards rules'.split(' ');
  const references = Array.from({ length: 300 }, (_, index) => {
    const authors = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(families));
    return { authors, year: String(1990 + (index % 35)), title: Array.from({ length: 6 }, () => pick(words)).join(' ') };
  });
  const citationText = (reference: (typeof references)[number]): string => {
    const names = reference.authors.length >= 3 ? `${reference.authors[0]} et al.` : reference.authors.join(' & ');
    return random() < 0.7 ? `(${names}, ${reference.year})` : `${names} (${reference.year})`;
  };
  const charsPerPage = 3000;
  const sentencesTotal = Math.round((pages * charsPerPage) / 140);
  const citeEvery = sentencesTotal / citations;
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  let nextCitation = 0;
  for (let index = 0; index < sentencesTotal; index += 1) {
    let sentence = Array.from({ length: 18 }, () => pick(words)).join(' ');
    sentence = sentence[0]?.toUpperCase() + sentence.slice(1);
    if (random() < 0.1) sentence += ` reached ${Math.floor(random() * 900)} million in ${2000 + Math.floor(random() * 25)}`;
    if (index >= nextCitation) {
      sentence += ` ${citationText(pick(references))}`;
      nextCitation += citeEvery;
    }
    paragraph.push(`${sentence}.`);
    if (paragraph.length >= 6) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  paragraphs.push(paragraph.join(' '));
  const list = references.map((reference) => `${reference.authors.map((name) => `${name}, ${pick(['A.', 'B. C.', 'D.'])}`).join(', ')} (${reference.year}). ${reference.title}. Journal of Trade, ${Math.floor(random() * 40)}(${Math.floor(random() * 4) + 1}), ${Math.floor(random() * 100) + 1}-${Math.floor(random() * 100) + 101}.`);
  return `${paragraphs.join('\n\n')}\n\nReferences\n\n${list.join('\n')}\n`;
}
