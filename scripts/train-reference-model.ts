// Trains the reference tagger on anystyle's labelled references and our own (reference-training.xml,
// in the styles of social-science manuscripts) and writes the model Quarry ships:
//   npm run train:references -- --anystyle path/to/anystyle/core.xml
// Training is deterministic: the same data gives the same file.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trainTagger } from '../src/shared/domain/audit/tagger';
import { writeModelFile } from '../src/shared/domain/audit/tagger/model-file';
import { readAnystyle } from './anystyle';
import { buildLexicon } from './lexicon';

const args = process.argv.slice(2);
const path = args[args.indexOf('--anystyle') + 1];
if (!args.includes('--anystyle') || !path) {
  console.error('Usage: npm run train:references -- --anystyle path/to/anystyle/core.xml');
  process.exit(2);
}
const anystyle = readAnystyle(path);
const own = readAnystyle(fileURLToPath(new URL('reference-training.xml', import.meta.url)));
const entries = [...anystyle, ...own];
const started = performance.now();
const tagger = trainTagger(entries, buildLexicon());
const file = writeModelFile(tagger, `${anystyle.length} labelled reference strings of anystyle's core.xml (BSD-2-Clause, inukshuk/anystyle) and Quarry's own ${own.length} (scripts/reference-training.xml)`);
const target = fileURLToPath(new URL('../src/shared/domain/audit/tagger/reference-model.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(file)}\n`);
console.log(`Trained on ${entries.length} entries in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Object.keys(file.node).length} observations, ${Object.keys(file.edge).length} edge observations -> ${target}`);
