import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Drops files on the window as a person dragging them from their file manager would. */
export async function dropFiles(page: Page, files: Array<{ name: string; type: string; content: string }>): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([file.content], file.name, { type: file.type }));
    return transfer;
  }, files);
  for (const type of ['dragenter', 'dragover']) await page.dispatchEvent('#view-panel', type, { dataTransfer });
  await expect(page.getByText('Drop the files to import them into this project')).toBeVisible();
  await page.dispatchEvent('#view-panel', 'drop', { dataTransfer });
}
