import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppPage, isSafeExternalUrl, launchProject, navigationVerdict, secondLaunchProject, type AppLocation } from './window-security';

const rendererFile = join('/opt', 'quarry', 'out', 'renderer', 'index.html');
const built: AppLocation = { rendererFile };
const dev: AppLocation = { rendererFile, devServerUrl: 'http://localhost:5173' };
const appPage = pathToFileURL(rendererFile).href;

describe('isSafeExternalUrl', () => {
  it('lets web pages through', () => {
    for (const url of ['https://doi.org/10.1000/182', 'http://example.org/paper?id=1#p2', 'https://例え.jp/']) expect(isSafeExternalUrl(url), url).toBe(true);
  });

  it('refuses every other protocol, addresses hiding credentials before the host, and non-URLs', () => {
    const refused = [
      'file:///etc/passwd',
      'file://server/share/payload.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://attacker.example/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'mailto:someone@example.org',
      'https://bank.example@evil.example/',
      'https://user:secret@evil.example/',
      'not a url',
      '',
    ];
    for (const url of refused) expect(isSafeExternalUrl(url), url).toBe(false);
  });
});

describe('navigationVerdict', () => {
  it('blocks every file: navigation in the built app, its own page included, and anything that is not a web page', () => {
    for (const url of [appPage, `${appPage}#collect`, 'file:///etc/passwd', 'file://server/share/x.html', 'javascript:alert(1)', 'about:blank', 'chrome://settings']) {
      expect(navigationVerdict(url, built), url).toBe('block');
    }
  });

  it('hands web links to the system browser instead of navigating the window', () => {
    expect(navigationVerdict('https://doi.org/10.1000/182', built)).toBe('open-externally');
    expect(navigationVerdict('https://bank.example@evil.example/', built)).toBe('block');
  });

  it('lets the dev server reload only its exact origin, not addresses that merely start like it', () => {
    expect(navigationVerdict('http://localhost:5173/', dev)).toBe('allow');
    expect(navigationVerdict('http://localhost:5173/src/main.tsx?v=1', dev)).toBe('allow');
    for (const url of ['http://localhost:5173.evil.example/', 'http://localhost:51730/', 'https://localhost:5173/', 'http://localhost:5173@evil.example/']) {
      expect(navigationVerdict(url, dev), url).not.toBe('allow');
    }
    expect(navigationVerdict('file:///etc/passwd', dev)).toBe('block');
  });
});

describe('isAppPage', () => {
  it('is the exact built page (whatever its fragment), or the dev server origin', () => {
    expect(isAppPage(`${appPage}#reduce`, built)).toBe(true);
    expect(isAppPage(pathToFileURL(join('/opt', 'quarry', 'out', 'renderer', 'other.html')).href, built)).toBe(false);
    expect(isAppPage('file:///etc/passwd', built)).toBe(false);
    expect(isAppPage('https://evil.example/', built)).toBe(false);
    expect(isAppPage('http://localhost:5173/', dev)).toBe(true);
    expect(isAppPage('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isAppPage(appPage, dev)).toBe(false);
  });
});

describe('launch and second launch', () => {
  const electronArgv = ['/usr/lib/electron/electron', '--no-sandbox', '.', '--enable-logging'];

  it('reads --project from the command line, relative to the working folder, else QUARRY_PROJECT', () => {
    expect(launchProject([...electronArgv, '--project', 'reviews/a.quarry'], '/home/r', {})).toBe(join('/home/r', 'reviews', 'a.quarry'));
    expect(launchProject([...electronArgv, '--project=/data/b.quarry'], '/home/r', {})).toBe('/data/b.quarry');
    expect(launchProject(electronArgv, '/home/r', { QUARRY_PROJECT: '/data/c.quarry' })).toBe('/data/c.quarry');
    expect(launchProject(electronArgv, '/home/r', {})).toBeUndefined();
  });

  it("takes the second launch's project from its lock data, checked, or else from its command line", () => {
    expect(secondLaunchProject({ project: 'd.quarry' }, [], '/home/r')).toBe(join('/home/r', 'd.quarry'));
    expect(secondLaunchProject({ project: 42 }, [...electronArgv, '--project', 'e.quarry'], '/work')).toBe(join('/work', 'e.quarry'));
    expect(secondLaunchProject(null, [...electronArgv, '--project', 'e.quarry'], '/work')).toBe(join('/work', 'e.quarry'));
    expect(secondLaunchProject('junk', electronArgv, '/work')).toBeUndefined();
    expect(secondLaunchProject({ project: '  ' }, electronArgv, '/work')).toBeUndefined();
  });
});
