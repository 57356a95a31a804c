// Given names, family names and place names for the reference tagger's lexicon observations,
// from @faker-js/faker's locale data (MIT): every Latin-script locale, words folded to lower case.
import { allLocales } from '@faker-js/faker';
import type { Lexicon } from '../src/shared/domain/audit/tagger/features';
import { wordOf } from '../src/shared/domain/audit/tagger/features';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return 'value' in value ? strings(value.value) : Object.values(value).flatMap(strings);
  return [];
}

function addWords(target: Set<string>, value: unknown): void {
  for (const phrase of strings(value)) {
    if (!/^[\p{Script=Latin}'’ -]+$/u.test(phrase)) continue;
    for (const word of phrase.split(/\s+/)) if (word.length > 1) target.add(wordOf(word));
  }
}

export function buildLexicon(): Lexicon {
  const given = new Set<string>();
  const family = new Set<string>();
  const place = new Set<string>();
  for (const locale of Object.values(allLocales)) {
    addWords(given, locale.person?.first_name);
    addWords(family, locale.person?.last_name);
    addWords(place, locale.location?.city_name);
    addWords(place, locale.location?.state);
    addWords(place, locale.location?.country);
  }
  return { given, family, place };
}
