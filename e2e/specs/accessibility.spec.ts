import { violations } from '../axe';
import { expect, test } from '../fixtures';

// Every view and dialog is checked with axe's full rule set at every impact level (WCAG 2.x
// A and AA, best practices included), on what is on screen once it has loaded.

const loaded = {
  Collect: { role: 'list', name: 'Sources' },
  Reduce: { role: 'tree', name: 'Codebook' },
  Display: { role: 'region', name: 'Matrix' },
  Conclude: { role: 'textbox', name: 'Conclusion statement' },
  Segments: { role: 'combobox', name: 'Code' },
  Memos: { role: 'list', name: 'Memos found' },
  Audit: { role: 'region', name: 'Findings' },
  Overview: { role: 'table', name: 'Sources, the least coded first' },
} as const;

for (const [view, content] of Object.entries(loaded)) {
  test(`the ${view} view passes every axe rule`, async ({ page, quarry }) => {
    expect(quarry.url).toContain('token=');
    await page.getByRole('tab', { name: view }).click();
    await expect(page.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole(content.role, { name: content.name })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test('the dialogs, menus and panels of the Reduce and Segments views pass every axe rule', async ({ page, quarry }) => {
  test.setTimeout(240_000);
  expect(quarry.url).toContain('token=');
  await page.getByRole('tab', { name: 'Reduce' }).click();
  const reader = page.getByRole('region', { name: 'Reader' });
  await reader.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Interview with a small online seller (illustrative)' });
  // The stripe of the source chosen, not one of the source shown before it that is still being replaced.
  const stripe = page.getByRole('article', { name: 'Text of Interview with a small online seller (illustrative)' }).getByRole('button', { name: /^Coding .*Marketplaces/ }).first();
  await stripe.click();
  await expect(page.getByRole('dialog', { name: 'Codings here' })).toBeVisible();
  expect(await violations(page), 'coding menu').toEqual([]);
  await page.getByRole('button', { name: /^Change the code of coding/ }).click();
  expect(await violations(page), 'recoding').toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'New code' }).click();
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Shipping and delivery/ }).click();
  await page.getByRole('button', { name: 'Split…' }).click();
  await page.getByRole('button', { name: 'New theme' }).click();
  expect(await violations(page), 'new code, code details, split, new theme').toEqual([]);
  await page.getByRole('button', { name: 'Delete code' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete code' })).toBeVisible();
  expect(await violations(page), 'confirm dialog').toEqual([]);
  await page.getByRole('dialog', { name: 'Delete code' }).getByRole('button', { name: 'Cancel' }).click();
  await page.keyboard.press('Control+Shift+p');
  await expect(page.getByRole('combobox', { name: 'Type a command' })).toBeVisible();
  expect(await violations(page), 'command palette').toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: 'History' }).click();
  expect(await violations(page), 'history').toEqual([]);
  await page.getByRole('dialog', { name: 'Undo history' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Shipping and delivery/ }).click();
  await page.getByRole('button', { name: 'Retrieve segments' }).click();
  await expect(page.getByRole('list', { name: 'Segments' })).toBeVisible();
  await page.getByRole('tab', { name: 'Summary table' }).click();
  await expect(page.getByRole('table', { name: 'Summaries by source and code' })).toBeVisible();
  expect(await violations(page), 'summary table').toEqual([]);
});

test('the backups panel and its restore question pass every axe rule', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await page.getByRole('contentinfo', { name: 'Status' }).getByRole('button', { name: 'Backups' }).click();
  const panel = page.getByRole('dialog', { name: 'Backups' });
  // The sample project is backed up as it opens.
  await expect(panel.getByRole('list', { name: 'Backups, newest first' }).getByRole('listitem')).toHaveCount(1);
  expect(await violations(page), 'backups panel').toEqual([]);
  await panel.getByRole('button', { name: /^Restore the backup of/ }).click();
  await expect(page.getByRole('dialog', { name: 'Restore this backup?' })).toBeVisible();
  expect(await violations(page), 'restore question').toEqual([]);
});

test('the network panel, with its strength controls, passes every axe rule', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await page.getByRole('tab', { name: 'Display' }).click();
  await page.getByRole('tablist', { name: 'Kind of display' }).getByRole('tab', { name: 'Network' }).click();
  const network = page.getByRole('tabpanel', { name: 'Network' });
  await expect(network.locator('.network-canvas[data-drawn]')).toBeVisible();
  await expect(network.getByRole('checkbox', { name: 'The strongest 600 only' })).toBeChecked();
  await expect(network.getByRole('status')).toHaveText(/^\d+ of \d+ links$/);
  expect(await violations(page), 'network panel').toEqual([]);
  // Choosing a strength leaves the automatic choice; ticking it again goes back to it.
  await network.getByRole('spinbutton', { name: 'Links at least' }).fill('2');
  await expect(network.getByRole('checkbox', { name: 'The strongest 600 only' })).not.toBeChecked();
  await network.getByRole('checkbox', { name: 'The strongest 600 only' }).check();
  await expect(network.getByRole('spinbutton', { name: 'Links at least' })).toHaveValue('1');
});
