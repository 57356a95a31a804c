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

/**
 * Decodes a text file the way the user's editor most likely saved it: a byte-order mark
 * wins; otherwise valid UTF-8 is UTF-8, and anything else is taken as windows-1252, the
 * usual encoding of older Windows files (it also decodes every byte, so nothing is lost).
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  // No text encoding we accept without a mark produces NUL bytes, binary formats do.
  if (bytes.includes(0)) throw fileError('UNREADABLE', fileName, 'is not a text file (it contains binary data).');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
