// Reference strings are tagged token by token; a token is a run of non-space characters, so
// every field of a labelled entry (anystyle's training data is labelled the same way) is a run
// of whole tokens, and a field's text is the slice of the entry between its first and last token.

export interface Token {
  text: string;
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  return [...text.matchAll(/\S+/gu)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}
