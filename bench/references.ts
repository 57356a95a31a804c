// How reference files import: per file, the records read, the parts skipped (by line) and the
// time; where a file has an expected CSL-JSON beside it (name-input.bib with name-csl.json), how
// many records agree with it field by field, and whether reading it all at once and record by
// record agree (the fallback costs only what it must).
//   npm run bench:references -- <folder or file>...
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { identityOf, type CslItem } from '../src/shared/domain/library';
import { readReferenceFile } from '../src/main/services/references/read-file';

const paths = process.argv.slice(2).flatMap((path) => (statSync(path).isDirectory() ? readdirSync(path).map((name) => join(path, name)) : [path]));
const files = paths.filter((path) => /\.(bib|ris|json)$/i.test(path) && !/-csl\.json$/.test(path)).sort();
if (files.length === 0) {
  console.error('Give one or more .bib, .ris or CSL-JSON files, or folders holding them.');
  process.exit(2);
}

const FIELDS = ['type', 'authors', 'year', 'title', 'doi', 'container-title', 'volume', 'issue', 'page'] as const;
const valueOf = (item: CslItem, field: (typeof FIELDS)[number]) => {
  const identity = identityOf(item);
  if (field === 'authors') return identity.authors.join('; ');
  if (field === 'year' || field === 'title' || field === 'doi' || field === 'type') return identity[field] ?? '';
  return String(item[field] ?? '');
};

let totalRecords = 0;
let totalSkipped = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const started = performance.now();
  const read = readReferenceFile(basename(file), text);
  const ms = performance.now() - started;
  const skipped = read.skipped.filter((part) => !part.kept);
  totalRecords += read.records.length;
  totalSkipped += skipped.length;
  console.log(`\n${basename(file)} (${read.format}, ${text.split('\n').length} lines): ${read.records.length} records read, ${skipped.length} parts skipped, ${read.skipped.length - skipped.length} notes, ${ms.toFixed(0)} ms`);
  for (const part of read.skipped) console.log(`  ${part.kept ? 'note   ' : 'skipped'} ${part.line === part.endLine ? `line ${part.line}` : `lines ${part.line}–${part.endLine}`}: ${part.reason}`);

  const expectedFile = file.replace(/-input\.bib$/, '-csl.json');
  if (expectedFile !== file && existsSync(expectedFile)) {
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as CslItem[];
    const byKey = new Map(expected.map((item) => [String(item['citation-key'] ?? item.id), item]));
    const agree = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<(typeof FIELDS)[number], number>;
    let matched = 0;
    for (const record of read.records) {
      const want = byKey.get(String(record.csl['citation-key']));
      if (!want) continue;
      matched++;
      for (const field of FIELDS) if (valueOf(record.csl, field) === valueOf(want, field)) agree[field]++;
    }
    console.log(`  against ${basename(expectedFile)}: ${matched} of ${expected.length} expected records found; fields agreeing: ${FIELDS.map((f) => `${f} ${agree[f]}/${matched}`).join(', ')}`);
  }
}
console.log(`\n${files.length} files: ${totalRecords} records read, ${totalSkipped} parts skipped.`);
