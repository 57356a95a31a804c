// The citation styles Quarry ships (resources/csl), by the name the CLI and the UI use.
export const citationStyleIds = ['apa', 'chicago-author-date', 'harvard', 'ieee'] as const;
export type CitationStyle = (typeof citationStyleIds)[number];

export interface CitationStyleInfo {
  id: CitationStyle;
  /** The CSL file in resources/csl, without .csl. */
  file: string;
  label: string;
  /** Numeric styles cite by number ([1]) in the order works are first cited. */
  numeric: boolean;
}

export const citationStyles: readonly CitationStyleInfo[] = [
  { id: 'apa', file: 'apa', label: 'APA 7th edition', numeric: false },
  { id: 'chicago-author-date', file: 'chicago-author-date', label: 'Chicago author-date (17th edition)', numeric: false },
  { id: 'harvard', file: 'harvard-cite-them-right', label: 'Harvard (Cite Them Right)', numeric: false },
  { id: 'ieee', file: 'ieee', label: 'IEEE', numeric: true },
];

export function citationStyle(id: CitationStyle): CitationStyleInfo {
  return citationStyles.find((style) => style.id === id)!;
}
