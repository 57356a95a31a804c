// The one place citation-js is loaded: its core with the BibTeX/BibLaTeX, RIS and CSL plugins,
// and the CSL styles and locale Quarry ships in resources/csl (CC BY-SA, see the NOTICE there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite, logger, plugins, type CitationItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { citationStyles } from '../../../shared/domain/citation-styles';
import { resourcesDir } from '../resources';

// citation-js reports fields it cannot map on the console; what Quarry skips it reports itself.
logger.level = 'silent';

export const LOCALE = 'en-US';
let registered = false;

/** The CSL configuration with Quarry's styles registered under their own names ('apa', 'ieee' …). */
export function cslConfig() {
  const config = plugins.config.get('@csl');
  if (!registered) {
    const dir = join(resourcesDir(), 'csl');
    for (const style of citationStyles) config.styles.add(style.id, readFileSync(join(dir, `${style.file}.csl`), 'utf8'));
    config.locales.add(LOCALE, readFileSync(join(dir, `locales-${LOCALE}.xml`), 'utf8'));
    registered = true;
  }
  return config;
}

/** Parses text of a known citation-js input type into CSL items; throws what citation-js throws. */
export function parseAs(text: unknown, forceType: '@biblatex/text' | '@ris/file' | '@csl/list+object'): CitationItem[] {
  return plugins.input.chain(text, { forceType, target: '@csl/list+object', generateGraph: false }) as CitationItem[];
}

export function cite(items: CitationItem[]): Cite {
  return new Cite(items, { generateGraph: false });
}

export type { CitationItem };
