// anystyle's labelled reference strings (core.xml, BSD-2-Clause, inukshuk/anystyle): one
// <sequence> per entry, one element per field, in the order they are written.
import { readFileSync } from 'node:fs';
import type { LabelledEntry } from '../src/shared/domain/audit/tagger';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return XML_ENTITIES[entity] ?? whole;
  });
}

export function readAnystyle(path: string): LabelledEntry[] {
  const xml = readFileSync(path, 'utf8');
  return [...xml.matchAll(/<sequence>([\s\S]*?)<\/sequence>/g)].map((sequence) =>
    [...(sequence[1] ?? '').matchAll(/<([a-z-]+)>([\s\S]*?)<\/\1>/g)].map((match): [string, string] => [match[1] ?? '', decodeXml(match[2] ?? '').replace(/\s+/g, ' ').trim()]),
  );
}
