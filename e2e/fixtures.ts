import { test as base } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startQuarry, type QuarryServer } from './quarry-server';

interface Fixtures {
  /** A fresh, empty per-user data folder: Quarry builds its sample project there on start. */
  dataDir: string;
  quarry: QuarryServer;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    await use(mkdtempSync(join(tmpdir(), 'quarry-e2e-')));
  },
  quarry: async ({ dataDir, page }, use) => {
    const server = await startQuarry({ dataDir });
    await page.goto(server.url);
    await use(server);
    await server.stop();
  },
});

export { expect } from '@playwright/test';
