// citation-js ships no type declarations; these cover the parts Quarry calls.
declare module '@citation-js/core' {
  export interface ChainOptions {
    target?: string;
    forceType?: string;
    generateGraph?: boolean;
  }
  export interface FormatOptions {
    template?: string;
    format?: 'text' | 'html';
    lang?: string;
    entry?: string | string[];
    [option: string]: unknown;
  }
  export interface CitationItem {
    id: string;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data: unknown, options?: ChainOptions);
    data: CitationItem[];
    format(format: string, options?: FormatOptions): string;
  }
  export interface CslEngine {
    updateItems(ids: string[]): void;
    rebuildProcessorState(
      citations: Array<{ citationItems: Array<{ id: string }>; properties: { noteIndex: number } }>,
      format: string,
      uncited: string[],
    ): Array<[string, number, string]>;
    makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  }
  export interface CslConfig {
    styles: { add(name: string, xml: string): void; has(name: string): boolean };
    locales: { add(name: string, xml: string): void; has(name: string): boolean };
    engine(data: CitationItem[], style: string, lang: string, format: string): CslEngine;
  }
  export const plugins: {
    input: { chain(data: unknown, options?: ChainOptions): unknown };
    config: { get(name: '@csl'): CslConfig };
  };
  export const logger: { level: 'error' | 'warn' | 'info' | 'debug' | 'http' | 'silent' };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
