import { expect } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { PASSAGE_SEPARATOR } from './document';
import type { ExtractedDocument } from './types';

/**
 * The document as "h2 Heading" / "p Paragraph" lines, after checking the text model's
 * invariants: each passage's offsets select exactly its text, passages tile the text
 * with one blank line between them, and no passage has stray whitespace.
 */
export function outline(doc: ExtractedDocument): string[] {
  const texts = doc.passages.map((passage) => doc.text.slice(passage.start, passage.end));
  expect(texts.join(PASSAGE_SEPARATOR)).toBe(doc.text);
  doc.passages.forEach((passage, i) => {
    const text = texts[i] ?? '';
    expect(text).toBe(text.trim());
    expect(text).not.toMatch(/\s{2,}|[\n\t]/);
    expect(passage.level).toBe(passage.kind === 'heading' ? passage.level : 0);
    if (passage.kind === 'heading') expect(passage.level).toBeGreaterThanOrEqual(1);
  });
  return doc.passages.map((passage, i) => `${passage.kind === 'heading' ? `h${passage.level}` : 'p'} ${texts[i] ?? ''}`);
}

/** Runs `action` and returns the AppError it must throw. */
export async function appErrorOf(action: () => Promise<unknown>): Promise<AppError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}
