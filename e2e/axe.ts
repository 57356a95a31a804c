import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** axe's full rule set at every impact level (WCAG 2.x A and AA, best practices included) on what is on screen: one line per violation. */
export async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
