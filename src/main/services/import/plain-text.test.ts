import { describe, expect, it } from 'vitest';
import { extractBuffer } from './extract';
import { appErrorOf, outline } from './test-support';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('plain text', () => {
  it('splits paragraphs on blank lines, joins wrapped lines and spots conservative headings', async () => {
    const text = [
      'INTRODUCTION',
      '',
      'Small shops in the region began selling',
      'through marketplaces well before 2020.',
      '',
      '1. Method',
      '',
      'We read forty policy papers.',
      '',
      '2.1 Data collection',
      '',
      'It rained.',
      '',
      'THE TEAM MET ON MONDAY AND AGREED ON A PLAN.',
      '',
    ].join('\r\n');
    const doc = await extractBuffer(encode(text), 'field-notes.txt');
    expect(outline(doc)).toEqual([
      'h1 INTRODUCTION',
      'p Small shops in the region began selling through marketplaces well before 2020.',
      'h1 1. Method',
      'p We read forty policy papers.',
      'h2 2.1 Data collection',
      'p It rained.',
      'p THE TEAM MET ON MONDAY AND AGREED ON A PLAN.',
    ]);
    expect(doc.title).toBe('INTRODUCTION');
    expect(doc.format).toBe('txt');
  });

  it('takes a capitalised first line directly above its paragraph as a heading', async () => {
    const doc = await extractBuffer(encode('FINDINGS\nSellers trusted the platform.\nBuyers did not.'), 'a.txt');
    expect(outline(doc)).toEqual(['h1 FINDINGS', 'p Sellers trusted the platform. Buyers did not.']);
  });

  it('makes list items paragraphs, dropping symbol bullets but keeping enumerators', async () => {
    const doc = await extractBuffer(encode('Reasons given:\na) cheap phones\nb) a growing middle\n   class\n\n- first\n* second\n• third'), 'list.txt');
    expect(outline(doc)).toEqual(['p Reasons given:', 'p a) cheap phones', 'p b) a growing middle class', 'p first', 'p second', 'p third']);
  });

  it('normalises CR-only line endings', async () => {
    const doc = await extractBuffer(encode('one\rtwo\r\rthree'), 'mac.txt');
    expect(outline(doc)).toEqual(['p one two', 'p three']);
  });
});

describe('text encodings', () => {
  const sentence = 'The café sold “local” goods for €5.';

  it('reads UTF-8 with and without a byte-order mark', async () => {
    const plain = await extractBuffer(encode(sentence), 'a.txt');
    const withBom = await extractBuffer(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(sentence)]), 'b.txt');
    expect(plain.text).toBe(sentence);
    expect(withBom.text).toBe(sentence);
    expect(withBom.passages[0]).toMatchObject({ start: 0, end: sentence.length });
  });

  it('reads UTF-16 in both byte orders when marked', async () => {
    const little = new Uint8Array(Buffer.from(`\ufeff${sentence}\r\n\r\nSecond.`, 'utf16le'));
    const big = little.slice();
    for (let i = 0; i < big.length; i += 2) [big[i], big[i + 1]] = [big[i + 1] as number, big[i] as number];
    expect(outline(await extractBuffer(little, 'le.txt'))).toEqual([`p ${sentence}`, 'p Second.']);
    expect(outline(await extractBuffer(big, 'be.txt'))).toEqual([`p ${sentence}`, 'p Second.']);
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', async () => {
    // "café" with é as 0xE9 and curly quotes as 0x93/0x94, the way older Windows editors saved it.
    const bytes = new Uint8Array([...encode('caf'), 0xe9, 0x20, 0x93, ...encode('ok'), 0x94]);
    expect((await extractBuffer(bytes, 'old.txt')).text).toBe('café “ok”');
  });

  it('refuses binary content and empty files, naming the file', async () => {
    const binary = await appErrorOf(() => extractBuffer(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), 'report.txt'));
    expect(binary).toMatchObject({ code: 'UNREADABLE', message: "'report.txt' is not a text file (it contains binary data)." });
    const empty = await appErrorOf(() => extractBuffer(new Uint8Array(), 'empty.txt'));
    expect(empty).toMatchObject({ code: 'UNREADABLE', message: "'empty.txt' contains no text to import." });
  });
});
