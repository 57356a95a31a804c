import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { startQuarry } from '../quarry-server';

test('the page runs under its CSP, sent as a header too, and a malformed address answers 400 while the app keeps working', async ({ page, quarry }) => {
  const violations: string[] = [];
  page.on('console', (message) => message.text().includes('Content Security Policy') && violations.push(message.text()));
  const response = await page.goto(quarry.url);
  const declared = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(response!.headers()['content-security-policy']).toBe(`${declared}; frame-ancestors 'none'`);
  expect(response!.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });

  await page.getByRole('tab', { name: 'Reduce' }).click();
  await expect(page.getByRole('tree', { name: 'Codebook' })).toBeVisible();

  for (const address of ['/%E0%A4%A', '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', '/api/%E0%A4%A']) {
    const hostile = await page.request.get(`${quarry.origin}${address}`);
    expect(hostile.status(), address).toBe(400);
    expect(await hostile.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  }
  await page.getByRole('tab', { name: 'Display' }).click();
  await expect(page.getByRole('region', { name: 'Matrix' }).getByRole('table')).toBeVisible();
  expect(violations).toEqual([]);
});

test('browser mode creates projects only in its own folder and the folders allowed with --allow-dir', async ({ page, dataDir }) => {
  const allowed = mkdtempSync(join(tmpdir(), 'quarry-allowed-'));
  const outside = mkdtempSync(join(tmpdir(), 'quarry-outside-'));
  const server = await startQuarry({ dataDir, allowDirs: [allowed] });
  try {
    const headers = { authorization: `Bearer ${server.token}` };
    const call = (method: string, data: object) => page.request.post(`${server.origin}/api/${method}`, { data, headers });

    const access = await (await call('project.getAccess', {})).json();
    expect(access.value).toMatchObject({ restricted: true, projectsFolder: dataDir, allowedFolders: [dataDir, allowed] });

    const refused = await call('project.create', { path: join(outside, 'elsewhere.quarry'), name: 'Elsewhere' });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain(`--allow-dir "${outside}"`);

    const created = await call('project.create', { path: join(allowed, 'review.quarry'), name: 'Allowed review' });
    expect(created.status()).toBe(200);
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Allowed review' })).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('browser mode will not start with an --allow-dir that is not a folder', async ({ dataDir }) => {
  await expect(startQuarry({ dataDir, allowDirs: [join(dataDir, 'no-such-folder')] })).rejects.toThrow(/--allow-dir .*no-such-folder is not a folder/);
});
