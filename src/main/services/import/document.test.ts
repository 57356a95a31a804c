import { describe, expect, it } from 'vitest';
import { buildDocument, displayName, normaliseInline } from './document';
import { appErrorOf, outline } from './test-support';

describe('normaliseInline', () => {
  it('collapses whitespace but keeps line breaks, trims, drops invisible characters and composes accents', () => {
    expect(normaliseInline('  two\t\twords \n here ')).toBe('two words\nhere');
    expect(normaliseInline('one\n\n \n two\u00a0 three\n')).toBe('one\ntwo three');
    expect(normaliseInline('co\u00adoperation\u200b and\u0007 bell')).toBe('cooperation and bell');
    expect(normaliseInline('cafe\u0301')).toBe('caf\u00e9');
  });
});

describe('buildDocument', () => {
  it('joins passages with a blank line and records where each landed', () => {
    const doc = buildDocument('txt', 'notes.txt', [
      { kind: 'heading', level: 2, text: '  Field  visit ' },
      { kind: 'paragraph', level: 0, text: ' ' },
      { kind: 'paragraph', level: 0, text: 'We walked\nthe plots.' },
    ]);
    expect(doc.text).toBe('Field visit\n\nWe walked\nthe plots.');
    expect(doc.passages).toEqual([
      { kind: 'heading', level: 2, start: 0, end: 11, marker: null, speaker: null, timestamp: null },
      { kind: 'paragraph', level: 0, start: 13, end: 33, marker: null, speaker: null, timestamp: null },
    ]);
    expect(doc.title).toBe('Field visit');
  });

  it('counts offsets in UTF-16 code units, so astral characters take two', () => {
    const doc = buildDocument('txt', 'x.txt', [
      { kind: 'paragraph', level: 0, text: 'Tea \u{1F375} time' },
      { kind: 'paragraph', level: 0, text: 'next' },
    ]);
    expect(doc.passages[1]).toMatchObject({ start: 13, end: 17 });
    expect(outline(doc)).toEqual(['p Tea \u{1F375} time', 'p next']);
  });

  it('clamps heading levels to 1-6 and takes the title from the file name when there is no heading', () => {
    const doc = buildDocument('md', '/home/ana/Interview 3.final.md', [
      { kind: 'paragraph', level: 4, text: 'Only prose.' },
      { kind: 'heading', level: 9, text: 'Deep' },
    ]);
    expect(doc.passages.map((p) => p.level)).toEqual([0, 6]);
    expect(buildDocument('md', 'C:\\data\\Interview 3.final.md', [{ kind: 'paragraph', level: 0, text: 'x' }]).title).toBe('Interview 3.final');
  });

  it('refuses a document with no text, naming the file', async () => {
    const error = await appErrorOf(async () => buildDocument('txt', '/tmp/blank.txt', [{ kind: 'paragraph', level: 0, text: ' \n ' }]));
    expect(error.code).toBe('UNREADABLE');
    expect(error.message).toBe("'blank.txt' contains no text to import.");
  });

  it('names files by their last path segment', () => {
    expect(displayName('/a/b/c.pdf')).toBe('c.pdf');
    expect(displayName('C:\\a\\c.pdf')).toBe('c.pdf');
  });
});
