import lunr from 'lunr';
import { AppError } from '../../../shared/api/errors';
import type { Analyzer } from './analyzer';
import { FIELDS } from './analyzer';

export type Presence = 'optional' | 'required' | 'prohibited';

/** A lunr query clause, its term still to be expanded against the index's dictionary. */
export interface TermClause {
  /** Terms after lunr's search pipeline; each is expanded on its own, as lunr does. */
  terms: string[];
  fields: number[];
  presence: Presence;
  boost: number;
  editDistance: number;
  /** false for exact terms (after the pipeline); wildcards and fuzzy terms are expanded (a stem added to a prefix is looked up as it is). */
  expand: boolean;
  /** Its terms are alternatives (a prefix and the stems of the word before its *): it matches where any of them does. */
  alternatives: boolean;
}

/** Terms that must occur at fixed distances from each other in one field: a quoted phrase. */
export interface PhraseClause {
  words: Array<{ term: string; offset: number }>;
  fields: number[];
  presence: Exclude<Presence, 'optional'>;
}

export interface QueryPlan {
  clauses: TermClause[];
  phrases: PhraseClause[];
}

// lunr's query classes exist at run time but @types/lunr leaves the parser out.
interface LunrClause {
  term: string;
  fields: string[];
  boost: number;
  usePipeline: boolean;
  editDistance?: number;
  presence: number;
}
type QueryParserClass = new (text: string, query: lunr.Query) => { parse(): { clauses: LunrClause[] } };
const QueryParser = (lunr as unknown as { QueryParser: QueryParserClass }).QueryParser;

const PHRASE = /([+-]?)(?:([A-Za-z_][\w]*):)?"([^"]*)"/g;

function fieldIndexes(names: readonly string[]): number[] {
  return names.map((name) => FIELDS.indexOf(name as (typeof FIELDS)[number]));
}

function presenceOf(code: number): Presence {
  if (code === lunr.Query.presence.REQUIRED) return 'required';
  if (code === lunr.Query.presence.PROHIBITED) return 'prohibited';
  return 'optional';
}

/**
 * Parses lunr's query language plus quoted phrases, which lunr lacks. A phrase must match
 * (or, after `-`, must not); its words go through the indexing pipeline so that stop words inside
 * it keep their place as gaps. Throws VALIDATION with lunr's explanation for a malformed query.
 */
export function planQuery(query: string, analyzer: Analyzer): QueryPlan {
  const phrases: PhraseClause[] = [];
  const rest = query.replace(PHRASE, (_all, sign: string, field: string | undefined, body: string) => {
    if (field !== undefined && !(FIELDS as readonly string[]).includes(field)) {
      throw new AppError('VALIDATION', `The search names a field "${field}" that does not exist; use one of: ${FIELDS.join(', ')}.`);
    }
    const words: PhraseClause['words'] = [];
    analyzer.tokenize(body, (lower, _start, _end, index) => {
      for (const term of analyzer.indexTerms(lower)) words.push({ term, offset: index });
    });
    if (words.length > 0) {
      phrases.push({ words, fields: field === undefined ? FIELDS.map((_, i) => i) : fieldIndexes([field]), presence: sign === '-' ? 'prohibited' : 'required' });
    }
    return ' ';
  });
  if (rest.includes('"')) throw new AppError('VALIDATION', 'A quoted phrase in the search is missing its closing quote.');
  let parsed: { clauses: LunrClause[] };
  try {
    parsed = new QueryParser(rest, new lunr.Query([...FIELDS])).parse();
  } catch (error) {
    if (error instanceof lunr.QueryParseError) throw new AppError('VALIDATION', `The search could not be read: ${error.message}.`);
    throw error;
  }
  const clauses = parsed.clauses.map((c): TermClause => {
    const editDistance = c.editDistance ?? 0;
    // The index holds stems, which a whole word typed before the * seldom begins ('shipping*'
    // against 'ship'): the word's own stems are looked up too, so it finds the word's forms.
    const prefixOfWord = editDistance === 0 && /^[^*]+\*$/.test(c.term);
    return {
      terms: c.usePipeline ? analyzer.searchTerms(c.term) : prefixOfWord ? [c.term, ...analyzer.searchTerms(c.term.slice(0, -1))] : [c.term],
      fields: fieldIndexes(c.fields),
      presence: presenceOf(c.presence),
      boost: c.boost,
      editDistance,
      expand: c.term.includes('*') || editDistance > 0,
      alternatives: prefixOfWord,
    };
  });
  return { clauses, phrases };
}

/** "Find support": every indexed term of a text as an optional clause, repeated words weighing more. */
export function planSimilar(text: string, analyzer: Analyzer): QueryPlan {
  const clauses: TermClause[] = [];
  const all = FIELDS.map((_, i) => i);
  analyzer.tokenize(text, (lower) => {
    for (const term of analyzer.indexTerms(lower)) {
      clauses.push({ terms: [term], fields: all, presence: 'optional', boost: 1, editDistance: 0, expand: false, alternatives: false });
    }
  });
  return { clauses, phrases: [] };
}
