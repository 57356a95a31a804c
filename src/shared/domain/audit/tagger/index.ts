// Parsing a reference entry with the trained tagger, and training one from labelled entries.
import { cleanEntry } from '../reference-rules';
import type { ParsedReference } from '../types';
import { observe, type Lexicon } from './features';
import { fieldsFromSpans, REFERENCE_LABELS, spansOf, toReferenceLabel } from './fields';
import { ruleHints } from './hints';
import type { ReferenceTagger } from './model-file';
import { decode, train, type TrainingExample, type TrainingOptions } from './perceptron';
import { tokenize, type Token } from './tokens';

/** An entry labelled field by field, in order, as anystyle's training data is: [label, text]. */
export type LabelledEntry = Array<[label: string, text: string]>;

/** Chosen by five-fold cross-validation on anystyle's entries (bench/audit.ts): more epochs stopped helping at about 30. */
export const TRAINING: TrainingOptions = { epochs: 30, seed: 1 };

/** Where the per-token field hints come from: the rule-based parser, or (to measure what it adds) nowhere. */
export type HintSource = (raw: string, text: string, tokens: Token[]) => Array<string | null>;
export const NO_HINTS: HintSource = (_raw, _text, tokens) => tokens.map(() => null);

/** Fields joined by spaces, as anystyle writes its entries, so each field is a run of whole tokens. */
export function exampleFrom(entry: LabelledEntry, lexicon: Lexicon, hints: HintSource = ruleHints): TrainingExample {
  const text = entry.map(([, value]) => value).join(' ');
  const tokens = tokenize(text);
  const labels = entry.flatMap(([label, value]) => tokenize(value).map(() => REFERENCE_LABELS.indexOf(toReferenceLabel(label))));
  return { observations: observe(tokens, hints(text, text, tokens), lexicon), labels };
}

/** A tagger must be used with the hints it was trained with. */
export function trainTagger(entries: LabelledEntry[], lexicon: Lexicon, options: TrainingOptions = TRAINING, hints: HintSource = ruleHints): ReferenceTagger {
  return { model: train([...REFERENCE_LABELS], entries.map((entry) => exampleFrom(entry, lexicon, hints)), options), lexicon };
}

export function tagReference(tagger: ReferenceTagger, raw: string, hints: HintSource = ruleHints): ParsedReference {
  const text = cleanEntry(raw);
  const tokens = tokenize(text);
  const labels = decode(tagger.model, observe(tokens, hints(raw, text, tokens), tagger.lexicon));
  return fieldsFromSpans(text, spansOf(tokens, labels.map((index) => toReferenceLabel(tagger.model.labels[index] ?? 'other'))));
}
