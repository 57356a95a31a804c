import { expect, test } from '../fixtures';

const attache = 'Interview with a trade attache (illustrative)';
const fieldNotes = 'Field notes: regional digital-economy policy forum (illustrative)';

test('an attribute added to a source in Collect filters a search to that source', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: new RegExp(attache.replace(/[()]/g, '\\$&')) }).click();
  const attributes = page.getByRole('region', { name: 'Attributes' });
  // The sample gives each source its case attributes; this adds two more and takes one away.
  await expect(attributes.getByRole('listitem')).toHaveCount(2);
  for (const [name, value] of [['posting', 'ASEAN capital'], ['recorded', 'April 2024']] as const) {
    await attributes.getByRole('textbox', { name: 'Attribute name' }).fill(name);
    await attributes.getByRole('textbox', { name: 'Attribute value' }).fill(value);
    await attributes.getByRole('button', { name: 'Add attribute' }).click();
    await expect(attributes.getByRole('listitem').filter({ hasText: `${name} = ${value}` })).toBeVisible();
  }
  await attributes.getByRole('button', { name: 'Remove attribute recorded' }).click();
  await expect(attributes.getByRole('listitem')).toHaveCount(3);
  await expect(attributes.getByRole('listitem').filter({ hasText: 'posting = ASEAN capital' })).toBeVisible();
  await expect(attributes.getByRole('listitem').filter({ hasText: 'recorded' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Search language' })).toHaveValue('en');

  const box = page.getByRole('searchbox', { name: 'Search project' });
  const results = page.getByRole('listbox', { name: 'Search results' });
  await box.fill('payment');
  await expect(results.getByRole('group', { name: fieldNotes })).toBeVisible();
  const filter = page.getByRole('combobox', { name: 'Filter by attribute' });
  await expect(filter.getByRole('option', { name: 'country = Indonesia (3)' })).toBeAttached();
  await filter.selectOption({ label: 'posting = ASEAN capital (1)' });
  await expect(results.getByRole('group')).toHaveCount(1);
  await expect(results.getByRole('group', { name: attache })).toBeVisible();
  await expect(results.getByRole('group', { name: fieldNotes })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('attribute-filter.png') });

  // Another search language rebuilds the index; the filtered search then answers from the new one.
  await box.press('Escape');
  await page.getByRole('combobox', { name: 'Search language' }).selectOption({ label: 'German' });
  await expect(page.getByRole('combobox', { name: 'Search language' })).toHaveValue('de');
  await box.fill('payments');
  await expect(results.getByRole('group', { name: attache })).toBeVisible();
});
