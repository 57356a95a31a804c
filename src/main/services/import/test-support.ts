import { expect } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { PASSAGE_SEPARATOR } from './document';
import type { ExtractedDocument, ExtractedPassage } from './types';

/** How outline() names a passage: "h2", "p", "li1 •", "quote", "turn Rina@00:12:31". */
function label(passage: ExtractedPassage): string {
  switch (passage.kind) {
    case 'heading':
      return `h${passage.level}`;
    case 'list-item':
      return `li${passage.level}${passage.marker ? ` ${passage.marker}` : ''}`;
    case 'turn':
      return `turn ${passage.speaker ?? ''}${passage.timestamp ? `@${passage.timestamp}` : ''}`;
    default:
      return passage.kind === 'paragraph' ? 'p' : passage.kind;
  }
}

/**
 * The document as "h2 Heading" / "p Paragraph" / "li1 • Item" lines, after checking the text
 * model's invariants: each passage's offsets select exactly its text, passages tile the text
 * with one blank line between them, no passage has stray whitespace (a line break stands
 * alone, never beside a space or another line break), and every mark lies inside one passage.
 */
export function outline(doc: ExtractedDocument): string[] {
  const texts = doc.passages.map((passage) => doc.text.slice(passage.start, passage.end));
  expect(texts.join(PASSAGE_SEPARATOR)).toBe(doc.text);
  doc.passages.forEach((passage, i) => {
    const text = texts[i] ?? '';
    expect(text).toBe(text.trim());
    expect(text).not.toMatch(/\s{2,}|\t/);
    expect(passage.level).toBe(passage.kind === 'heading' || passage.kind === 'list-item' ? passage.level : 0);
    if (passage.kind === 'heading' || passage.kind === 'list-item') expect(passage.level).toBeGreaterThanOrEqual(1);
  });
  for (const mark of doc.marks) {
    expect(doc.passages.some((p) => p.start <= mark.start && mark.end <= p.end), `mark ${mark.kind} ${mark.start}-${mark.end} lies in one passage`).toBe(true);
    expect(doc.text.slice(mark.start, mark.end)).toBe(doc.text.slice(mark.start, mark.end).trim());
  }
  return doc.passages.map((passage, i) => `${label(passage)} ${texts[i] ?? ''}`);
}

/** The document's marks as "kind: text" (and the link's target), in text order. */
export function marksOf(doc: ExtractedDocument): string[] {
  return doc.marks.map((m) => `${m.kind}: ${doc.text.slice(m.start, m.end)}${m.href ? ` -> ${m.href}` : ''}`);
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
