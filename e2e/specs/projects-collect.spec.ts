import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { dropFiles } from '../drop';
import { typeInPalette } from '../palette';
import { startQuarry } from '../quarry-server';

// The first part of a researcher's day, in a project made in the UI: files dropped on the
// window (a transcript with speaker turns among them), a pasted source, metadata, a case with
// typed attributes, and all of it still there after Quarry starts again.

const transcript = [
  'Interview with Rina, Lombok market, 18 March 2024',
  '',
  'I: How did you start selling online?',
  'R: My cousin set up the shop page.',
  'She still answers the messages at night.',
  '[00:12:31] I: And the shippings abroad?',
  'R: Too expensive. Shipping a bag costs more than the bag.',
].join('\n');
const notes = ['# Market notes', '', 'Stalls open at *seven*; the **harbour** office at eight.', '', '- dried fish', '- woven bags', ''].join('\n');
const brief = '<html><body><h1>Policy brief</h1><p>Parcel tariffs were cut in 2023.</p><p>Couriers did not pass the cut on.</p></body></html>';
const pasted = 'Ade: We ship twice a week.\nLina: Only when the ferry runs.';

const sourceButton = (page: Page, title: string) => page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: new RegExp(`^${title}`) });
const reader = (page: Page, title: string) => page.getByRole('article', { name: `Text of ${title}` });

/** What a reopened project must still show. */
async function checkEverything(page: Page): Promise<void> {
  await expect(page).toHaveTitle('Harbour traders — Quarry');
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Harbour traders');
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(4);

  // One passage per turn, each with its speaker; the line break inside Rina's answer is kept.
  await sourceButton(page, 'interview-rina').click();
  const turns = reader(page, 'interview-rina').locator('p.passage--turn');
  await expect(turns).toHaveCount(4);
  expect(await turns.evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.speaker))).toEqual(['I', 'R', 'I', 'R']);
  await expect(turns.nth(1)).toHaveText('R: My cousin set up the shop page.\nShe still answers the messages at night.');
  await expect(turns.nth(2).locator('.text-mark--speaker')).toHaveText('[00:12:31] I:');
  await expect(page.getByRole('region', { name: 'Reader' }).getByText('Interview or transcript', { exact: true })).toBeVisible();

  // Markdown keeps its list and emphasis as structure the reader draws.
  await sourceButton(page, 'Market notes').click();
  const details = page.getByRole('region', { name: 'Source details' });
  await expect(details.getByRole('textbox', { name: 'Authors' })).toHaveValue('Lim, K.; Tan, W.');
  await expect(details.getByRole('textbox', { name: 'Year' })).toHaveValue('2024');
  await expect(details.getByRole('combobox', { name: 'Kind' })).toHaveValue('note');
  await expect(reader(page, 'Market notes').locator('em')).toHaveText('seven');
  await expect(reader(page, 'Market notes').locator('strong')).toHaveText('harbour');
  await expect(reader(page, 'Market notes').locator('p.passage--list-item[data-marker="•"]')).toHaveText(['dried fish', 'woven bags']);

  await sourceButton(page, 'Phone call with Ade').click();
  await expect(reader(page, 'Phone call with Ade').locator('p.passage--turn')).toHaveCount(2);

  // The case and its typed attributes.
  await page.getByRole('tab', { name: /^Cases/ }).click();
  await page.getByRole('list', { name: 'Cases' }).getByRole('button', { name: /^Rina/ }).click();
  const attributes = page.getByRole('region', { name: 'Case attributes' });
  await expect(attributes.getByRole('listitem')).toHaveText(['age = 34 (number)', 'interviewed = 2024-03-18 (date)', 'island = Lombok (text)'].map((t) => new RegExp(t.replace(/[()]/g, '\\$&'))));
  await expect(page.getByRole('region', { name: 'Case members' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('tab', { name: /^Sources/ }).click();
}

test('a new project from the start screen: files dropped, a source pasted, metadata and a case, all there after a restart', async ({ page, quarry, dataDir }, testInfo) => {
  test.setTimeout(180_000);
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(4);

  // A new project from the start screen; in browser mode it goes in Quarry's own folder.
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  const start = page.getByRole('main', { name: 'Projects' });
  await expect(start.getByRole('list', { name: 'Recent projects' }).getByRole('listitem')).toHaveCount(1);
  const creating = start.getByRole('form', { name: 'New project' });
  await creating.getByRole('textbox', { name: 'Project name' }).fill('Harbour traders');
  await expect(creating.getByRole('combobox', { name: 'Folder' })).toHaveValue(dataDir);
  await expect(creating.getByRole('textbox', { name: 'File name' })).toHaveValue('Harbour traders.quarry');
  await creating.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveTitle('Harbour traders — Quarry');
  expect(existsSync(join(dataDir, 'Harbour traders.quarry'))).toBe(true);
  await expect(page.getByText('No sources yet. Import a file to begin.')).toBeVisible();

  // Three files and a broken one dropped at once: one batch, a summary, the broken file named.
  await dropFiles(page, [
    { name: 'interview-rina.txt', type: 'text/plain', content: transcript },
    { name: 'market-notes.md', type: 'text/markdown', content: notes },
    { name: 'brief.html', type: 'text/html', content: brief },
    { name: 'scan.pdf', type: 'application/pdf', content: 'not really a PDF' },
  ]);
  const batch = page.getByRole('region', { name: 'Import' });
  await expect(batch.getByText('Imported 3 files; 1 could not be imported.')).toBeVisible();
  await expect(batch.getByRole('list', { name: 'Files not imported' })).toContainText("'scan.pdf' is not a PDF file");
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(3);

  // Paste a source, from the keyboard.
  await page.getByRole('article').first().focus();
  await page.keyboard.press('Control+Shift+V');
  const paste = page.getByRole('dialog', { name: 'Paste as a new source' });
  await paste.getByRole('textbox', { name: 'Title' }).fill('Phone call with Ade');
  await paste.getByRole('textbox', { name: 'Text' }).fill(pasted);
  await paste.getByRole('button', { name: 'Add source' }).click();
  await expect(paste).toHaveCount(0);
  await expect(sourceButton(page, 'Phone call with Ade')).toHaveAttribute('aria-current', 'true');

  // Metadata: authors, year and kind.
  await sourceButton(page, 'Market notes').click();
  const details = page.getByRole('region', { name: 'Source details' });
  await details.getByRole('textbox', { name: 'Authors' }).fill('Lim, K.; Tan, W.');
  await details.getByRole('textbox', { name: 'Authors' }).press('Enter');
  await details.getByRole('textbox', { name: 'Year' }).fill('2024');
  await details.getByRole('textbox', { name: 'Year' }).press('Enter');
  await details.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Field note' });
  await expect(page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Undo/ })).toHaveText('Undo: Mark ‘Market notes’ as field note');

  // A case with typed attributes, holding a whole source and a segment of another.
  await sourceButton(page, 'interview-rina').click();
  await page.getByRole('tab', { name: /^Cases/ }).click();
  await page.getByRole('textbox', { name: 'New case name' }).fill('Rina');
  await page.getByRole('button', { name: 'New case' }).click();
  const caseDetails = page.getByRole('region', { name: 'Case details' });
  await expect(caseDetails.getByRole('textbox', { name: 'Name' })).toHaveValue('Rina');
  const attributes = page.getByRole('region', { name: 'Case attributes' });
  for (const [name, type, value] of [
    ['age', 'Number', 'thirty'],
    ['age', 'Number', '34'],
    ['interviewed', 'Date', '2024-03-18'],
    ['island', 'Text', 'Lombok'],
  ] as const) {
    await attributes.getByRole('combobox', { name: 'Attribute name' }).fill(name);
    if (await attributes.getByRole('combobox', { name: 'Attribute type' }).isEnabled()) await attributes.getByRole('combobox', { name: 'Attribute type' }).selectOption({ label: type });
    await attributes.getByRole('textbox', { name: 'Attribute value' }).fill(value);
    await attributes.getByRole('button', { name: 'Set' }).click();
    if (value === 'thirty') {
      await expect(caseDetails.getByRole('alert')).toHaveText('age is a number attribute: “thirty” is not a number; write digits, such as 34 or 2.5.');
      await attributes.getByRole('textbox', { name: 'Attribute value' }).fill('');
    } else {
      await expect(attributes.getByRole('listitem').filter({ hasText: `${name} = ${value}` })).toBeVisible();
    }
  }
  await page.getByRole('region', { name: 'Case members' }).getByRole('button', { name: 'Add the open source' }).click();
  await page.getByRole('tab', { name: /^Sources/ }).click();
  await sourceButton(page, 'Phone call with Ade').click();
  await reader(page, 'Phone call with Ade').evaluate((article) => {
    const range = document.createRange();
    range.selectNodeContents(Array.from(article.querySelectorAll('p')).at(-1)!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.getByRole('tab', { name: /^Cases/ }).click();
  await page.getByRole('list', { name: 'Cases' }).getByRole('button', { name: /^Rina/ }).click();
  await page.getByRole('region', { name: 'Case members' }).getByRole('button', { name: 'Add the selected text' }).click();
  await expect(page.getByRole('region', { name: 'Case members' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Case members' })).toContainText('“Lina: Only when the ferry runs.”');
  await page.getByRole('tab', { name: /^Sources/ }).click();

  // The Collect screen for the README: the transcript's turns in the reader.
  await sourceButton(page, 'interview-rina').click();
  await expect(reader(page, 'interview-rina').locator('p.passage--turn')).toHaveCount(4);
  await page.screenshot({ path: process.env.QUARRY_UPDATE_SCREENSHOTS ? 'docs/collect.png' : testInfo.outputPath('collect.png') });

  // Quarry starts again on the project last open, and everything is as it was left.
  await quarry.stop();
  const again = await startQuarry({ dataDir });
  try {
    await page.goto(again.url);
    await checkEverything(page);
    const start = page.getByRole('main', { name: 'Projects' });
    await page.keyboard.press('Control+Shift+O');
    await expect(start.getByRole('list', { name: 'Recent projects' }).getByRole('button', { name: /^Harbour traders/ })).toBeDisabled();
    await expect(start.getByRole('list', { name: 'Recent projects' }).getByRole('button', { name: /^Indonesia's digital diplomacy/ })).toBeEnabled();
  } finally {
    await again.stop();
  }
});

test('a batch reads several files at once, and Cancel stops it, keeping what was saved', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await page.getByRole('tab', { name: 'Collect' }).click();
  const sources = page.getByRole('list', { name: 'Sources' }).getByRole('listitem');
  const before = await sources.count();
  // Many short files rather than a few long ones: the reader opens the first, and a long one would keep the page busy.
  const note = (n: number) => `Field note ${n}. ${'The ferry came late and the stalls stayed shut. '.repeat(2_000)}`;
  await dropFiles(
    page,
    Array.from({ length: 40 }, (_, n) => ({ name: `note-${String(n).padStart(2, '0')}.txt`, type: 'text/plain', content: note(n) })),
  );
  const batch = page.getByRole('region', { name: 'Import' });
  // More than one file is being read at a time.
  await expect(batch.getByText(/^Reading note-\d\d\.txt, note-\d\d\.txt/)).toBeVisible();
  await batch.getByRole('button', { name: 'Cancel import' }).click();
  const summary = batch.getByText(/^Imported \d+ files?\. Cancelled before \d+ files? w(?:as|ere) imported\.$/);
  await expect(summary).toBeVisible();
  const [, imported, cancelled] = (await summary.textContent())!.match(/^Imported (\d+) files?\. Cancelled before (\d+)/)!;
  expect(Number(imported) + Number(cancelled)).toBe(40);
  expect(Number(cancelled)).toBeGreaterThan(0);
  await expect(sources).toHaveCount(before + Number(imported));
});

test('opening another project asks first while a memo is half written, and keeps it when the person stays', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await page.getByRole('region', { name: 'Memos' }).getByRole('button', { name: 'New memo' }).click();
  await page.getByRole('textbox', { name: 'Memo title' }).fill('Why couriers');
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  await page.getByRole('form', { name: 'New project' }).getByRole('textbox', { name: 'Project name' }).fill('Second study');
  await page.getByRole('button', { name: 'Create project' }).click();
  const asking = page.getByRole('dialog', { name: 'Unsaved work' });
  await expect(asking).toContainText('a memo being written (“Why couriers”)');
  await asking.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /^Back to / }).click();
  await expect(page.getByRole('textbox', { name: 'Memo title' })).toHaveValue('Why couriers');

  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  await page.getByRole('form', { name: 'New project' }).getByRole('textbox', { name: 'Project name' }).fill('Second study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('dialog', { name: 'Unsaved work' }).getByRole('button', { name: 'Lose it and go on' }).click();
  await expect(page).toHaveTitle('Second study — Quarry');
  await expect(page.getByRole('textbox', { name: 'Memo title' })).toHaveCount(0);
});

test('rename a project, save a copy, open by path and from a folder, and see where browser mode may not go', async ({ page, quarry, dataDir }) => {
  expect(quarry.url).toContain('token=');
  await typeInPalette(page, 'rename the project');
  await page.keyboard.press('Enter');
  const rename = page.getByRole('dialog', { name: 'Rename project' });
  await rename.getByRole('textbox', { name: 'Project name' }).fill('Digital trade, 2024');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page).toHaveTitle('Digital trade, 2024 — Quarry');
  await expect(page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Undo/ })).toHaveText('Undo: Rename the project to ‘Digital trade, 2024’');

  await page.keyboard.press('Control+Shift+S');
  const copy = page.getByRole('dialog', { name: 'Save a copy' });
  await copy.getByRole('textbox', { name: 'Name of the copy' }).fill('Digital trade, March');
  await expect(copy.getByRole('textbox', { name: 'File name' })).toHaveValue('Digital trade, March.quarry');
  await copy.getByRole('button', { name: 'Save copy' }).click();
  await expect(copy).toHaveCount(0);
  expect(existsSync(join(dataDir, 'Digital trade, March.quarry'))).toBe(true);
  await expect(page).toHaveTitle('Digital trade, 2024 — Quarry');

  // A path outside the folders browser mode may use is refused, saying how to allow it.
  await page.keyboard.press('Control+O');
  const start = page.getByRole('main', { name: 'Projects' });
  const opening = start.getByRole('form', { name: 'Open a project' });
  await expect(opening.getByRole('combobox', { name: 'Project file' })).toBeFocused();
  await opening.getByRole('combobox', { name: 'Project file' }).fill('/tmp/elsewhere/other.quarry');
  await opening.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(opening.getByRole('alert')).toContainText('--allow-dir');

  // The copy is among the projects of Quarry's folder, under its own name once open.
  await opening.getByRole('list', { name: `Projects in ${dataDir}` }).getByRole('button', { name: 'Digital trade, March.quarry' }).click();
  await expect(page).toHaveTitle('Digital trade, March — Quarry');
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(4);
});

test('the start screen, the Cases tab and the new dialogs pass axe’s full rule set', async ({ page, quarry }) => {
  // Four full axe runs over the sample's long texts take a while on a loaded machine.
  test.setTimeout(150_000);
  expect(quarry.url).toContain('token=');
  const check = async (what: string, include: string) => {
    const results = await new AxeBuilder({ page }).include(include).analyze();
    expect(
      results.violations.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      what,
    ).toEqual([]);
  };
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Recent projects' })).toBeVisible();
  await check('start screen', '.start-screen');
  await page.getByRole('button', { name: /^Back to / }).click();

  await page.getByRole('tab', { name: /^Cases/ }).click();
  await page.getByRole('textbox', { name: 'New case name' }).fill('Harbour office');
  await page.getByRole('button', { name: 'New case' }).click();
  await expect(page.getByRole('region', { name: 'Case details' })).toBeVisible();
  await check('cases', '.layout--three');

  await page.keyboard.press('Control+Shift+V');
  await expect(page.getByRole('dialog', { name: 'Paste as a new source' })).toBeVisible();
  await check('paste dialog', 'dialog');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByRole('dialog', { name: 'Save a copy' })).toBeVisible();
  await check('save-a-copy dialog', 'dialog');
});
