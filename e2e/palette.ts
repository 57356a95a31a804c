import { expect, type Page } from '@playwright/test';

/**
 * Opens the command palette (Ctrl+Shift+P) and types `words` into it, leaving the command to be
 * run with Enter. Right after the page loads, the window may not have its key handler yet: the
 * project's name in the window title shows that it has rendered and listens.
 */
export async function typeInPalette(page: Page, words: string): Promise<void> {
  await expect(page).toHaveTitle(/ — Quarry$/);
  await page.keyboard.press('Control+Shift+P');
  await page.getByRole('combobox', { name: 'Type a command' }).fill(words);
}
