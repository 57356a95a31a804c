// Parsing a reference entry with the trained tagger, and training one from labelled entries.
import { cleanEntry } from '../reference-rules';
import type { ParsedReference } from '../types';
import { observe, type Lexicon } from './features';
import { fieldsFromSpans, REFERENCE_LABELS, spansOf, toReferenceLabel } from './fields';
import { ruleHints } from './hints';
import type { ReferenceTagger } from './model-file';
import { decode, train, type TrainingExample, type TrainingOptions } from './perceptron';
import { tokenize } from './tokens';

/** An entry labelled field by field, in order, as anystyle's training data is: [label, text]. */
export type LabelledEntry = Array<[label: string, text: string]>;

/** Chosen by five-fold cross-validation on anystyle's entries (bench/audit.ts): more epochs stopped helping at about 30. */
export const TRAINING: TrainingOptions = { epochs: 30, seed: 1 };

/** Fields joined by spaces, as anystyle writes its entries, so each field is a run of whole tokens. */
export function exampleFrom(entry: LabelledEntry, lexicon: Lexicon): TrainingExample {
  const text = entry.map(([, value]) => value).join(' ');
  const tokens = tokenize(text);
  const labels = entry.flatMap(([label, value]) => tokenize(value).map(() => REFERENCE_LABELS.indexOf(toReferenceLabel(label))));
  return { observations: observe(tokens, ruleHints(text, text, tokens), lexicon), labels };
}

export function trainTagger(entries: LabelledEntry[], lexicon: Lexicon, options: TrainingOptions = TRAINING): ReferenceTagger {
  return { model: train([...REFERENCE_LABELS], entries.map((entry) => exampleFrom(entry, lexicon)), options), lexicon };
}

export function tagReference(tagger: ReferenceTagger, raw: string): ParsedReference {
  const text = cleanEntry(raw);
  const tokens = tokenize(text);
  const labels = decode(tagger.model, observe(tokens, ruleHints(raw, text, tokens), tagger.lexicon));
  return fieldsFromSpans(text, spansOf(tokens, labels.map((index) => toReferenceLabel(tagger.model.labels[index] ?? 'other'))));
}
