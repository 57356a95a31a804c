import { AppError } from '../../../shared/api/errors';
import type { Coding } from '../../../shared/domain/model';
import { spanProblem } from '../../../shared/domain/rules/spans';
import { stageAfterCoding } from '../../../shared/domain/rules/stage';
import { findCode } from '../codes/repository';
import type { AreaContext } from '../kit';
import { findSourceSummary, setStage, sourceText } from '../sources/repository';
import { findSameCoding, insertCoding } from './repository';

/** Refuses a span that runs past the end of its source's text or cuts a character in half. */
export function assertWithin(span: { start: number; end: number }, text: string): void {
  const problem = spanProblem(text, span.start, span.end);
  if (problem) throw new AppError('VALIDATION', `The span ${span.start}–${span.end} ${problem}.`);
}

/**
 * Applies a code to a span, inside the caller's change; applying the same code to the same
 * span twice changes nothing. Shared by coding a selection and coding all hits of a search,
 * which passes one `texts` cache for all its spans so each source's text is read once.
 */
export function applyCoding(
  ctx: AreaContext,
  input: { sourceId: string; codeId: string; start: number; end: number },
  texts = new Map<string, string>(),
): Coding {
  const { db } = ctx.project;
  const source = findSourceSummary(db, input.sourceId);
  if (!source) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
  if (!findCode(db, input.codeId)) throw new AppError('NOT_FOUND', 'That code no longer exists in this project.');
  // Offsets are UTF-16 units, which only the text itself can count (SQL's length() counts characters).
  const text = texts.get(input.sourceId) ?? sourceText(db, input.sourceId)!;
  texts.set(input.sourceId, text);
  assertWithin(input, text);
  const existing = findSameCoding(db, input.sourceId, input.codeId, input.start, input.end);
  if (existing) return existing;
  const coding: Coding = { id: ctx.newId(), ...input, coder: ctx.coder, createdAt: ctx.clock(), summary: '' };
  insertCoding(db, coding);
  const stage = stageAfterCoding(source.stage);
  if (stage !== source.stage) setStage(db, input.sourceId, stage);
  return coding;
}
