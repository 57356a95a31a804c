import { join } from 'node:path';
import { expect, test } from '../fixtures';

const manuscript = join(import.meta.dirname, '../fixtures/harbour-review-manuscript.md');

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
