import { fileError } from './document';

// windows-1252 differs from Latin-1 only in 0x80-0x9F. Node's TextDecoder decodes the
// label as Latin-1 in some versions (turning curly quotes into control characters), so
// those 32 bytes are mapped here; the five the code page leaves undefined stay as C1.
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

// What is looked at to tell UTF-16 without a byte-order mark from binary data.
const UTF16_SAMPLE_BYTES = 64 * 1024;
// Share of characters that must carry a zero byte: the spaces, digits, punctuation and line breaks
// of any language's text are ASCII, a zero byte each, all on the same side of the pair.
const UTF16_MIN_ZERO_SHARE = 0.05;
// Control characters (other than tab, line breaks and form feed) allowed in decoded text: binary
// data that happens to look like UTF-16 decodes to many of them.
const MAX_CONTROL_SHARE = 0.01;

/** The byte order of UTF-16 text that has no byte-order mark, or undefined for anything else. */
function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, UTF16_SAMPLE_BYTES));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const characters = sample.length / 2;
  // Characters whose low byte is zero (U+0100, U+4E00 ...) put some zeros on the other side.
  const order = oddZeros >= 3 * evenZeros ? 'utf-16le' : evenZeros >= 3 * oddZeros ? 'utf-16be' : undefined;
  if (!order || Math.max(evenZeros, oddZeros) < characters * UTF16_MIN_ZERO_SHARE) return undefined;
  let text: string;
  try {
    // Streaming, so a character cut in two by the end of the sample is not taken for an error.
    text = new TextDecoder(order, { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
  } catch {
    return undefined;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) controls++;
  }
  return controls <= text.length * MAX_CONTROL_SHARE ? order : undefined;
}

/**
 * Decodes a text file the way the user's editor most likely saved it: a byte-order mark
 * wins; then UTF-16 that shows itself by its zero bytes (Windows tools write it without a
 * mark); otherwise valid UTF-8 is UTF-8, and anything else is taken as windows-1252, the
 * usual encoding of older Windows files (it also decodes every byte, so nothing is lost).
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  const utf16 = unmarkedUtf16(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  // No other text encoding we accept produces NUL bytes, binary formats do.
  if (bytes.includes(0)) throw fileError('UNREADABLE', fileName, 'is not a text file (it contains binary data).');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
