import { describe, expect, it } from 'vitest';
import { tagReference, trainTagger, type LabelledEntry } from './index';

const lexicon = { given: new Set(['maria', 'budi']), family: new Set(['santos', 'wijaya']), place: new Set(['jakarta', 'manila']) };

const ENTRIES: LabelledEntry[] = [
  [['author', 'Santos, M.'], ['date', '(2019).'], ['title', 'Ports and trade.'], ['journal', 'Maritime Review,'], ['volume', '12(3),'], ['pages', '45–67.']],
  [['author', 'Wijaya, B., & Santos, M.'], ['date', '(2021).'], ['title', 'Digital payments in Asia.'], ['journal', 'Journal of Payments,'], ['volume', '4(1),'], ['pages', '1–20.']],
  [['author', 'Lim, K.'], ['date', '(2018).'], ['title', 'Logistics hubs.'], ['location', 'Jakarta:'], ['publisher', 'Harbour Press.']],
  [['author', 'Reyes, A., & Cruz, P.'], ['date', '(2020).'], ['title', 'Island economies.'], ['location', 'Manila:'], ['publisher', 'Bay Books.']],
];

describe('training and using a reference tagger', () => {
  it('parses an entry like the ones it was trained on', () => {
    const tagger = trainTagger([...ENTRIES, ...ENTRIES], lexicon, { epochs: 8, seed: 1 });
    expect(tagReference(tagger, 'Wijaya, B. (2022). Rural fintech. Journal of Payments, 5(2), 10–19.')).toMatchObject({
      authors: ['Wijaya'],
      year: '2022',
      title: 'Rural fintech',
      container: 'Journal of Payments',
      volume: '5',
      issue: '2',
      pages: '10–19',
    });
  });
});
