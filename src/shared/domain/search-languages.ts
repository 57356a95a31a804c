// Languages search can stem: lunr's own English pipeline and the lunr-languages modules that
// split words with lunr's tokenizer. The main process loads the modules; the UI shows the names.

export const searchLanguages = [
  'en', 'ar', 'da', 'de', 'du', 'el', 'es', 'fi', 'fr', 'he', 'hu', 'hy', 'it', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sv', 'tr', 'vi',
] as const;
export type SearchLanguage = (typeof searchLanguages)[number];

export const searchLanguageNames: Record<SearchLanguage, string> = {
  en: 'English',
  ar: 'Arabic',
  da: 'Danish',
  de: 'German',
  // lunr-languages keeps an older Dutch stemmer under 'du' beside the current 'nl'.
  du: 'Dutch (older stemmer)',
  el: 'Greek',
  es: 'Spanish',
  fi: 'Finnish',
  fr: 'French',
  he: 'Hebrew',
  hu: 'Hungarian',
  hy: 'Armenian',
  it: 'Italian',
  nl: 'Dutch',
  no: 'Norwegian',
  pl: 'Polish',
  pt: 'Portuguese',
  ro: 'Romanian',
  ru: 'Russian',
  sv: 'Swedish',
  tr: 'Turkish',
  vi: 'Vietnamese',
};
