// The Electron shell, and only the shell: a window, its security settings and the IPC
// transport. Everything else is plain Node, shared with browser mode and the CLI.
import { app, BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { AppContext } from './app/context';
import { sampleDir } from './app/paths';
import { ensureSampleProject } from './app/sample-project';
import { registerIpcTransport } from './transports/electron-ipc';

// Resolve Quarry's per-user folder from Electron so the sample project and the CLI agree.
process.env.QUARRY_DATA_DIR ??= app.getPath('userData');

function isAppUrl(url: string): boolean {
  return url.startsWith('file://') || (process.env.ELECTRON_RENDERER_URL !== undefined && url.startsWith(process.env.ELECTRON_RENDERER_URL));
}

async function createWindow(ctx: AppContext): Promise<void> {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    title: 'Quarry',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  const unregister = registerIpcTransport(ctx, window);
  window.on('closed', unregister);
  window.once('ready-to-show', () => window.show());
  // No navigation away from the app and no new windows: links open in the system browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    }
  });
  if (process.env.ELECTRON_RENDERER_URL) await window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else await window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

app.whenReady().then(async () => {
  const ctx = new AppContext({ indexOnOpen: true });
  ctx.openProject(process.env.QUARRY_PROJECT ?? (await ensureSampleProject(sampleDir(), process.env.QUARRY_DATA_DIR!)));
  app.on('web-contents-created', (_event, contents) => contents.on('will-attach-webview', (e) => e.preventDefault()));
  await createWindow(ctx);
  app.on('window-all-closed', () => {
    ctx.close();
    app.quit();
  });
});
