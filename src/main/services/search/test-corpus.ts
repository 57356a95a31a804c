import type { Db } from '../store/database';
import { seededRandom } from '../../../shared/random';
import { addSource } from './fixtures';

/** A small project written for these tests: sources on trade and diplomacy, plus memos and codes. */
export const SOURCES = {
  diplomacy: {
    title: 'Digital diplomacy in Southeast Asia',
    paragraphs: [
      'Indonesia uses digital diplomacy to promote its e-commerce firms across ASEAN markets.',
      'Online sales across the region grew quickly after 2015, and cross-border trade followed.',
      'Officials describe the state of the union of ASEAN economies as uneven but improving.',
      'Small firms struggle with payment systems, logistics costs and consumer trust online.',
    ],
  },
  trade: {
    title: 'Trade policy notes',
    paragraphs: [
      'Trade policy and diplomacy intersect in digital economy agreements between states.',
      'Sales online doubled while offline retail stagnated, according to the trade ministry.',
      'Communication between ministries is slow; committees meet twice a year.',
      'Running markets requires running payment networks that merchants trust.',
    ],
  },
} as const;

const VOCABULARY =
  'market trade policy export import tariff firm platform growth treaty summit delegation negotiation commodity supply chain investment capital labour migration data privacy regulation standard customs port shipping courier warehouse startup venture finance bank credit loan currency inflation'.split(
    ' ',
  );

/** Deterministic filler paragraphs, so ranking is tested over a corpus with realistic term statistics. */
export function fillerParagraphs(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const length = 12 + Math.floor(random() * 40);
    const words = Array.from({ length }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);
    return `${words.join(' ')}.`;
  });
}

const STAMP = '2024-01-01T00:00:00.000Z';

export function seedProject(db: Db): void {
  addSource(db, 'diplomacy', SOURCES.diplomacy.title, SOURCES.diplomacy.paragraphs);
  addSource(db, 'trade', SOURCES.trade.title, SOURCES.trade.paragraphs);
  addSource(db, 'filler', 'Generated filler', fillerParagraphs(120, 3));
  db.prepare(
    "INSERT INTO memos (id, title, body, target_kind, target_id, created_at, updated_at) VALUES ('memo-1', 'Payment trust', 'Merchants mention trust in payment systems again and again.', 'source', 'diplomacy', ?, ?)",
  ).run(STAMP, STAMP);
  db.prepare("INSERT INTO codes (id, name, color, definition, created_at) VALUES ('code-1', 'Logistics', '#336699', 'Costs and delays of moving goods across borders.', ?)").run(STAMP);
}
