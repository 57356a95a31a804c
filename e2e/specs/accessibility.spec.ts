import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';

// Every control must have an accessible name, and no view may break the basic ARIA rules.
// axe checks what is on screen, so each stage and the Audit view is visited in turn.
const rules = ['button-name', 'input-button-name', 'label', 'select-name', 'link-name', 'aria-allowed-attr', 'aria-required-attr', 'aria-required-children', 'aria-required-parent', 'aria-valid-attr', 'aria-valid-attr-value', 'aria-input-field-name', 'aria-toggle-field-name', 'duplicate-id-aria', 'image-alt', 'list', 'listitem', 'tabindex'];

const loaded = {
  Collect: { role: 'list', name: 'Sources' },
  Reduce: { role: 'tree', name: 'Codebook' },
  Display: { role: 'region', name: 'Matrix' },
  Conclude: { role: 'textbox', name: 'Conclusion statement' },
  Audit: { role: 'region', name: 'Findings' },
  Overview: { role: 'table', name: 'Sources, the least coded first' },
} as const;

for (const [view, content] of Object.entries(loaded)) {
  test(`the ${view} view: every control has an accessible name`, async ({ page, quarry }) => {
    expect(quarry.url).toContain('token=');
    await page.getByRole('tab', { name: view }).click();
    await expect(page.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole(content.role, { name: content.name })).toBeVisible();
    const results = await new AxeBuilder({ page }).withRules(rules).analyze();
    const problems = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(problems).toEqual([]);
  });
}
