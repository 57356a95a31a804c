// `npm run lint:security`: Electronegativity over src/, failing on any finding of medium or
// higher severity that is not an accepted exception in scripts/security-exceptions.json.
// Each exception names the check, the file and the flagged source line (so a new call site is
// a new finding) and carries its reason, which the README must show word for word.
import Module, { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const scanned = 'src';
const exceptionsFile = 'scripts/security-exceptions.json';

// Electronegativity fetches translations and Electron's release list from the network. The
// lint must be hermetic and fast, so every request it makes is answered "not found" at once:
// it then keeps its bundled English texts. (The release-list check is excluded, see the file.)
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = createRequire(join(toolDir, 'package.json')).resolve('got');
const offline = new Module(gotPath);
offline.exports = Object.assign(async () => ({ statusCode: 404, body: '', headers: {} }), { head: async () => ({ statusCode: 404, headers: {} }) });
offline.loaded = true;
require.cache[gotPath] = offline;

const run = require('@doyensec/electronegativity');
const { severity } = require('@doyensec/electronegativity/dist/finder/attributes');
const toolVersion = require('@doyensec/electronegativity/package.json').version;
const electronVersion = require('electron/package.json').version;

const { excludedChecks, acceptedFindings } = JSON.parse(readFileSync(join(root, exceptionsFile), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

const started = performance.now();
const result = await run({
  input: join(root, scanned),
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: excludedChecks.map((entry) => entry.check),
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const serious = result.issues.filter((issue) => issue.severity.value >= severity.MEDIUM.value);
const sameFinding = (entry, issue) => entry.check === issue.id && entry.file === issue.file && (entry.line ?? '') === (issue.sample ?? '');
const problems = [];
const rows = [];
for (const issue of serious) {
  const where = issue.file === 'N/A' ? '(whole app)' : `${issue.file}:${issue.location.line}`;
  const accepted = acceptedFindings.some((entry) => sameFinding(entry, issue));
  rows.push(`  ${accepted ? 'accepted' : 'FAILED  '}  ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${where}${issue.sample ? `  ${issue.sample}` : ''}`);
  if (!accepted) problems.push(`${issue.id} at ${where}: ${issue.description} (${issue.shortenedURL})`);
}
for (const entry of acceptedFindings) {
  if (!serious.some((issue) => sameFinding(entry, issue))) {
    problems.push(`The accepted exception ${entry.check} in ${entry.file} no longer matches a finding: remove it from ${exceptionsFile} and the README, or update its line.`);
  }
}
for (const entry of [...excludedChecks, ...acceptedFindings]) {
  if (!readme.includes(entry.reason)) problems.push(`README.md does not show the reason for ${entry.check} from ${exceptionsFile}: "${entry.reason}".`);
}
for (const error of result.errors.filter((error) => !error.tolerable)) {
  problems.push(`Electronegativity could not parse ${error.file}: ${error.message}`);
}

console.log(
  `lint:security: Electronegativity ${toolVersion} over ${scanned}/ (Electron ${electronVersion}), ${result.globalChecks + result.atomicChecks} checks, ` +
    `${result.issues.length} findings, ${serious.length} medium or higher, in ${seconds} s`,
);
rows.forEach((row) => console.log(row));
if (problems.length) {
  problems.forEach((problem) => console.log(`  - ${problem}`));
  console.log(`lint:security failed: fix each finding, or, if it is a reviewed false alarm, add it with its reason to ${exceptionsFile} and the README.`);
  process.exit(1);
}
console.log(`lint:security passed (${serious.length} accepted exceptions).`);
