// The Electron shell, and only the shell: a window, its security settings and the IPC
// transport. Everything else is plain Node, shared with browser mode and the CLI; the
// security decisions themselves are plain functions in window-security.ts.
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { AppContext, backupSettings } from './app/context';
import { sampleDir } from './app/paths';
import { ensureSampleProject } from './app/sample-project';
import { registerIpcTransport } from './transports/electron-ipc';
import { isSafeExternalUrl, launchProject, navigationVerdict, secondLaunchProject, type AppLocation, type LaunchRequest } from './window-security';

// Resolve Quarry's per-user folder from Electron so the sample project and the CLI agree.
process.env.QUARRY_DATA_DIR ??= app.getPath('userData');

const appLocation: AppLocation = { rendererFile: join(import.meta.dirname, '../renderer/index.html'), devServerUrl: process.env.ELECTRON_RENDERER_URL };

/** The one way out of the app: a checked web link, handed to the system browser. */
function openExternally(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

/** Every web contents (the window, devtools, anything unexpected) gets the same guards: no navigation, no new windows, no webviews. */
function guard(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    const verdict = navigationVerdict(event.url, appLocation);
    if (verdict === 'allow') return;
    event.preventDefault();
    if (verdict === 'open-externally') openExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (navigationVerdict(event.url, appLocation) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function createWindow(ctx: AppContext): Promise<BrowserWindow> {
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
      // A middle click on a link would otherwise open it in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const unregister = registerIpcTransport(ctx, window, appLocation);
  window.on('closed', unregister);
  window.once('ready-to-show', () => window.show());
  if (appLocation.devServerUrl) await window.loadURL(appLocation.devServerUrl);
  else await window.loadFile(appLocation.rendererFile);
  return window;
}

async function start(project: string | undefined): Promise<void> {
  // Quarry needs no camera, microphone, notifications, clipboard reading or any other permission.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guard(contents));

  const ctx = new AppContext({ indexOnOpen: true, backups: backupSettings() });
  ctx.openAtLaunch(project ?? (await ensureSampleProject(sampleDir(), process.env.QUARRY_DATA_DIR!)));
  const window = await createWindow(ctx);

  // A second launch (for the same user) ends at once; this window opens the project it asked for and comes to the front.
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const asked = secondLaunchProject(additionalData, argv, workingDirectory);
    if (asked && (!ctx.hasProject || asked !== ctx.project.path)) {
      try {
        ctx.openProject(asked);
        window.reload();
      } catch (error) {
        dialog.showErrorBox('Quarry could not open the project', error instanceof Error ? error.message : String(error));
      }
    }
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    ctx.close();
    app.quit();
  });
}

// One Quarry per user, so two windows never write one project file at once.
const project = launchProject(process.argv, process.cwd(), process.env);
if (!app.requestSingleInstanceLock({ project } satisfies LaunchRequest)) app.quit();
else void app.whenReady().then(() => start(project));
