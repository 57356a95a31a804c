// `npm test`: typecheck, lint, security lint, unit, the crash test and e2e, then one summary line counting every test run.
// Every step runs even when an earlier one fails, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = '.test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const failedSteps = [];
function step(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  if (result.status !== 0) failedSteps.push(name);
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('security lint', 'npm', ['run', '--silent', 'lint:security']);
step('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${join(reports, 'vitest.json')}`]);
// Real processes killed at random moments: the project must open, pass integrity_check and hold
// every action the process confirmed. It counts as one test; its own last line says what it found.
console.log('\n=== crash: npm run test:crash -- --kills 20');
const crash = spawnSync('npm', ['run', '--silent', 'test:crash', '--', '--kills', '20'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], shell: process.platform === 'win32' });
process.stdout.write(crash.stdout ?? '');
const crashLine = /^crash: (\d+) kills survived, (\d+) confirmed actions lost, integrity (ok|failed)$/m.exec(crash.stdout ?? '');
const crashPassed = crash.status === 0 && crashLine !== null && crashLine[2] === '0' && crashLine[3] === 'ok';
if (!crashPassed) failedSteps.push('crash');
const built = step('build', 'npx', ['electron-vite', 'build']);
if (built) step('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json') });

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(join(reports, 'vitest.json'));
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
} else if (!failedSteps.includes('unit')) {
  failedSteps.push('unit (no report)');
}
const playwright = existsSync(join(reports, 'playwright.json')) ? readJson(join(reports, 'playwright.json')) : null;
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
} else if (built && !failedSteps.includes('e2e')) {
  failedSteps.push('e2e (no report)');
}

passed += crashPassed ? 1 : 0;
failed += crashPassed ? 0 : 1;

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed ? 1 : 0);
