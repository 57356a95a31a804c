import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { selectInReader } from '../reader';
import { startQuarry, type QuarryServer } from '../quarry-server';

const attache = 'Interview with a trade attache (illustrative)';
const phrase = 'Most of my week is about trade and investment';

/** The project's data as the CLI exports it (the export's own timestamp left out). */
function exportTables(project: string): unknown {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'export-json', '--project', project, '--format', 'json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`export-json failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { tables: unknown }).tables;
}

const undoButton = (page: Page) => page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Undo/ });
const redoButton = (page: Page) => page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: /^Redo/ });

/** Waits until the status bar names `label` as the next step to undo: the edit was saved. */
async function saved(page: Page, label: string | RegExp): Promise<void> {
  await expect(undoButton(page)).toHaveText(typeof label === 'string' ? `Undo: ${label}` : label);
}

async function open(server: QuarryServer, page: Page): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('button')).toHaveCount(4);
}

/** Eleven kinds of edit a researcher makes, through the UI, in order; each returns the history label it must leave. */
const edits: Array<{ label: string; make(page: Page): Promise<void> }> = [
  {
    label: 'Mark ‘Interview with a trade attache (illustrative)’ as field note',
    make: async (page) => {
      await page.getByRole('tab', { name: 'Collect' }).click();
      await page.getByRole('list', { name: 'Sources' }).getByRole('button', { name: /trade attache/ }).click();
      await page.getByRole('region', { name: 'Source details' }).getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Field note' });
    },
  },
  {
    label: 'Set region = Java on ‘Interview with a trade attache (illustrative)’',
    make: async (page) => {
      const attributes = page.getByRole('region', { name: 'Attributes' });
      await attributes.getByRole('textbox', { name: 'Attribute name' }).fill('region');
      await attributes.getByRole('textbox', { name: 'Attribute value' }).fill('Java');
      await attributes.getByRole('button', { name: 'Add attribute' }).click();
    },
  },
  {
    label: 'Search in German',
    make: async (page) => {
      await page.getByRole('combobox', { name: 'Search language' }).selectOption({ label: 'German' });
    },
  },
  {
    label: 'Create code ‘Workload’',
    make: async (page) => {
      await page.getByRole('tab', { name: 'Reduce' }).click();
      await page.getByRole('region', { name: 'Reader' }).getByRole('combobox', { name: 'Source' }).selectOption({ label: attache });
      await page.getByRole('button', { name: 'New code' }).click();
      await page.getByRole('textbox', { name: 'Code name' }).fill('Workload');
      await page.getByRole('button', { name: 'Add code' }).click();
    },
  },
  {
    label: 'Rename code to ‘Workload of missions’',
    make: async (page) => {
      await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Workload, / }).click();
      await page.getByRole('button', { name: 'Rename' }).click();
      await page.getByRole('textbox', { name: 'Rename code' }).fill('Workload of missions');
      await page.getByRole('textbox', { name: 'Rename code' }).press('Enter');
    },
  },
  {
    label: 'Recolour code ‘Workload of missions’',
    make: async (page) => {
      await page.getByLabel('Code colour').fill('#aa3377');
    },
  },
  {
    label: 'Move code ‘Workload of missions’',
    make: async (page) => {
      await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Workload of missions, / }).click();
      await page.getByRole('combobox', { name: 'Move under…' }).selectOption({ label: 'Digital diplomacy' });
    },
  },
  {
    label: 'Apply code ‘Workload of missions’ to 1 passage',
    make: async (page) => {
      await page.getByRole('region', { name: 'Reader' }).getByRole('combobox', { name: 'Source' }).selectOption({ label: attache });
      await expect(page.getByRole('article', { name: `Text of ${attache}` })).toBeVisible();
      await selectInReader(page, attache, phrase);
      const tools = page.getByRole('region', { name: 'Code selection' });
      await tools.getByRole('combobox', { name: 'Choose code' }).fill('Workload');
      await tools.getByRole('option', { name: /Workload of missions/ }).click();
    },
  },
  {
    label: 'Write memo ‘Time budget’',
    make: async (page) => {
      const memos = page.getByRole('region', { name: 'Memos' });
      await memos.getByRole('button', { name: 'New memo' }).click();
      await memos.getByRole('textbox', { name: 'Memo title' }).fill('Time budget');
      await memos.getByRole('textbox', { name: 'Memo text' }).fill('Trade promotion takes most of the week.');
      await memos.getByRole('button', { name: 'Add memo' }).click();
    },
  },
  {
    label: 'State conclusion ‘Attaches spend their week on trade promotion.’',
    make: async (page) => {
      await page.getByRole('tab', { name: 'Conclude' }).click();
      await page.getByRole('textbox', { name: 'Conclusion statement' }).fill('Attaches spend their week on trade promotion.');
      await page.getByRole('button', { name: 'Add conclusion' }).click();
    },
  },
  {
    label: 'Mark conclusion ‘Attaches spend their week on trade promotion.’ supported',
    make: async (page) => {
      await page.getByRole('combobox', { name: /^Status of “Attaches spend/ }).selectOption({ label: 'Supported' });
    },
  },
];

test('eleven kinds of edit are named in the history, undone to the exact starting project and redone to the exact end, across a reload and restarts', async ({ page, quarry, dataDir }) => {
  test.setTimeout(240_000);
  const project = join(dataDir, 'Sample project.quarry');
  await quarry.stop();
  const start = exportTables(project);

  // Make the edits, with a page reload halfway.
  let server = await startQuarry({ dataDir });
  try {
    await open(server, page);
    await expect(undoButton(page)).toBeDisabled();
    for (const [index, edit] of edits.entries()) {
      await edit.make(page);
      await saved(page, edit.label);
      if (index === 5) {
        await page.reload();
        await saved(page, edit.label);
      }
    }
    await page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Undo history' });
    await expect(history.getByRole('region', { name: 'Steps to undo' }).getByRole('listitem')).toHaveText(
      [...edits].reverse().map((edit) => new RegExp(edit.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))),
    );
    await page.screenshot({ path: 'test-results/undo-history.png' });
    await history.getByRole('button', { name: 'Close' }).click();
  } finally {
    await server.stop();
  }
  const end = exportTables(project);
  expect(end).not.toEqual(start);

  // Undo everything: half from the keyboard, then after a restart from the status bar.
  server = await startQuarry({ dataDir });
  try {
    await open(server, page);
    for (const edit of [...edits].reverse().slice(0, 5)) {
      await saved(page, edit.label);
      await page.keyboard.press('Control+z');
    }
  } finally {
    await server.stop();
  }
  server = await startQuarry({ dataDir });
  try {
    await open(server, page);
    for (const edit of [...edits].reverse().slice(5)) {
      await saved(page, edit.label);
      await undoButton(page).click();
    }
    await expect(undoButton(page)).toBeDisabled();
    await expect(redoButton(page)).toHaveText(`Redo: ${edits[0]!.label}`);
  } finally {
    await server.stop();
  }
  expect(exportTables(project)).toEqual(start);

  // Redo everything: from the keyboard, the command palette, a reload, and the status bar.
  server = await startQuarry({ dataDir });
  try {
    await open(server, page);
    for (const [index, edit] of edits.entries()) {
      await expect(redoButton(page)).toHaveText(`Redo: ${edit.label}`);
      if (index < 4) await page.keyboard.press('Control+Shift+z');
      else if (index === 4) {
        await page.keyboard.press('Control+Shift+p');
        await page.getByRole('combobox', { name: 'Type a command' }).fill('redo');
        await expect(page.getByRole('option', { name: new RegExp(`^Edit\\s*Redo: `) })).toBeVisible();
        await page.getByRole('combobox', { name: 'Type a command' }).press('Enter');
      } else {
        if (index === 6) await page.reload();
        await redoButton(page).click();
      }
      await saved(page, edit.label);
    }
    await expect(redoButton(page)).toBeDisabled();
  } finally {
    await server.stop();
  }
  expect(exportTables(project)).toEqual(end);
});
