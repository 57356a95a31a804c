import { describe, expect, it } from 'vitest';
import { extractBuffer } from './extract';
import { appErrorOf, outline } from './test-support';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('plain text', () => {
  it('splits paragraphs on blank lines, keeps every line break inside one and spots conservative headings', async () => {
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
      'p Small shops in the region began selling\nthrough marketplaces well before 2020.',
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
    expect(outline(doc)).toEqual(['h1 FINDINGS', 'p Sellers trusted the platform.\nBuyers did not.']);
  });

  it('makes list items of lines that start one, keeping a symbol bullet apart as the marker and enumerators in the text', async () => {
    const doc = await extractBuffer(encode('Reasons given:\na) cheap phones\nb) a growing middle\n   class\n\n- first\n* second\n• third'), 'list.txt');
    expect(outline(doc)).toEqual(['p Reasons given:', 'li1 a) cheap phones', 'li1 b) a growing middle\nclass', 'li1 • first', 'li1 • second', 'li1 • third']);
  });

  it('normalises CR-only line endings', async () => {
    const doc = await extractBuffer(encode('one\rtwo\r\rthree'), 'mac.txt');
    expect(outline(doc)).toEqual(['p one\ntwo', 'p three']);
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

describe('transcripts', () => {
  it('makes each speaker turn one passage with its speaker and timestamp, keeping every line break', async () => {
    const text = [
      'Interview 4, Lombok market, March 2024',
      '',
      'I: How did you start selling online?',
      'R: My cousin set up the shop page.',
      'She still answers the messages.',
      '[00:12:31] I: And shipping?',
      'R [00:12:40]: Too expensive to send abroad.',
      '',
      'We stopped for tea.',
      'I: Who pays for it?',
    ].join('\n');
    const doc = await extractBuffer(encode(text), 'interview-4.txt');
    expect(outline(doc)).toEqual([
      'p Interview 4, Lombok market, March 2024',
      'turn I I: How did you start selling online?',
      'turn R R: My cousin set up the shop page.\nShe still answers the messages.',
      'turn I@00:12:31 [00:12:31] I: And shipping?',
      'turn R@00:12:40 R [00:12:40]: Too expensive to send abroad.\nWe stopped for tea.',
      'turn I I: Who pays for it?',
    ]);
  });

  it('reads named speakers, a timestamp alone on the line above a turn, and speaker-and-time lines', async () => {
    const doc = await extractBuffer(
      encode(['[00:00:05]', 'Rina Wijaya: We sell bags.', '', 'Participant 3: (00:01:10) We sell batik.', '', 'Rina Wijaya  0:03', 'Mostly to Jakarta.'].join('\n')),
      'focus group.txt',
    );
    expect(outline(doc)).toEqual([
      'turn Rina Wijaya@00:00:05 [00:00:05]\nRina Wijaya: We sell bags.',
      'turn Participant 3@00:01:10 Participant 3: (00:01:10) We sell batik.',
      'turn Rina Wijaya@0:03 Rina Wijaya  0:03\nMostly to Jakarta.'.replace('  ', ' '),
    ]);
  });

  it('leaves prose that quotes someone once, or labels a table twice, as paragraphs', async () => {
    const quoted = await extractBuffer(encode('The seller was blunt.\n\nRina: Shipping kills us.\n\nOthers agreed, if less bluntly.\n\nWe left at noon.'), 'notes.txt');
    expect(outline(quoted).every((line) => line.startsWith('p '))).toBe(true);
    const paper = await extractBuffer(encode('Results follow.\n\nTable 1: Sales\n\nNote: rounded.\n\nNote: in rupiah.\n\nSales rose.\n\nCosts fell.'), 'paper.txt');
    expect(outline(paper).every((line) => line.startsWith('p '))).toBe(true);
  });
});

describe('short transcripts and numbered steps', () => {
  it('reads two lines by two speakers as turns, but not numbered steps', async () => {
    const call = await extractBuffer(encode('Ade: We ship twice a week.\nLina: Only when the ferry runs.'), 'call.txt');
    expect(outline(call)).toEqual(['turn Ade Ade: We ship twice a week.', 'turn Lina Lina: Only when the ferry runs.']);
    const steps = await extractBuffer(encode('Step 1: Open the app.\nStep 2: Pay the courier.'), 'how-to.txt');
    expect(outline(steps)).toEqual(['p Step 1: Open the app.\nStep 2: Pay the courier.']);
  });
});
