import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { nvivoWindowsLike, qcLike, qdpx, schemaErrors } from '../../src/main/services/refi/test-support';
import { expect, test } from '../fixtures';
import { typeInPalette } from '../palette';
import { codingOf } from '../reader';

const folder = mkdtempSync(join(tmpdir(), 'quarry-refi-e2e-'));

/** Opens the top bar's Import / Export menu and picks a file through the file dialog the import button opens. */
async function importThroughMenu(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Import / Export' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('region', { name: 'Import and export' }).getByRole('button', { name: /^Import a REFI-QDA project or codebook/ }).click();
  await (await chooser).setFiles(file);
}

test('a researcher imports an NVivo project (.qdpx) after a preview, finds its codes and codings, exports it again and undoes the import', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  const file = join(folder, 'Interview study.qdpx');
  writeFileSync(file, qdpx(nvivoWindowsLike()));

  await importThroughMenu(page, file);
  const dialog = page.getByRole('dialog', { name: 'Import Interview study.qdpx' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“Interview study”, written by NVivo 12.6.0.959, brings:');
  await expect(dialog.getByRole('list', { name: 'What the import brings' })).toContainText('4 codes');
  await expect(dialog.getByRole('list', { name: 'What the import brings' })).toContainText('1 source with 6 codings');
  await expect(dialog.getByRole('list', { name: 'To know before importing' })).toContainText('counted in UTF-16 code units');
  await dialog.getByRole('button', { name: 'Import into this project' }).click();
  await expect(dialog).toBeHidden();

  // The codes sit in the codebook with their codings; the reader shows the exact passages coded.
  await page.getByRole('tab', { name: 'Reduce' }).click();
  const codebook = page.getByRole('tree', { name: 'Codebook' });
  await expect(codebook.getByRole('treeitem', { name: /^Shipping costs, 1 coding/ })).toBeVisible();
  await expect(codebook.getByRole('treeitem', { name: /^Platforms, 3 codings/ })).toBeVisible();
  await expect(codebook.getByRole('treeitem', { name: /^Trust, 2 codings/ })).toBeVisible();
  await page.getByRole('region', { name: 'Reader' }).getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Interview Rina' });
  const text = page.getByRole('article', { name: 'Text of Interview Rina' });
  await expect(text).toBeVisible();
  await expect(codingOf(page, 'Shipping costs', 'Shipping abroad costs too much”')).toBeVisible();
  await expect(codingOf(page, 'Platforms', 'Batik 🧵 and bags”')).toBeVisible();

  // Export through the same menu: the browser downloads a .qdpx that validates and holds the import.
  await page.getByRole('button', { name: 'Import / Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Import and export' }).getByRole('button', { name: 'Export the project as REFI-QDA (.qdpx)' }).click();
  const saved = join(folder, (await download).suggestedFilename());
  await (await download).saveAs(saved);
  expect(saved).toMatch(/\.qdpx$/);
  const qde = strFromU8(unzipSync(readFileSync(saved))['project.qde']!);
  expect(schemaErrors(qde, 'Project')).toEqual([]);
  expect(qde).toContain('name="Shipping abroad costs too much"');
  expect(qde).toContain('name="Interview Rina"');

  // The import was one step: undo takes all of it back.
  await page.keyboard.press('Control+z');
  await expect(codebook.getByRole('treeitem', { name: /^Shipping costs/ })).toHaveCount(0);
});

test('a QualCoder-style project imported as a new project opens in its own file, leaving the sample as it was', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  const before = await page.request.post(`${quarry.origin}/api/project.getInfo`, { data: {}, headers: { authorization: `Bearer ${quarry.token}` } });
  const sample = (await before.json()).value as { path: string; counts: { codes: number } };
  const file = join(folder, 'qc.qdpx');
  writeFileSync(file, qdpx(qcLike()));
  await importThroughMenu(page, file);
  const dialog = page.getByRole('dialog', { name: 'Import qc.qdpx' });
  await dialog.getByRole('button', { name: 'Import as a new project' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('qc project');
  await page.getByRole('tab', { name: 'Reduce' }).click();
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^programming, 1 coding/ })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Text of board_2017' })).toContainText('This district goal is to engage every student 🎓.');
  await expect(codingOf(page, 'framings', '').first()).toBeVisible();
  const after = await page.request.post(`${quarry.origin}/api/project.getInfo`, { data: {}, headers: { authorization: `Bearer ${quarry.token}` } });
  const imported = (await after.json()).value as { path: string; counts: { codes: number; codings: number } };
  expect(imported.path).not.toBe(sample.path);
  expect(imported.counts).toMatchObject({ codes: 4, codings: 3 });
});

test('a file that is not a REFI-QDA project is refused with a sentence, and nothing is imported', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  const file = join(folder, 'not-a-project.qdpx');
  writeFileSync(file, 'this is not a zip');
  await importThroughMenu(page, file);
  await expect(page.getByRole('region', { name: 'Import and export' }).getByRole('alert')).toHaveText(
    "Could not import not-a-project.qdpx: 'not-a-project.qdpx' is not a REFI-QDA project archive (a zip holding project.qde); export the project again from the tool that made it.",
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the codebook exports as a .qdc from the command palette', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await typeInPalette(page, 'codebook as REFI');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const saved = join(folder, 'palette.qdc');
  await (await download).saveAs(saved);
  const xml = readFileSync(saved, 'utf8');
  expect(schemaErrors(xml, 'Codebook')).toEqual([]);
  expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
});
