import { expect, test } from '../fixtures';

const sellerInterview = 'Interview with a small online seller (illustrative)';

/** The words the reader paints as search matches (CSS Custom Highlight API ranges). */
const highlightedWords = (page: import('@playwright/test').Page) =>
  // The registry is a Map at run time; the DOM typings of this tsconfig leave out its reading side.
  page.evaluate(() => [...((CSS.highlights as unknown as Map<string, Set<Range>>).get('quarry-search') ?? [])].map((range) => range.toString()));

test('searching the sample project: results grouped by source, filters, and a hit opened in the reader with its words highlighted', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  const box = page.getByRole('searchbox', { name: 'Search project' });
  const results = page.getByRole('listbox', { name: 'Search results' });

  await box.fill('shipping');
  await expect(page.getByRole('status').filter({ hasText: /hits?$/ })).toHaveText(/^\d+ hits$/);
  await expect(results.getByRole('group', { name: sellerInterview })).toBeVisible();
  await expect(results.locator('mark').first()).toHaveText(/^shipping/i);

  const count = async () => Number((await page.locator('.search-panel__count').textContent())?.match(/^(\d+)/)?.[1]);
  const everything = await count();
  await page.getByRole('combobox', { name: 'Filter by kind' }).selectOption('passage');
  await page.getByRole('combobox', { name: 'Filter by source' }).selectOption({ label: sellerInterview });
  await expect(results.getByRole('group')).toHaveCount(1);
  await expect(results.getByRole('group', { name: sellerInterview })).toBeVisible();
  const filtered = await count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(everything);
  await expect(results.getByRole('option')).toHaveCount(filtered);

  // Arrow keys move through the results; Enter opens the chosen one in the reader.
  await box.press('ArrowDown');
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(results).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: sellerInterview })).toBeVisible();
  await expect.poll(() => highlightedWords(page)).not.toEqual([]);
  for (const word of await highlightedWords(page)) expect(word).toMatch(/^shipping/i);

  // A malformed query says what is wrong instead of failing silently.
  await box.fill('"cross-border');
  await expect(page.getByRole('alert').filter({ hasText: 'closing quote' })).toBeVisible();

  await page.getByRole('button', { name: 'Search help' }).click();
  await expect(page.getByRole('dialog', { name: 'Search syntax' })).toContainText('"digital trade"');
});

test('coding all hits of a query adds exactly the previewed codings, and Undo removes them again', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  const codingCount = page.getByLabel('Project counts');
  await expect(codingCount).toContainText(' codings');
  const codings = async () => Number((await codingCount.textContent())?.match(/(\d+) codings/)?.[1]);
  const before = await codings();

  const box = page.getByRole('searchbox', { name: 'Search project' });
  await box.fill('QRIS');
  await page.getByRole('combobox', { name: 'Filter by kind' }).selectOption('passage');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  await page.getByRole('button', { name: 'Code all hits' }).click();
  const panel = page.getByRole('region', { name: 'Code all hits' });
  await panel.getByRole('combobox', { name: 'Code to apply' }).selectOption({ label: '\u2003Connectivity gaps' });
  await panel.getByRole('radio', { name: 'Matched words only' }).check();
  await expect(panel.getByText(/^Will add \d+ codings? in \d+ sources?/)).toBeVisible();
  const added = Number((await panel.getByText(/^Will add/).textContent())?.match(/Will add (\d+)/)?.[1]);
  expect(added).toBeGreaterThan(0);

  await panel.getByRole('button', { name: 'Apply code' }).click();
  await expect(panel).toContainText(`Coded ${added} span`);
  await expect.poll(codings).toBe(before + added);
  await expect(panel).toContainText('Nothing new to code');

  // Closing the results keeps the Undo of the last "Code all hits" until the next search.
  await box.press('Escape');
  await expect(panel).toBeHidden();
  await box.click();
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel).toContainText(`Removed ${added} coding`);
  await expect.poll(codings).toBe(before);
});
