import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { sideFiles } from '../../src/main/test-support/damage';
import { violations } from '../axe';
import { expect, test } from '../fixtures';
import { typeInPalette } from '../palette';
import { startQuarry } from '../quarry-server';

// Backups from the UI: listed, taken and restored in the panel, and offered when Quarry starts on
// a project file that a failing disk has damaged. Against browser mode and real SQLite files.

const status = (page: Page) => page.getByRole('contentinfo', { name: 'Status' });
const backupsPanel = (page: Page) => page.getByRole('dialog', { name: 'Backups' });
const backupRows = (page: Page) => backupsPanel(page).getByRole('list', { name: 'Backups, newest first' }).getByRole('listitem');
const codebook = (page: Page) => page.getByRole('tree', { name: 'Codebook' });

async function restoreRow(page: Page, reason: string): Promise<void> {
  await backupRows(page).filter({ hasText: reason }).getByRole('button', { name: /^Restore the backup of/ }).click();
  const question = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(question).toContainText('The project as it is now is not overwritten: Quarry keeps it among the backups first');
  await question.getByRole('button', { name: 'Restore' }).click();
  await expect(question).toHaveCount(0);
}

test('a researcher backs up, restores the backup taken on opening, and restores the kept file to come back', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('button')).toHaveCount(4);

  // The sample project was backed up as it opened. Closing the panel gives focus back to its button.
  const backupsButton = status(page).getByRole('button', { name: 'Backups' });
  await backupsButton.click();
  await expect(backupRows(page)).toHaveCount(1);
  await expect(backupRows(page).first()).toContainText('On opening');
  await backupsPanel(page).getByRole('button', { name: 'Close' }).click();
  await expect(backupsPanel(page)).toHaveCount(0);
  await expect(backupsButton).toBeFocused();

  await page.getByRole('tab', { name: 'Reduce' }).click();
  await page.getByRole('button', { name: 'New code' }).click();
  await page.getByRole('textbox', { name: 'Code name' }).fill('Workload');
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(codebook(page).getByRole('treeitem', { name: 'Workload, 0 codings' })).toBeVisible();

  // From the command palette this time; a backup by hand holds the new code.
  await typeInPalette(page, 'backups of the project');
  await page.keyboard.press('Enter');
  await backupsPanel(page).getByRole('button', { name: 'Back up now' }).click();
  await expect(backupRows(page)).toHaveCount(2);
  await expect(backupRows(page).first()).toContainText('Backed up by hand');
  await page.screenshot({ path: test.info().outputPath('backups-panel.png') });

  // Back to the project as it opened: the code goes, and the project as it was is kept first.
  await restoreRow(page, 'On opening');
  await expect(backupRows(page)).toHaveCount(3);
  await expect(backupRows(page).first()).toContainText('As it was before a restore');
  await expect(status(page).getByRole('status').first()).toContainText('Restored the backup of');
  await backupsPanel(page).getByRole('button', { name: 'Close' }).click();
  await expect(codebook(page).getByRole('treeitem', { name: /^Workload, / })).toHaveCount(0);

  // Forward again, by restoring the file that restore kept.
  await backupsButton.click();
  await restoreRow(page, 'As it was before a restore');
  await expect(backupRows(page)).toHaveCount(4);
  await backupsPanel(page).getByRole('button', { name: 'Close' }).click();
  await expect(codebook(page).getByRole('treeitem', { name: 'Workload, 0 codings' })).toBeVisible();
});

test('the command palette backs up the open project', async ({ page, quarry }) => {
  expect(quarry.url).toContain('token=');
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('button')).toHaveCount(4);
  await typeInPalette(page, 'back up the project now');
  await page.keyboard.press('Enter');
  await expect(status(page).getByRole('status').first()).toContainText('Backed up the project');
  await status(page).getByRole('button', { name: 'Backups' }).click();
  await expect(backupRows(page).filter({ hasText: 'Backed up by hand' })).toHaveCount(1);
});

test('a project damaged on disk is not opened; the app says so, offers its latest good backup, and restoring it opens the project', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'quarry-e2e-damaged-'));
  const project = join(dir, 'fieldwork.quarry');
  const created = spawnSync('npm', ['run', '--silent', 'cli', '--', 'create', project, '--name', 'Fieldwork'], { encoding: 'utf8' });
  expect(created.status, created.stderr).toBe(0);

  // Enough memos that their table has pages of its own, the pages a failing disk will garble; then a backup holding them.
  const first = await startQuarry({ project, dataDir: dir });
  for (let i = 0; i < 200; i++) {
    const memo = await first.call('memos.create', { title: `Memo ${i}`, body: 'Parcels leave on Fridays. '.repeat(40), target: { kind: 'project' } });
    expect(memo.ok).toBe(true);
  }
  expect((await first.call('backups.create', {})).ok).toBe(true);
  await first.stop();
  // Quarry closed the project as one file, so the page garbled below is the memos' only copy.
  expect(sideFiles(project)).toEqual([]);

  const raw = new Database(project, { readonly: true });
  const root = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'memos'").pluck().get() as number;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const fd = openSync(project, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
  const damaged = readFileSync(project);

  const server = await startQuarry({ project, dataDir: dir });
  try {
    await page.goto(server.url);
    const damagedAlerts = page.getByRole('alert').filter({ hasText: 'fieldwork.quarry is damaged' });
    const banner = damagedAlerts.first();
    await expect(banner).toContainText('Quarry has not changed it; restore its latest good backup');
    await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();

    // Trying to open it again from the recent projects meets the same answer, with the same offer.
    const recent = page.getByRole('region', { name: 'Recent projects' });
    await recent.getByRole('button', { name: /^Fieldwork/ }).click();
    await expect(recent.getByRole('alert')).toContainText('fieldwork.quarry is damaged');
    await expect(recent.getByRole('alert').getByRole('button', { name: /^Restore the backup of/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('damaged-offer.png') });
    expect(await violations(page), 'damaged project on the start screen').toEqual([]);

    await banner.getByRole('button', { name: /^Restore the backup of/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fieldwork' })).toBeVisible();
    await expect(damagedAlerts).toHaveCount(0);
    await expect(status(page).getByLabel('Project counts')).toContainText('200 memos');

    // The damaged file is kept among the backups, beside the one restored.
    await status(page).getByRole('button', { name: 'Backups' }).click();
    await expect(backupRows(page).filter({ hasText: 'As it was before a restore' })).toHaveCount(1);
  } finally {
    await server.stop();
  }

  // On disk: the project is whole again, and the damaged file was kept page for page (its
  // 100-byte header may differ: its write-ahead log is folded in as it is kept).
  const restored = new Database(project, { readonly: true });
  expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(restored.prepare('SELECT count(*) FROM memos').pluck().get()).toBe(200);
  restored.close();
  const kept = readdirSync(`${project}-backups`).filter((name) => name.endsWith('-replaced.quarry'));
  expect(kept).toHaveLength(1);
  const keptBytes = readFileSync(join(`${project}-backups`, kept[0]!));
  expect(keptBytes.length).toBe(damaged.length);
  expect(keptBytes.subarray(100).equals(damaged.subarray(100))).toBe(true);
});
