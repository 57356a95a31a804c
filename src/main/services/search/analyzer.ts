import lunr from 'lunr';
import { createRequire } from 'node:module';
import { AppError } from '../../../shared/api/errors';
import { searchLanguages } from '../../../shared/domain/search-languages';

/** Indexed fields, in lunr's field order. A doc's title is indexed only for kinds whose title is its own. */
export const FIELDS = ['title', 'text'] as const;
export const TEXT_FIELD = 1;

// Not named `require`: the Electron bundle declares its own `require` shim in the same scope.
const loadCommonJs = createRequire(import.meta.url);

const LANGUAGES = searchLanguages.filter((language) => language !== 'en');

export const supportedLanguages: readonly string[] = searchLanguages;

/** A lunr builder configured as `lunr()` configures it, plus the language plugin. */
function configuredBuilder(language: string): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(lunr.stemmer);
  if (language === 'en') return builder;
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    throw new AppError('UNSUPPORTED', `Search has no stemming for the language "${language}". Supported: ${supportedLanguages.join(', ')}.`);
  }
  const plugins = lunr as unknown as Record<string, lunr.Builder.Plugin | undefined>;
  if (!('stemmerSupport' in lunr)) (loadCommonJs('lunr-languages/lunr.stemmer.support.js') as (l: typeof lunr) => void)(lunr);
  if (!plugins[language]) (loadCommonJs(`lunr-languages/lunr.${language}.js`) as (l: typeof lunr) => void)(lunr);
  builder.use(plugins[language] as lunr.Builder.Plugin);
  return builder;
}

const DEFAULT_SEPARATOR = String.raw`[\s\-]+`;

/** The characters of lunr's default separator /[\s\-]+/: JavaScript's \s, and the hyphen. */
function isSeparator(c: number): boolean {
  if (c === 45 || c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}

/** Cached pipeline output per lowercased token: stemming dominates indexing time and words repeat. */
const CACHE_LIMIT = 400_000;
const NO_TERMS: readonly string[] = [];

/**
 * lunr's text pipeline (tokenizer separator, trimmer, stop words, stemmer) behind a cache, with
 * tokens reported as offsets into the original text so that matches can be highlighted.
 */
export class Analyzer {
  readonly language: string;
  private readonly indexPipeline: lunr.Pipeline;
  private readonly searchPipeline: lunr.Pipeline;
  private readonly separator: RegExp;
  private readonly defaultSeparator: boolean;
  private cache = new Map<string, readonly string[]>();

  constructor(language = 'en') {
    this.language = language;
    const builder = configuredBuilder(language);
    this.indexPipeline = builder.pipeline;
    this.searchPipeline = builder.searchPipeline;
    const separator = lunr.tokenizer.separator;
    this.separator = new RegExp(separator.source, separator.flags.includes('g') ? separator.flags : `${separator.flags}g`);
    this.defaultSeparator = separator.source === DEFAULT_SEPARATOR && separator.flags === '';
  }

  /**
   * Calls visit(start, end) for every token lunr.tokenizer would produce, until visit returns
   * false. lunr's default separator (whitespace and hyphens) is scanned character by character,
   * several times faster than a regular expression; a custom separator uses the expression.
   */
  private scan(text: string, visit: (start: number, end: number) => boolean): void {
    if (this.defaultSeparator) {
      let start = -1;
      for (let i = 0; i <= text.length; i++) {
        if (i < text.length && !isSeparator(text.charCodeAt(i))) {
          if (start < 0) start = i;
        } else if (start >= 0) {
          if (!visit(start, i)) return;
          start = -1;
        }
      }
      return;
    }
    const separator = this.separator;
    separator.lastIndex = 0;
    let start = 0;
    for (;;) {
      const match = separator.exec(text);
      const end = match ? match.index : text.length;
      if (end > start && !visit(start, end)) return;
      if (!match) return;
      if (match[0].length === 0) separator.lastIndex++;
      start = match.index + match[0].length;
    }
  }

  /**
   * Calls visit for every token lunr.tokenizer would produce, with its offsets in `text` and its
   * index among the tokens. Like lunr, the whole text is lowercased at once; where that changes
   * its length (a few characters lowercase to two), each token is lowercased on its own so that
   * offsets stay true to the original text.
   */
  tokenize(text: string, visit: (lower: string, start: number, end: number, index: number) => void): void {
    const lower = text.toLowerCase();
    const aligned = lower.length === text.length;
    let index = 0;
    this.scan(text, (start, end) => {
      visit(aligned ? lower.slice(start, end) : text.slice(start, end).toLowerCase(), start, end, index++);
      return true;
    });
  }

  /**
   * Like tokenize, but hands over the lowercased text and the token's offsets in it instead of a
   * new string per token, so that a caller looking tokens up by their characters allocates nothing.
   */
  tokenizeInPlace(text: string, visit: (lower: string, start: number, end: number, index: number) => void): void {
    const lower = text.toLowerCase();
    const aligned = lower.length === text.length;
    let index = 0;
    this.scan(text, (start, end) => {
      if (aligned) visit(lower, start, end, index++);
      else {
        const token = text.slice(start, end).toLowerCase();
        visit(token, 0, token.length, index++);
      }
      return true;
    });
  }

  /** Offsets of the tokens numbered 0 to `to` (as tokenize numbers them), without building their strings. */
  tokenBounds(text: string, to: number): { starts: Uint32Array; ends: Uint32Array } {
    const starts = new Uint32Array(to + 1);
    const ends = new Uint32Array(to + 1);
    let index = 0;
    this.scan(text, (start, end) => {
      starts[index] = start;
      ends[index++] = end;
      return index <= to;
    });
    return { starts, ends };
  }

  /** The terms lunr's indexing pipeline makes of one lowercased token (none for a stop word). */
  indexTerms(lower: string): readonly string[] {
    let terms = this.cache.get(lower);
    if (terms === undefined) {
      const out = this.indexPipeline.runString(lower);
      terms = out.length === 0 ? NO_TERMS : out;
      if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
      this.cache.set(lower, terms);
    }
    return terms;
  }

  /** The terms lunr's search pipeline makes of a query term (stemmed, stop words kept, as lunr does). */
  searchTerms(term: string): string[] {
    return this.searchPipeline.runString(term);
  }
}
