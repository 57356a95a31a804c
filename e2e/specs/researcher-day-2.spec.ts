import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { startQuarry, type QuarryServer } from '../quarry-server';

// The second half of a researcher's day on the sample project, through the UI: every kind of
// matrix with a cell drilled into, a matrix cut by an attribute, the network arranged, saved and
// found again after a restart, a display exported, a conclusion stated and tested with its
// evidence, its trail followed back to a passage and a reference, a coding that is evidence
// removed (with the warning) and brought back, and the trail exported.

const seller = 'Interview with a small online seller (illustrative)';
const attache = 'Interview with a trade attache (illustrative)';

/** Calls the API as the page does, for setup that is not what the spec tests. */
async function call<T>(page: Page, server: QuarryServer, method: string, data: object): Promise<T> {
  const response = await page.request.post(`${server.origin}/api/${method}`, { data, headers: { authorization: `Bearer ${server.token}` } });
  expect(response.ok(), `${method}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { value: T }).value;
}

const display = (page: Page) => page.getByRole('region', { name: 'Display' });
const matrix = (page: Page) => page.getByRole('region', { name: 'Matrix' });
const cellSegments = (page: Page) => page.getByRole('region', { name: 'Segments in this cell' });
const controls = (page: Page) => page.getByRole('group', { name: 'What the matrix shows' });

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

const statement = 'Weak internet access outside the big cities keeps many small producers out of cross-border online trade.';
/** The conclusion's name in its card's controls: its first 40 characters. */
const short = `${statement.slice(0, 39)}…`;

/** The server started after the restart, which the fixture does not know about. */
let restarted: QuarryServer | null = null;
test.afterEach(async () => {
  await restarted?.stop();
  restarted = null;
});

/** Where the screenshots of this run go: into docs/ when refreshing the README's pictures. */
const shot = (name: string) => (process.env.QUARRY_UPDATE_SCREENSHOTS ? `docs/${name}` : test.info().outputPath(name));

test('display and conclude: matrices drilled into, the network saved across a restart, exports, a tested conclusion and its trail', async ({ page, quarry, dataDir }) => {
  test.setTimeout(300_000);
  let server = quarry;
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('button')).toHaveCount(4);

  await test.step('setup, not under test: two cases with an attribute, and a coding overlapping another', async () => {
    const sources = await call<Array<{ id: string; title: string }>>(page, server, 'sources.list', {});
    const idOf = (title: string) => sources.find((s) => s.title === title)!.id;
    for (const [name, title, sector] of [
      ['Seller', seller, 'business'],
      ['Attache', attache, 'government'],
    ] as const) {
      const made = await call<{ id: string }>(page, server, 'cases.create', { name });
      await call(page, server, 'cases.addMembers', { id: made.id, members: [{ sourceId: idOf(title) }] });
      await call(page, server, 'cases.setAttribute', { id: made.id, name: 'sector', value: sector });
    }
    const text = (await call<{ text: string }>(page, server, 'sources.get', { id: idOf(attache) })).text;
    const codes = await call<Array<{ id: string; name: string }>>(page, server, 'codes.list', {});
    const span = 'eastern provinces still have weak internet. Internet penetration is lower than in several neighbouring countries, and that limits who can join a business matching call';
    const start = text.indexOf(span);
    expect(start).toBeGreaterThan(0);
    await call(page, server, 'codings.apply', { sourceId: idOf(attache), codeId: codes.find((c) => c.name === 'Promotion of MSMEs abroad')!.id, start, end: start + span.length });
  });

  await page.getByRole('tab', { name: 'Display' }).click();
  const columns = controls(page).getByRole('combobox', { name: 'Columns' });

  await test.step('code × source: rows follow the code tree and fold, a cell opens its segments', async () => {
    await expect(columns).toHaveValue('sources');
    await expect(matrix(page).getByRole('columnheader')).toHaveText(['Code', /^Connecting Markets Online/, seller, attache, /^Field notes/, 'Total']);
    const parent = matrix(page).getByRole('rowheader', { name: 'Barriers to cross-border trade' });
    await expect(parent).toBeVisible();
    await expect(matrix(page).getByRole('rowheader', { name: 'Shipping and delivery' })).toBeVisible();
    // The parent's row sums its sub-codes: 2 shipping, 1 customs in the seller's interview.
    await expect(matrix(page).getByRole('button', { name: `3 coded segments: Barriers to cross-border trade × ${seller}` })).toBeVisible();
    await matrix(page).getByRole('button', { name: 'Collapse Barriers to cross-border trade' }).click();
    await expect(matrix(page).getByRole('rowheader', { name: 'Shipping and delivery' })).toHaveCount(0);
    await expect(matrix(page).getByRole('button', { name: `3 coded segments: Barriers to cross-border trade × ${seller}` })).toBeVisible();
    await matrix(page).getByRole('button', { name: 'Expand Barriers to cross-border trade' }).click();
    await matrix(page).getByRole('button', { name: `2 coded segments: Shipping and delivery × ${seller}` }).click();
    await expect(cellSegments(page).getByRole('heading')).toHaveText(`Shipping and delivery × ${seller} 2`);
    await expect(cellSegments(page).getByRole('listitem')).toHaveCount(2);
    await expect(cellSegments(page).getByRole('listitem').first()).toContainText('sending one to Kuala Lumpur costs more than the bag itself');
    await expect(cellSegments(page).getByRole('listitem').nth(1)).toContainText('If a foreign buyer sends a bag back');
    await page.screenshot({ path: shot('display.png') });
  });

  await test.step('code × case, drilled into', async () => {
    await columns.selectOption({ label: 'Code × case' });
    await expect(cellSegments(page)).toHaveCount(0);
    await expect(matrix(page).getByRole('columnheader')).toHaveText(['Code', 'Attache', 'Seller', 'Total']);
    // The attache's interview has two promotion codings of its own and the one made above.
    await matrix(page).getByRole('button', { name: '3 coded segments: Promotion of MSMEs abroad × Attache' }).click();
    await expect(cellSegments(page).getByRole('listitem')).toHaveCount(3);
  });

  await test.step('code × attribute value (country), drilled into', async () => {
    await columns.selectOption({ label: 'Code × attribute value' });
    await controls(page).getByRole('combobox', { name: 'Attribute' }).selectOption('country');
    await expect(matrix(page).getByRole('columnheader')).toHaveText(['Code', 'ASEAN region', 'Indonesia', 'Total']);
    await matrix(page).getByRole('button', { name: '3 coded segments: Shipping and delivery × Indonesia' }).click();
    await expect(cellSegments(page).getByRole('listitem')).toHaveCount(3);
    await expect(cellSegments(page)).toContainText('Selling across borders carries its own burdens');
  });

  await test.step('code × code co-occurrence, overlapping or in the same passage, drilled into', async () => {
    await columns.selectOption({ label: 'Code × code (co-occurrence)' });
    const meet = controls(page).getByRole('combobox', { name: 'Codes meet when' });
    await expect(meet).toHaveValue('overlap');
    await matrix(page).getByRole('button', { name: '1 coded segment: Connectivity gaps × Promotion of MSMEs abroad' }).click();
    await expect(cellSegments(page).getByRole('listitem')).toHaveCount(1);
    await meet.selectOption('passage');
    await matrix(page).getByRole('button', { name: '1 coded segment: Regional cooperation × Digital skills of diplomats' }).click();
    await expect(cellSegments(page).getByRole('listitem')).toHaveCount(1);
  });

  await test.step('a matrix cut by an attribute', async () => {
    await columns.selectOption({ label: 'Code × source' });
    const cut = controls(page).getByRole('combobox', { name: 'Cut by' });
    await expect(matrix(page).getByRole('button', { name: '29 coded segments: all codes × all columns' })).toBeVisible();
    // A source attribute: only the seller's interview is left, as the one column.
    await cut.selectOption({ label: 'role = MSME seller' });
    await expect(matrix(page).getByRole('columnheader')).toHaveText(['Code', seller, 'Total']);
    await expect(matrix(page).getByRole('button', { name: '7 coded segments: all codes × all columns' })).toBeVisible();
    await expect(matrix(page).getByRole('button', { name: `2 coded segments: Shipping and delivery × ${seller}` })).toBeVisible();
    // A case attribute: what the government case holds, the attache's interview with the coding made above.
    await cut.selectOption({ label: 'sector = government' });
    await expect(matrix(page).getByRole('columnheader')).toHaveText(['Code', attache, 'Total']);
    await expect(matrix(page).getByRole('button', { name: '8 coded segments: all codes × all columns' })).toBeVisible();
    await matrix(page).getByRole('button', { name: `3 coded segments: Promotion of MSMEs abroad × ${attache}` }).click();
    await expect(cellSegments(page).getByRole('listitem')).toHaveCount(3);
    await cut.selectOption({ label: 'All sources and cases' });
  });

  await test.step('a matrix saved and exported as CSV and SVG', async () => {
    await columns.selectOption({ label: 'Code × attribute value' });
    await controls(page).getByRole('combobox', { name: 'Attribute' }).selectOption('country');
    await display(page).getByRole('textbox', { name: 'Name' }).fill('Codes by country');
    await display(page).getByRole('button', { name: 'Save display' }).click();
    await expect(page.getByRole('list', { name: 'Saved displays' }).getByRole('button', { name: 'Matrix Codes by country' })).toBeVisible();

    const csv = await downloaded(page, () => display(page).getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.download.suggestedFilename()).toBe('Codes by country.csv');
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(rows[0]).toBe('Code,ASEAN region,Indonesia,Total');
    // The same counts as the cells drilled into above, with the code tree kept in the row names.
    expect(rows).toContain('Barriers to cross-border trade › Shipping and delivery,1,3,4');
    expect(rows).toContain('"Barriers to cross-border trade › Rules, customs and tax",0,1,1');
    expect(rows).toContain('Barriers to cross-border trade,2,5,7');
    expect(rows.at(-1)).toBe('All codes,6,23,29');
    const svg = await downloaded(page, () => display(page).getByRole('button', { name: 'Export SVG' }).click());
    expect(svg.download.suggestedFilename()).toBe('Codes by country.svg');
    expect(svg.text).toMatch(/^<\?xml[^>]*\?>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.text).toContain('<title>Codes by country</title>');
    for (const label of ['ASEAN region', 'Indonesia', 'Shipping and delivery', 'Connectivity gaps']) expect(svg.text).toContain(`>${label}</text>`);
    expect(svg.text.trim().endsWith('</svg>')).toBe(true);
  });

  const network = page.getByRole('tabpanel', { name: 'Network' });
  const nodeChooser = network.getByRole('combobox', { name: 'Node' });
  const where = network.getByRole('group', { name: 'Move a node' }).getByText(/^At x /);
  let position = '';
  await test.step('the network arranged, a node moved, and saved with its layout', async () => {
    await display(page).getByRole('tablist', { name: 'Kind of display' }).getByRole('tab', { name: 'Network' }).click();
    await expect(network.getByRole('img', { name: /^Network of \d+ nodes/ })).toBeVisible();
    await network.getByRole('button', { name: 'Arrange automatically' }).click();
    await nodeChooser.selectOption({ label: 'Code: Connectivity gaps' });
    const arranged = await where.textContent();
    await network.getByRole('button', { name: 'Move right' }).click();
    await network.getByRole('button', { name: 'Move down' }).click();
    await expect(where).not.toHaveText(arranged!);
    position = (await where.textContent())!;
    await expect(display(page).getByText('Moved since saved')).toBeVisible();
    await display(page).getByRole('textbox', { name: 'Name' }).fill('Codes, cases and conclusions');
    await display(page).getByRole('button', { name: 'Save display' }).click();
    await expect(page.getByRole('list', { name: 'Saved displays' }).getByRole('button', { name: 'Network Codes, cases and conclusions' })).toBeVisible();
    await expect(display(page).getByText('Moved since saved')).toHaveCount(0);
  });

  await test.step('after a restart the saved network opens with its layout', async () => {
    await server.stop();
    server = restarted = await startQuarry({ dataDir });
    await page.goto(server.url);
    await page.getByRole('tab', { name: 'Display' }).click();
    await page.getByRole('list', { name: 'Saved displays' }).getByRole('button', { name: 'Network Codes, cases and conclusions' }).click();
    await expect(network.getByRole('img', { name: /^Network of \d+ nodes/ })).toBeVisible();
    await nodeChooser.selectOption({ label: 'Code: Connectivity gaps' });
    await expect(where).toHaveText(position);
    await page.screenshot({ path: test.info().outputPath('network.png') });
  });

  const card = page.getByRole('list', { name: 'Conclusion list' }).getByRole('listitem', { name: `${statement.slice(0, 59)}…` });
  const supports = card.getByRole('list', { name: 'Supporting evidence' }).getByRole('listitem');
  const contradicts = card.getByRole('list', { name: 'Contradicting evidence' }).getByRole('listitem');
  /** Links one item found by `query` through the evidence picker, as supporting or contradicting, with a note. */
  const link = async (opener: string, kind: string, query: string, stance: 'supports the conclusion' | 'contradicts it', note: string) => {
    await card.getByRole('button', { name: opener }).click();
    const picker = page.getByRole('dialog', { name: /^Add evidence/ });
    await picker.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
    await picker.getByRole('searchbox', { name: 'Find' }).fill(query);
    const choices = picker.getByRole('group', { name: `${kind} to link` }).getByRole('radio');
    await expect(choices).toHaveCount(1);
    await choices.check();
    await picker.getByRole('radio', { name: stance }).check();
    await picker.getByRole('textbox', { name: 'Why (a short note)' }).fill(note);
    await picker.getByRole('button', { name: 'Link evidence' }).click();
    await expect(picker).toHaveCount(0);
  };

  await test.step('a conclusion stated, with supporting and contradicting evidence of four kinds', async () => {
    await page.getByRole('tab', { name: 'Conclude' }).click();
    await page.getByRole('textbox', { name: 'Conclusion statement' }).fill(statement);
    await page.getByRole('button', { name: 'Add conclusion' }).click();
    await expect(card).toBeVisible();
    const add = `Add evidence to “${short}”`;
    await link(add, 'Coded segment', 'connectivity eastern provinces', 'supports the conclusion', 'A diplomat sees who cannot join a matching call.');
    await link(add, 'Display', 'Codes by country', 'supports the conclusion', 'Connectivity gaps are coded in Indonesian sources only.');
    await link(add, 'Claim', 'internet has no borders', 'contradicts it', 'The literature takes access for granted.');
    await link(add, 'Memo', 'Shipping keeps coming up', 'contradicts it', 'Sellers name postage, not the connection, as the brake.');
    await expect(supports).toHaveCount(2);
    await expect(contradicts).toHaveCount(2);
    await expect(supports.first()).toContainText('many producers in the eastern provinces still have weak internet');
    await expect(supports.nth(1)).toContainText('Display');
    await expect(contradicts.first()).toContainText('Because the internet has no borders');
    await expect(contradicts.nth(1)).toContainText('Memo');
  });

  await test.step('two verification tactics checked, with notes and evidence', async () => {
    await card.locator('summary', { hasText: 'Verification' }).click();
    const tactics = card.getByRole('list', { name: 'Verification tactics' });
    // The box shows what the project holds: it turns checked once the change is saved.
    await tactics.getByRole('checkbox', { name: 'Triangulating' }).click();
    await expect(tactics.getByRole('checkbox', { name: 'Triangulating' })).toBeChecked();
    await tactics.getByRole('textbox', { name: 'Note on triangulating' }).fill('The attache, the forum notes and the manuscript all name weak access outside the cities.');
    await tactics.getByRole('textbox', { name: 'Note on triangulating' }).press('Tab');
    await link('Add evidence for triangulating', 'Coded segment', 'big cities never see', 'supports the conclusion', 'An observer at the forum says the same.');
    await tactics.getByRole('checkbox', { name: 'Looking for negative evidence' }).click();
    await expect(tactics.getByRole('checkbox', { name: 'Looking for negative evidence' })).toBeChecked();
    await tactics.getByRole('textbox', { name: 'Note on looking for negative evidence' }).fill('The seller never mentions her connection, only postage and customs.');
    await tactics.getByRole('textbox', { name: 'Note on looking for negative evidence' }).press('Tab');
    await expect(card.locator('summary', { hasText: 'Verification' })).toContainText('2 of 13');
    await expect(tactics.getByRole('list', { name: 'Evidence for triangulating' }).getByRole('listitem')).toContainText('never see those announcements');
    await expect(page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Undo/ })).toHaveText(/^Undo: Note looking for negative evidence/);
  });

  const trail = card.getByRole('region', { name: 'Evidence trail' });
  const coding = /^Coding Payments and infrastructure › Connectivity gaps: “many producers in the eastern provinces/;
  await test.step('the trail followed back to a reference and a passage', async () => {
    await card.getByRole('button', { name: 'Show the evidence trail' }).click();
    const steps = trail.getByRole('listitem').filter({ has: page.locator('.trail-step__what') });
    await expect(steps).toHaveCount(5);
    // The claim leads to the work it cites, its DOI given once.
    const claim = steps.filter({ hasText: 'Contradicts · Claim' });
    await expect(claim.getByRole('list', { name: 'References cited' }).getByRole('listitem')).toHaveText([
      /^Shirkoohi, S\. M\., & Muhammad Mohiuddin\. \(2025\)\. Digital Transformation in International Trade.* https:\/\/doi\.org\/10\.3390\/jrfm18080421$/,
    ]);
    await expect(claim.getByRole('list', { name: 'References cited' })).not.toContainText('jrfm18080421 https://doi.org');
    // The picture for the README: the conclusion from its statement down, its evidence for and against, and its verification.
    await card.evaluate((element) => {
      // Scrolls only the pane the conclusions are in, as the wheel would (scrollIntoView would also shift the app's frame).
      let pane = element.parentElement;
      while (pane && !/(auto|scroll)/.test(getComputedStyle(pane).overflowY)) pane = pane.parentElement;
      if (pane) pane.scrollTop += element.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
    });
    await page.screenshot({ path: shot('conclude.png') });
    // The coded segment leads to its passage in the reader.
    const segment = steps.filter({ hasText: 'Supports · Coded segment — Payments and infrastructure › Connectivity gaps' });
    await expect(segment).toContainText('In its passage: H: Connectivity. In the big cities sellers are online and fast');
    await segment.getByRole('button', { name: `Open the passage in ${attache} →` }).click();
    await expect(page.getByRole('tab', { name: 'Reduce' })).toHaveAttribute('aria-selected', 'true');
    const text = page.getByRole('article', { name: `Text of ${attache}` });
    await expect(text).toContainText('many producers in the eastern provinces still have weak internet');
    await expect(text.getByRole('button', { name: coding })).toBeInViewport();
  });

  await test.step('removing a coding that is evidence warns first, naming the conclusion; undo brings the evidence back', async () => {
    const text = page.getByRole('article', { name: `Text of ${attache}` });
    await text.getByRole('button', { name: coding }).click();
    const menu = page.getByRole('dialog', { name: 'Codings here' });
    await menu.getByRole('button', { name: 'Remove coding Payments and infrastructure › Connectivity gaps' }).click();
    const warning = page.getByRole('dialog', { name: 'Remove this coding?' });
    await expect(warning).toContainText('You are removing this coding that conclusions rest on.');
    await expect(warning.getByRole('list', { name: 'Conclusions that lose evidence' }).getByRole('listitem')).toHaveText([`“${statement}”`]);
    await warning.getByRole('button', { name: 'Remove this coding' }).click();
    await expect(text.getByRole('button', { name: coding })).toHaveCount(0);
    const undo = page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Undo/ });
    await expect(undo).toHaveText(/^Undo: Remove/);

    await page.getByRole('tab', { name: 'Conclude' }).click();
    await expect(supports).toHaveCount(1);
    await expect(supports).toContainText('Display');

    await undo.click();
    await expect(supports).toHaveCount(2);
    await expect(supports.first()).toContainText('many producers in the eastern provinces still have weak internet');
    await expect(supports.first().getByRole('textbox', { name: /^Note on coded segment/ })).toHaveValue('A diplomat sees who cannot join a matching call.');

    // Removing the whole source would take the coding with it: that warns too, and Cancel keeps it.
    await page.getByRole('tab', { name: 'Collect' }).click();
    await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: attache }).click();
    await page.getByRole('region', { name: 'Source details' }).getByRole('button', { name: 'Remove source' }).click();
    const removeSource = page.getByRole('dialog', { name: 'Remove source' });
    // The sample's own conclusion rests on this interview too: both are named.
    await expect(removeSource.getByRole('list', { name: 'Conclusions that lose evidence' }).getByRole('listitem')).toHaveText([/^“Embassy-led digital promotion/, `“${statement}”`]);
    await removeSource.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: attache })).toHaveCount(1);
    await page.getByRole('tab', { name: 'Conclude' }).click();
    await expect(supports).toHaveCount(2);
  });

  await test.step('the trail exported as Markdown', async () => {
    await card.getByRole('button', { name: 'Show the evidence trail' }).click();
    const markdown = await downloaded(page, () => trail.getByRole('button', { name: 'Export trail (Markdown)' }).click());
    expect(markdown.download.suggestedFilename()).toMatch(/^Evidence trail - Weak internet access.*\.md$/);
    const md = markdown.text;
    expect(md.startsWith(`# Evidence trail: ${statement}\n`)).toBe(true);
    const expected = [
      '### 1. Supports: Coded segment — Payments and infrastructure › Connectivity gaps',
      '*Why:* A diplomat sees who cannot join a matching call.',
      `**Segment** (${attache}, characters `,
      '> many producers in the eastern provinces still have weak internet',
      '### 2. Supports: Display — Display ‘Codes by country’',
      '### 3. Contradicts: Claim — Claim in Connecting Markets Online',
      '*Why:* The literature takes access for granted.',
      '**Cites:**',
      '- Shirkoohi, S. M., & Muhammad Mohiuddin. (2025). Digital Transformation in International Trade',
      '### 4. Contradicts: Memo — Memo ‘Shipping keeps coming up’',
      '## Verification',
      '### [x] Triangulating',
      'The attache, the forum notes and the manuscript all name weak access outside the cities.',
      '> most producers outside the big cities never see those announcements',
      '### [x] Looking for negative evidence',
      'The seller never mentions her connection, only postage and customs.',
      'Not yet applied: Checking for representativeness',
    ];
    // Each in this order: the trail reads from the conclusion down to the references, then its verification.
    let from = 0;
    for (const line of expected) {
      const at = md.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
    expect(md.match(/jrfm18080421/g)).toHaveLength(1);
  });
});
