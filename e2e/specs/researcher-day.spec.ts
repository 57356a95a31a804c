import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dropFiles } from '../drop';
import { expect, test } from '../fixtures';
import { startQuarry, type QuarryServer } from '../quarry-server';

// The first half of a researcher's day, through the UI only, in a project made in the UI:
// three files dropped on the window (a transcript with speaker turns among them), then a
// codebook built, coding by mouse,
// by keyboard from the middle of a paragraph and in vivo, merge and split codes, write memos
// on a coding and a code, run a coding query and summarise its segments, group codes into a
// theme, undo and redo, restart, and find everything as it was left.

// A transcript written for this test: one speaker turn a line.
const transcript = [
  'Interview with Ayu, who sells dried spices from Makassar.',
  'I: How do your parcels reach buyers abroad?',
  'Ayu: Mostly by sea. The courier collects on Monday, but the boat leaves only when the container is full, so a parcel can wait two weeks at the port. Buyers write to ask where it is and I have no answer for them.',
  'I: And the cost?',
  'Ayu: The postage to Singapore is more than the pepper inside. I raised my prices twice last year and still the shipping eats the margin. Some buyers pay the fee themselves now.',
  'I: Do buyers trust you?',
  'Ayu: They trust the marketplace more than me. When the rating goes down one star, the orders stop for a month.',
].join('\n');
const notes = ['# Port visit', '', 'The container yard was *half empty* on Monday.', '', '- pepper', '- cloves', ''].join('\n');
const brief = '<html><body><h1>Courier rates</h1><p>Sea freight to Singapore costs less by weight than air.</p></body></html>';
const title = 'ayu-interview';
const projectName = 'Spice sellers';

const undoButton = (page: Page) => page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Undo/ });
const redoButton = (page: Page) => page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Redo/ });
const saved = (page: Page, label: string) => expect(undoButton(page)).toHaveText(`Undo: ${label}`);
const tree = (page: Page) => page.getByRole('tree', { name: 'Codebook' });
const treeItem = (page: Page, name: string) => tree(page).getByRole('treeitem', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `) });
const article = (page: Page) => page.getByRole('article', { name: `Text of ${title}` });

/** Drags the mouse across `words` in the reader, as a person selects text. */
async function dragAcross(page: Page, words: string): Promise<void> {
  const box = await article(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + wanted.length - 1);
      range.setEnd(node, at + wanted.length);
      const last = range.getBoundingClientRect();
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`"${wanted}" is not on screen in the reader`);
  }, words);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

async function selectedText(page: Page): Promise<string> {
  return page.getByRole('region', { name: 'Code selection' }).locator('blockquote').evaluate((q) => q.firstChild?.textContent ?? '');
}

async function newCode(page: Page, name: string, parent?: string): Promise<void> {
  await page.getByRole('button', { name: 'New code' }).click();
  await page.getByRole('textbox', { name: 'Code name' }).fill(name);
  await page.getByRole('combobox', { name: 'Parent code' }).selectOption({ label: parent ?? 'None (top level)' });
  await page.getByRole('button', { name: 'Add code' }).click();
  await saved(page, `Create code ‘${name}’`);
}

async function openReduce(server: QuarryServer, page: Page): Promise<void> {
  await page.goto(`${server.url}#reduce`);
  await page.getByRole('region', { name: 'Reader' }).getByRole('combobox', { name: 'Source' }).selectOption({ label: title });
  await expect(article(page)).toBeVisible();
}

test('a researcher makes a project, imports, builds a codebook, codes, memos, queries, summarises and groups codes, and finds it all after a restart', async ({ page, quarry, dataDir }, info) => {
  test.setTimeout(240_000);

  // A new project from the start screen.
  await page.getByRole('button', { name: 'Projects', exact: true }).click();
  const creating = page.getByRole('main', { name: 'Projects' }).getByRole('form', { name: 'New project' });
  await creating.getByRole('textbox', { name: 'Project name' }).fill(projectName);
  await creating.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveTitle(`${projectName} — Quarry`);
  expect(existsSync(join(dataDir, `${projectName}.quarry`))).toBe(true);
  await expect(page.getByText('No sources yet. Import a file to begin.')).toBeVisible();
  // Indexing an empty project is done at once: the status bar does not keep saying it is under way.
  await expect(page.getByRole('contentinfo', { name: 'Status' })).not.toContainText('Indexing the project for search');

  // Collect: three files dropped on the window at once.
  await dropFiles(page, [
    { name: `${title}.txt`, type: 'text/plain', content: transcript },
    { name: 'port-visit.md', type: 'text/markdown', content: notes },
    { name: 'courier-rates.html', type: 'text/html', content: brief },
  ]);
  await expect(page.getByRole('region', { name: 'Import' }).getByText('Imported 3 files.')).toBeVisible();
  const sources = page.getByRole('list', { name: 'Sources' });
  await expect(sources.getByRole('listitem')).toHaveCount(3);
  await sources.getByRole('button', { name: new RegExp(`^${title}`) }).click();
  // One passage per line of the transcript, the turns with their speakers.
  const turns = article(page).locator('p.passage--turn');
  await expect(turns).toHaveCount(6);
  expect(await turns.evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.speaker))).toEqual(['I', 'Ayu', 'I', 'Ayu', 'I', 'Ayu']);
  // docs/collect.png comes from projects-collect.spec.ts (the batch with a refused file and a case); this run keeps its own.
  await page.screenshot({ path: info.outputPath('collect.png') });

  // Reduce: a codebook of our own beside the sample's.
  await page.getByRole('tab', { name: 'Reduce' }).click();
  await page.getByRole('region', { name: 'Reader' }).getByRole('combobox', { name: 'Source' }).selectOption({ label: title });
  await expect(article(page)).toBeVisible();
  await newCode(page, 'Logistics');
  await newCode(page, 'Costs', 'Logistics');
  await newCode(page, 'Delays', 'Logistics');
  await newCode(page, 'Trust');
  await newCode(page, 'Expenses');
  await treeItem(page, 'Costs').click();
  const details = page.getByRole('group', { name: 'Code Costs' });
  await details.getByRole('textbox', { name: 'Apply when', exact: true }).fill('Money a seller spends to get goods to a buyer.');
  await details.getByRole('textbox', { name: 'Example', exact: true }).fill('The postage to Singapore is more than the pepper inside.');
  await details.getByRole('button', { name: 'Save criteria' }).click();
  await saved(page, 'Edit code ‘Costs’');
  // Move Delays above Costs from the keyboard.
  await treeItem(page, 'Delays').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await saved(page, 'Move code ‘Delays’');
  await expect(tree(page).getByRole('treeitem', { name: /^(Costs|Delays), / })).toHaveText([/Delays/, /Costs/]);
  await treeItem(page, 'Delays').click();
  await page.getByRole('group', { name: 'Code Delays' }).getByRole('combobox', { name: 'Key that applies the code' }).selectOption('5');
  await saved(page, 'Give code ‘Delays’ the key 5');

  // Code by mouse: drag across words, pick the code in the quick pick.
  await dragAcross(page, 'The postage to Singapore is more than the pepper inside');
  expect(await selectedText(page)).toBe('The postage to Singapore is more than the pepper inside');
  const picker = page.getByRole('region', { name: 'Code selection' }).getByRole('combobox', { name: 'Choose code' });
  await picker.fill('Cos');
  await picker.press('Enter');
  await saved(page, 'Apply code ‘Costs’ to 1 passage');
  await expect(page.getByRole('button', { name: 'Coding Logistics › Costs: “The postage to Singapore is more than the pepper inside”' })).toBeVisible();

  // Code by keyboard from the middle of a paragraph: a caret moved word by word and sentence by sentence, then Shift to select.
  await article(page).focus();
  await page.keyboard.press('ArrowRight'); // the caret appears at the start of the first passage in view
  // Line by line down to Ayu's first answer.
  const caretPassage = () => article(page).evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('p')?.textContent ?? '');
  for (let i = 0; i < 6 && !(await caretPassage()).startsWith('Ayu: Mostly by sea'); i++) await page.keyboard.press('ArrowDown');
  expect(await caretPassage()).toMatch(/^Ayu: Mostly by sea/);
  await page.keyboard.press('Control+ArrowDown'); // the next sentence
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+ArrowRight'); // word by word
  await page.keyboard.press('Control+ArrowRight');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  // The panel follows the selection once its selectionchange events have landed.
  await expect.poll(async () => (await selectedText(page)).trim() === (await page.evaluate(() => window.getSelection()?.toString().trim()))).toBe(true);
  const keyboardWords = await selectedText(page);
  expect(keyboardWords.length).toBeGreaterThan(20);
  expect(transcript).toContain(keyboardWords);
  expect(transcript.indexOf(keyboardWords)).toBeGreaterThan(transcript.indexOf('Ayu: Mostly by sea') + 10);
  // Mid-paragraph: the selection starts inside a passage, not at its start.
  expect(transcript.split('\n').some((passage) => passage.startsWith(keyboardWords.slice(0, 10)))).toBe(false);
  await page.keyboard.press('5');
  await saved(page, 'Apply code ‘Delays’ to 1 passage');
  await expect(page.getByRole('status').filter({ hasText: /^Coded “/ })).toHaveText(/^Coded “[\s\S]+” with Logistics › Delays$/);

  // In vivo: the words become a code under the selected one.
  await treeItem(page, 'Trust').click();
  await dragAcross(page, 'They trust the marketplace more than me');
  await article(page).focus();
  await page.keyboard.press('v');
  await saved(page, 'Code ‘They trust the marketplace more than me’ in vivo');
  await expect(treeItem(page, 'They trust the marketplace more than me')).toHaveAttribute('aria-level', '2');

  // Merge Expenses into Costs: its codings move.
  await dragAcross(page, 'I raised my prices twice last year');
  await picker.fill('Expenses');
  await picker.press('Enter');
  await saved(page, 'Apply code ‘Expenses’ to 1 passage');
  await treeItem(page, 'Expenses').click();
  await page.getByRole('group', { name: 'Code Expenses' }).getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Costs' });
  await page.getByRole('group', { name: 'Code Expenses' }).getByRole('button', { name: 'Merge', exact: true }).click();
  await saved(page, 'Merge code ‘Expenses’ into ‘Costs’');
  await expect(treeItem(page, 'Costs')).toHaveAccessibleName('Costs, 2 codings');
  await expect(treeItem(page, 'Expenses')).toHaveCount(0);

  // Split one segment of Costs off into a new code.
  await treeItem(page, 'Costs').click();
  await page.getByRole('group', { name: 'Code Costs' }).getByRole('button', { name: 'Split…' }).click();
  const split = page.getByRole('form', { name: 'Split Costs' });
  await split.getByRole('checkbox', { name: /I raised my prices/ }).check();
  await split.getByRole('textbox', { name: 'Name of the new code' }).fill('Prices');
  await split.getByRole('button', { name: 'Split off 1 segment' }).click();
  await saved(page, 'Split code ‘Costs’: move 1 coding to ‘Prices’');
  await expect(treeItem(page, 'Prices')).toHaveAccessibleName('Prices, 1 coding');

  // A memo on a coding, from its stripe; closing the menu gives focus back to the stripe.
  // The reader shows the split first: its stripe names the new code.
  await expect(page.getByRole('button', { name: /^Coding Logistics › Prices: “I raised my prices/ })).toBeVisible();
  const stripe = page.getByRole('button', { name: /^Coding Logistics › Costs: “The postage/ });
  await stripe.click();
  const menu = page.getByRole('dialog', { name: 'Codings here' });
  await menu.getByRole('button', { name: /^Write a memo on coding/ }).click();
  await menu.getByRole('textbox', { name: 'Memo title' }).fill('Postage beats the goods');
  await menu.getByRole('textbox', { name: 'Memo text' }).fill('Shipping costs more than **the pepper** itself.');
  await menu.getByRole('button', { name: 'Add memo' }).click();
  await saved(page, 'Write memo ‘Postage beats the goods’');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement?.matches('.stripe, article'))).toBe(true);

  // A memo on a code.
  await treeItem(page, 'Delays').click();
  const memos = page.getByRole('region', { name: 'Memos' });
  await memos.getByRole('combobox', { name: 'Memos about' }).selectOption({ label: 'Code: Delays' });
  await memos.getByRole('button', { name: 'New memo' }).click();
  await memos.getByRole('textbox', { name: 'Memo title' }).fill('Waiting for the boat');
  await memos.getByRole('textbox', { name: 'Memo text' }).fill('- the boat waits for a full container\n- buyers ask where parcels are');
  await memos.getByRole('button', { name: 'Add memo' }).click();
  await saved(page, 'Write memo ‘Waiting for the boat’');
  // Markdown shown as structure: the memo's list is a list.
  const memo = memos.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Waiting for the boat' }) });
  await expect(memo.getByRole('list').getByRole('listitem')).toHaveText(['the boat waits for a full container', 'buyers ask where parcels are']);

  // A coding query: Logistics with its sub-codes, OR Trust; summaries on its segments.
  await treeItem(page, 'Logistics').click();
  await page.getByRole('group', { name: 'Code Logistics' }).getByRole('button', { name: 'Retrieve segments' }).click();
  await page.getByRole('button', { name: 'Combine with another code' }).click();
  await page.getByRole('combobox', { name: 'How to combine code 2' }).selectOption('or');
  await page.getByRole('combobox', { name: 'Code 2', exact: true }).selectOption({ label: 'Trust' });
  await page.getByRole('checkbox', { name: title }).check();
  const segments = page.getByRole('list', { name: 'Segments' });
  await expect(page.getByRole('status').filter({ hasText: /segments? from/ })).toHaveText(/^4 segments from 1 source/);
  const segment = (words: string) => segments.getByRole('article').filter({ has: page.locator('mark', { hasText: words }) });
  const first = segment('The postage to Singapore');
  await first.getByRole('textbox', { name: 'Summary' }).fill('Postage exceeds the value of the goods.');
  await first.getByRole('textbox', { name: 'Summary' }).press('Control+Enter');
  await saved(page, 'Summarise a segment of ‘Costs’');
  await page.getByRole('tab', { name: 'Summary table' }).click();
  await expect(page.getByRole('table', { name: 'Summaries by source and code' }).getByRole('cell', { name: /Postage exceeds the value of the goods/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Segment list' }).click();
  await segment('The postage to Singapore').getByRole('button', { name: 'Open in reader' }).click();
  await expect(page.getByRole('tab', { name: 'Reduce' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: /^Coding Logistics › Costs: “The postage/ })).toBeFocused();

  // Pattern codes: a theme grouping Costs and Delays.
  const themes = page.getByRole('region', { name: 'Themes' });
  await themes.getByRole('button', { name: 'New theme' }).click();
  await themes.getByRole('textbox', { name: 'Theme name' }).fill('Distance costs');
  await themes.getByRole('button', { name: 'Add theme' }).click();
  await saved(page, 'Create theme ‘Distance costs’');
  for (const code of ['Costs', 'Delays']) {
    await themes.getByRole('combobox', { name: 'Code to add to Distance costs' }).selectOption({ label: `  ${code}` });
    await themes.getByRole('button', { name: 'Add', exact: true }).click();
    await saved(page, `Add code ‘${code}’ to ‘Distance costs’`);
  }
  await themes.getByRole('textbox', { name: 'Description of Distance costs' }).fill('Being far from buyers costs money and time.');
  await themes.getByRole('button', { name: 'Save description' }).click();
  await saved(page, 'Describe theme ‘Distance costs’');

  // Undo and redo from the keyboard.
  await page.keyboard.press('Control+z');
  await saved(page, 'Add code ‘Delays’ to ‘Distance costs’');
  await expect(page.getByRole('status').filter({ hasText: /^Undone: / })).toHaveText('Undone: Describe theme ‘Distance costs’');
  await page.keyboard.press('Control+Shift+z');
  await saved(page, 'Describe theme ‘Distance costs’');

  // The Reduce screen for the README: the codebook with Costs open, the stripes and highlights, the theme.
  await treeItem(page, 'Costs').click();
  await page.screenshot({ path: process.env.QUARRY_UPDATE_SCREENSHOTS ? 'docs/reduce.png' : info.outputPath('reduce.png') });

  // Restart: everything is where it was left.
  await quarry.stop();
  const server = await startQuarry({ dataDir });
  try {
    await openReduce(server, page);
    await expect(page).toHaveTitle(`${projectName} — Quarry`);
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('3 sources');
    await expect(treeItem(page, 'Costs')).toHaveAccessibleName('Costs, 1 coding');
    await expect(treeItem(page, 'Prices')).toHaveAccessibleName('Prices, 1 coding');
    await expect(treeItem(page, 'Delays')).toHaveAccessibleName('Delays, 1 coding');
    await expect(treeItem(page, 'They trust the marketplace more than me')).toBeVisible();
    await expect(treeItem(page, 'Expenses')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Coding Logistics › Delays: / })).toBeVisible();
    await page.getByRole('tab', { name: 'Memos' }).click();
    const found = page.getByRole('list', { name: 'Memos found' });
    await expect(found.getByRole('listitem').filter({ hasText: 'Postage beats the goods' })).toContainText('Coding: Costs — ayu-interview');
    await expect(found.getByRole('listitem').filter({ hasText: 'Postage beats the goods' }).locator('strong')).toHaveText('the pepper');
    await expect(found.getByRole('listitem').filter({ hasText: 'Waiting for the boat' })).toContainText('Code: Delays');
    await page.getByRole('tab', { name: 'Reduce' }).click();
    await page.getByRole('region', { name: 'Themes' }).getByRole('button', { name: /Distance costs/ }).click();
    await expect(page.getByRole('list', { name: 'Codes in Distance costs' }).getByRole('listitem')).toHaveText([/^Delays/, /^Costs/]); // in codebook order: Delays was moved above Costs
    await treeItem(page, 'Costs').click();
    await expect(page.getByRole('group', { name: 'Code Costs' }).getByRole('textbox', { name: 'Example', exact: true })).toHaveValue('The postage to Singapore is more than the pepper inside.');
    await page.getByRole('group', { name: 'Code Costs' }).getByRole('button', { name: 'Retrieve segments' }).click();
    await expect(page.getByRole('list', { name: 'Segments' }).getByRole('textbox', { name: 'Summary' }).first()).toHaveValue('Postage exceeds the value of the goods.');
    await expect(redoButton(page)).toBeDisabled();
  } finally {
    await server.stop();
  }
});
