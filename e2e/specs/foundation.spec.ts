import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { codingOf, selectInReader } from '../reader';
import { startQuarry } from '../quarry-server';

const attache = 'Interview with a trade attache (illustrative)';
const phrase = 'Most of my week is about trade and investment';


async function openAttacheInReduce(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Reduce' }).click();
  await page.getByRole('region', { name: 'Reader' }).getByRole('combobox', { name: 'Source' }).selectOption({ label: attache });
  await expect(page.getByRole('article', { name: `Text of ${attache}` })).toBeVisible();
}

test('a researcher opens the sample, creates a code, codes a selected passage and finds it highlighted after a reload', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('button')).toHaveCount(4);
  await expect(page.getByRole('navigation', { name: 'Stages' }).getByRole('tab')).toHaveText([/Collect/, /Reduce/, /Display/, /Conclude/, /Segments/, /Memos/, /Audit/, /Library/, /Overview/]);

  await openAttacheInReduce(page);
  await page.getByRole('button', { name: 'New code' }).click();
  await page.getByRole('textbox', { name: 'Code name' }).fill('Workload of missions');
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: 'Workload of missions, 0 codings' })).toBeVisible();

  await selectInReader(page, attache, phrase);
  const tools = page.getByRole('region', { name: 'Code selection' });
  await tools.getByRole('combobox', { name: 'Choose code' }).fill('Workload');
  // Choosing a code from the filtered list applies it to the selection.
  await tools.getByRole('option', { name: 'Workload of missions' }).click();
  await expect(codingOf(page, 'Workload of missions', phrase)).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: 'Workload of missions, 1 coding' })).toBeVisible();

  await page.reload();
  await openAttacheInReduce(page);
  await expect(codingOf(page, 'Workload of missions', phrase)).toBeVisible();

  // Recolouring is saved with the project too.
  const item = page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Workload of missions/ });
  await item.click();
  await page.getByLabel('Code colour').fill('#aa3377');
  const savedColour = async () => {
    const response = await page.request.post(`${quarry.origin}/api/codes.list`, { data: {}, headers: { authorization: `Bearer ${quarry.token}` } });
    return ((await response.json()).value as Array<{ name: string; color: string }>).find((c) => c.name === 'Workload of missions')?.color;
  };
  await expect.poll(savedColour).toBe('#aa3377');
  await page.reload();
  await page.getByRole('tab', { name: 'Reduce' }).click();
  await item.click();
  await expect(page.getByLabel('Code colour')).toHaveValue('#aa3377');
});

test('a coding saved before Quarry is killed is still there when it starts again', async ({ page, quarry, dataDir }) => {
  await openAttacheInReduce(page);
  await page.getByRole('button', { name: 'New code' }).click();
  await page.getByRole('textbox', { name: 'Code name' }).fill('Crash check');
  await page.getByRole('button', { name: 'Add code' }).click();
  await selectInReader(page, attache, phrase);
  const tools = page.getByRole('region', { name: 'Code selection' });
  // Keyboard: type to filter, Enter applies the highlighted code.
  await tools.getByRole('combobox', { name: 'Choose code' }).fill('Crash check');
  await tools.getByRole('combobox', { name: 'Choose code' }).press('Enter');
  await expect(codingOf(page, 'Crash check', phrase)).toBeVisible();
  // The highlight is painted before the server answers; the codebook's count is the saved coding.
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: 'Crash check, 1 coding' })).toBeVisible();

  await quarry.kill();
  const again = await startQuarry({ dataDir });
  try {
    await page.goto(again.url);
    await openAttacheInReduce(page);
    await expect(codingOf(page, 'Crash check', phrase)).toBeVisible();
  } finally {
    await again.stop();
  }
});

test('the API refuses a request without the token and answers a malformed one with VALIDATION', async ({ page, quarry }) => {
  const withoutToken = await page.request.post(`${quarry.origin}/api/sources.list`, { data: {} });
  expect(withoutToken.status()).toBe(401);
  expect(await withoutToken.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

  const authorization = { authorization: `Bearer ${quarry.token}` };
  const malformed = await page.request.post(`${quarry.origin}/api/codings.apply`, { data: { sourceId: 'x', start: 'ten' }, headers: authorization });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

  const fine = await page.request.post(`${quarry.origin}/api/sources.list`, { data: {}, headers: authorization });
  expect(fine.status()).toBe(200);
  expect((await fine.json()).value).toHaveLength(4);
});

test('the sample project as the README shows it', async ({ page, quarry }, testInfo) => {
  expect(quarry.url).toContain('token=');
  await page.getByRole('tab', { name: 'Reduce' }).click();
  await page.getByRole('region', { name: 'Reader' }).getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Interview with a small online seller (illustrative)' });
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: /^Coding / }).first()).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').first()).toBeVisible();
  const path = process.env.QUARRY_UPDATE_SCREENSHOTS ? 'docs/screenshot.png' : testInfo.outputPath('screenshot.png');
  await page.screenshot({ path });
});
