import { join } from 'node:path';
import { expect, test } from '../fixtures';

const manuscript = join(import.meta.dirname, '../fixtures/harbour-review-manuscript.md');
// The audit engine's own fixtures of the forms real papers take (issue 13), imported as a reviewer would.
const auditFixture = (file: string): string => join(import.meta.dirname, '../../src/shared/domain/audit/fixtures', file);

test('a reviewer imports a manuscript, audits it, records a verdict and finds it again after a reload', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await page.getByRole('tab', { name: 'Audit' }).click();

  await page.getByLabel('Import sources').setInputFiles(manuscript);
  const chooser = page.getByLabel('Manuscript to audit');
  await expect(chooser.locator('option:checked')).toHaveText(/^Port Digitisation and Small Exporters in the Straits/);
  await expect(page.getByText('This source has not been audited yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Run audit' }).click();
  const findings = page.getByRole('region', { name: 'Findings' });
  await expect(findings.getByRole('region', { name: 'Missing from the reference list (1)' })).toContainText('"Chua (2023)" is cited but has no entry');
  await expect(findings.getByRole('region', { name: 'Never cited (1)' })).toContainText('"Ong, H. (2015)" is in the reference list but never cited');
  await expect(findings.getByRole('region', { name: 'Probable misspelling (1)' })).toContainText('"Yusoff (2021)" has no exact entry; did you mean "Yusof, N. (2021)"?');
  await expect(findings.getByRole('region', { name: 'Year does not match (1)' })).toContainText('"Tan (2016)"');

  // Citations carry their status as an attribute and a badge, not only a colour.
  await expect(page.locator('mark[data-status="near-match"]')).toHaveText('Yusoff (2021)');
  await expect(page.locator('mark[data-status="near-match"]')).toHaveAttribute('data-badge', '≈ near match');
  await expect(page.locator('mark[data-status="matched"]')).toHaveCount(4);

  // A finding jumps to its place in the manuscript.
  await findings.getByRole('button', { name: /"Chua \(2023\)" is cited/ }).click();
  const focused = page.locator('[data-focus="true"]');
  await expect(focused).toHaveText('(Chua, 2023)');
  await expect(focused).toHaveAttribute('data-status', 'missing');
  await expect(focused).toBeInViewport();

  await page.getByRole('button', { name: /^References/ }).click();
  const references = page.getByRole('list', { name: 'References' });
  await expect(references.getByRole('listitem').filter({ hasText: 'Ong, H. (2015)' })).toContainText('never cited');
  // How an entry was read, field by field, explains why a citation resolves to it or not.
  const lim = references.getByRole('listitem').filter({ hasText: 'Lim, K., & Osman, R. (2019)' });
  await lim.getByText('Read as').click();
  await expect(lim.getByRole('definition')).toHaveText(['Lim; Osman', '2019', 'Single windows and port efficiency', 'Maritime Economics', '21(4)', '233–251']);
  await page.getByRole('button', { name: /^Claims/ }).click();

  const verdict = page.getByLabel('Verdict for Rahman, 2020 in claim 2', { exact: true });
  await verdict.selectOption('partly-supported');
  const note = page.getByLabel('Note for Rahman, 2020 in claim 2', { exact: true });
  await note.fill('The article covers forwarders in one port only.');
  await page.getByRole('button', { name: 'Save verdict for Rahman, 2020 in claim 2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verdict saved.' })).toBeVisible();

  await page.reload();
  await expect(chooser.locator('option:checked')).toHaveText(/^Port Digitisation/);
  await expect(verdict).toHaveValue('partly-supported');
  await expect(note).toHaveValue('The article covers forwarders in one port only.');
  // The same work cited in another claim is a separate link with no verdict yet.
  await expect(page.getByLabel('Verdict for Rahman, 2020 in claim 5', { exact: true })).toHaveValue('');
});

test('the sample manuscript opens audited, with the verdicts the sample records', async ({ page, quarry }) => {
  await page.goto(`${quarry.url}#audit`);
  await expect(page.getByLabel('Manuscript to audit').locator('option:checked')).toHaveText(/^Connecting Markets Online/);
  await expect(page.getByRole('region', { name: 'Findings' }).getByRole('region', { name: 'Probable misspelling (1)' })).toContainText('Shirkoochi');
  await expect(page.getByLabel(/^Verdict for Paris, 2013 in claim \d+$/)).toHaveValue('not-supported');

  // Evidence comes from a source linked as the cited work's full text, found from a pasted passage.
  await page.getByRole('button', { name: /^References/ }).click();
  await page.getByLabel('Full text of Paris (2013)').selectOption({ label: 'Field notes: regional digital-economy policy forum (illustrative)' });
  await page.getByRole('button', { name: /^Claims/ }).click();
  await page.getByLabel(/^Evidence for Paris, 2013 in claim \d+$/).fill('members start from very\ndifferent levels of readiness');
  await page.getByRole('button', { name: /^Save verdict for Paris, 2013 in claim \d+$/ }).click();
  await expect(page.locator('blockquote.audit-evidence')).toContainText('“members start from very different levels of readiness”');
  await page.reload();
  await expect(page.locator('blockquote.audit-evidence')).toContainText('members start from very different levels of readiness');
});

test('the audit reads the forms real papers take in author-date and numeric styles without false alarms', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await page.getByRole('tab', { name: 'Audit' }).click();
  const chooser = page.getByLabel('Manuscript to audit');
  const findings = page.getByRole('region', { name: 'Findings' });

  // Harvard: the reference list is one pasted paragraph, entries end their names in "et al.".
  await page.getByLabel('Import sources').setInputFiles(auditFixture('lake-trade-harvard.md'));
  await expect(chooser.locator('option:checked')).toHaveText(/^Smoked Fish, Mobile Money/);
  await page.getByRole('button', { name: 'Run audit' }).click();
  // Two findings, both real: "et al." for a single author, and a figure beside a cited sentence.
  await expect(findings.getByRole('list', { name: 'Findings per kind' }).getByRole('listitem')).toHaveCount(2);
  await expect(findings.getByRole('region', { name: 'Probable misspelling (1)' })).toContainText('"Osei et al. (2017)" has no exact entry; did you mean "Osei, K. (2017)"?');
  const figures = findings.getByRole('region', { name: 'Figure without a citation (1)' });
  await expect(figures).toContainText('About 64 percent of sellers smoke their fish before sale.');
  await expect(figures).not.toContainText('Covenant 2.1');
  for (const kind of ['Never cited', 'Missing from the reference list', 'Year does not match', 'Fits more than one entry', 'Irregularly written']) {
    await expect(findings.getByRole('region', { name: new RegExp(`^${kind}`) })).toHaveCount(0);
  }
  const matched = page.locator('mark[data-status="matched"]');
  // Narrative citations take only the names; group names, ranges, "no date", "in press" and suffixes resolve.
  for (const text of ['Tibshirani and Hastie (2015)', 'Mensah and Adjei (2012)', 'Ghana Statistical Service (2019b)', 'Nakamura et al. (2019)', 'Nakamura and Reyes (2019)', 'Lake survey contributors, 2021', '(Bureau of Meteorology, 2008 - 2012)', '(Farrow, no date)', '(Haddad et al., in press)', '(Okafor et al., 2016)']) {
    await expect(matched.filter({ hasText: text }).first()).toHaveText(text);
  }
  await expect(page.locator('mark[data-status="near-match"]')).toHaveText('Osei et al. (2017)');
  await page.getByRole('button', { name: /^References/ }).click();
  const references = page.getByRole('list', { name: 'References' });
  await expect(references.getByRole('listitem')).toHaveCount(14);
  // An entry that ends its names in "et al." is one entry, and one that ends with its year does not swallow the next.
  const okafor = references.getByRole('listitem').filter({ hasText: 'Okafor, N. et al. (2016)' });
  await okafor.getByText('Read as').click();
  await expect(okafor.getByRole('definition').first()).toHaveText('Okafor');
  await expect(references.getByRole('listitem').filter({ hasText: /^World Health Organization \(2020\)/ })).toHaveCount(1);

  // Vancouver: brackets with prefixes, locators and ranges; code, console output and an address are no citations.
  await page.getByLabel('Import sources').setInputFiles(auditFixture('lake-catch-vancouver.md'));
  await expect(chooser.locator('option:checked')).toHaveText(/^Catch Monitoring on Lake Volta/);
  await page.getByRole('button', { name: 'Run audit' }).click();
  await expect(findings.getByRole('list', { name: 'Findings per kind' }).getByRole('listitem')).toHaveCount(1);
  await expect(findings.getByRole('region', { name: 'Missing from the reference list (1)' })).toContainText('"[9]" is cited but has no entry');
  await expect(page.locator('mark[data-status="matched"]')).toHaveText(['1', '2–4', '5', '1', '6–7', '3', '8']);
  await expect(page.getByRole('article', { name: 'Manuscript with citations marked' })).toContainText('#> [1] 0.25');
  await page.getByRole('button', { name: /^References/ }).click();
  await expect(page.getByRole('list', { name: 'References' }).getByRole('listitem').filter({ hasText: 'never cited' })).toHaveCount(0);
});
