import { fileError } from './document';

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
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
