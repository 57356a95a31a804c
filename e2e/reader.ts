import type { Locator, Page } from '@playwright/test';

/** Selects `text` inside the reader showing `sourceTitle` the way a drag with the mouse does: one DOM range. */
export async function selectInReader(page: Page, sourceTitle: string, text: string): Promise<void> {
  await page.getByRole('article', { name: `Text of ${sourceTitle}` }).evaluate((article, wanted) => {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the reader as one text node`);
  }, text);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A coding as the reader shows it: the margin stripe beside the text, a button named after its code
 * (by its path, so a sub-code's name comes last) and the first words it codes.
 */
export function codingOf(page: Page, codeName: string, words: string): Locator {
  return page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: new RegExp(`^Coding (?:.+ › )?${escapeRegExp(codeName)}: “${escapeRegExp(words)}`) });
}
