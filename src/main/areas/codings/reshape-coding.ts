import type { Coding } from '../../../shared/domain/model';
import type { Db } from '../../services/store/database';
import { repointEvidence } from '../conclusions/repository';
import { retargetMemos } from '../memos/repository';
import { deleteCodings, findCoding, findSameCoding, rewriteCoding } from './repository';

/** Two summaries of one segment as one: both kept, the same words once. */
function joinSummaries(a: string, b: string): string {
  const parts = [a.trim(), b.trim()].filter(Boolean);
  return [...new Set(parts)].join('\n\n');
}

/**
 * Gives a coding a new code, span or summary, inside the caller's change. When that makes it
 * the same as another coding (same source, code and span), the two become one: the other is
 * kept, with both summaries, and the memos and evidence links on this one move to it. Shared by
 * editing a coding and by merging and splitting codes.
 */
export function reshapeCoding(db: Db, coding: Coding, next: { codeId: string; start: number; end: number; summary: string }): Coding {
  const twin = findSameCoding(db, coding.sourceId, next.codeId, next.start, next.end, coding.id);
  if (!twin) {
    rewriteCoding(db, { id: coding.id, ...next });
    return findCoding(db, coding.id)!;
  }
  rewriteCoding(db, { ...twin, summary: joinSummaries(twin.summary, next.summary) });
  retargetMemos(db, 'coding', coding.id, twin.id);
  repointEvidence(db, 'coding', coding.id, twin.id);
  deleteCodings(db, [coding.id]);
  return findCoding(db, twin.id)!;
}
