// The library written back out as BibTeX, RIS or CSL-JSON, by citation-js.
import type { ReferenceFileFormat } from '../../../shared/domain/library-import';
import type { CslItem } from '../../../shared/domain/library';
import { cite, type CitationItem } from './citation-js';

/** A BibTeX key for a reference without one: family name, year, first word of the title ("lim2020parcels"). */
function keyFor(csl: CslItem, taken: Set<string>): string {
  const given = typeof csl['citation-key'] === 'string' ? csl['citation-key'] : '';
  const family = (csl.author?.[0]?.family ?? csl.author?.[0]?.literal ?? csl.editor?.[0]?.family ?? 'anon').normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  const year = String(csl.issued?.['date-parts']?.[0]?.[0] ?? '');
  const word = (csl.title ?? '').normalize('NFD').replace(/[^A-Za-z ]/g, '').split(/\s+/).find((w) => w.length > 3)?.toLowerCase() ?? '';
  const base = given || `${family || 'anon'}${year}${word}`;
  let key = base;
  for (let n = 1; taken.has(key); n++) key = `${base}${String.fromCharCode(96 + ((n - 1) % 26) + 1)}${n > 26 ? n : ''}`;
  taken.add(key);
  return key;
}

export function writeReferences(items: readonly CslItem[], format: ReferenceFileFormat): string {
  const taken = new Set<string>();
  const data = items.map((csl) => {
    const id = keyFor(csl, taken);
    return { ...csl, id, 'citation-key': id } as CitationItem;
  });
  if (format === 'csl-json') return `${JSON.stringify(data, null, 2)}\n`;
  return cite(data).format(format === 'bibtex' ? 'bibtex' : 'ris', { format: 'text' });
}
