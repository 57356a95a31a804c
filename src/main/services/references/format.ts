// Bibliographies and in-text citations, formatted by citeproc-js through citation-js in one of
// the styles Quarry ships.
import type { CitationStyle } from '../../../shared/domain/citation-styles';
import type { CslItem } from '../../../shared/domain/library';
import { cslConfig, LOCALE, type CitationItem } from './citation-js';

export interface FormattedEntry {
  id: string;
  /** The bibliography entry as plain text and as citeproc's HTML (italics, small caps). */
  text: string;
  html: string;
  /** How the text cites it: (Lim & Tan, 2020), [3]. */
  citation: string;
}

function run(data: CitationItem[], style: CitationStyle, format: 'text' | 'html') {
  const engine = cslConfig().engine(data, style, LOCALE, format);
  // One citation per work, in the order given: numeric styles number the works in that order.
  const cited = engine.rebuildProcessorState(
    data.map((item) => ({ citationItems: [{ id: item.id }], properties: { noteIndex: 0 } })),
    format,
    [],
  );
  const bibliography = engine.makeBibliography();
  if (!bibliography) return { citations: new Map<string, string>(), entries: [] as Array<{ id: string; value: string }> };
  const [meta, entries] = bibliography;
  return {
    citations: new Map(cited.map(([, , text], index) => [data[index]!.id, text])),
    entries: entries.map((value, index) => ({ id: meta.entry_ids[index]![0]!, value: value.trim() })),
  };
}

/** The works as a bibliography, in the style's order (alphabetical, or numbered in the order given). */
export function formatReferences(items: ReadonlyArray<{ id: string; csl: CslItem }>, style: CitationStyle): FormattedEntry[] {
  if (items.length === 0) return [];
  const data = items.map(({ id, csl }) => ({ ...csl, id }) as CitationItem);
  const html = run(data, style, 'html');
  const text = run(data, style, 'text');
  const textOf = new Map(text.entries.map((entry) => [entry.id, entry.value]));
  return html.entries.map((entry) => ({
    id: entry.id,
    html: entry.value.replace(/^<div class="csl-entry">|<\/div>$/g, '').trim(),
    text: textOf.get(entry.id) ?? '',
    citation: text.citations.get(entry.id) ?? '',
  }));
}
