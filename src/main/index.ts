// The Electron shell, and only the shell: a window, its security settings and the IPC
// transport. Everything else is plain Node, shared with browser mode and the CLI; the
// security decisions themselves are plain functions in window-security.ts.
import { app, BrowserWindow, dialog, Menu, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { join } from 'node:path';
import { acceleratorOf, appMenu, menuCommands, type MenuEntry } from '../shared/app-menu';
import type { PathPicker } from './areas/kit';
import { AppContext, backupSettings, consoleLogger } from './app/context';
import { projectAtLaunch } from './app/launch';
import { sampleDir, userDataDir } from './app/paths';
import { ProjectAccess } from './app/project-access';
import { RecentProjects } from './app/recent-projects';
import { sampleProjectIn } from './app/sample-project';
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

/** The system's file dialogs for choosing a project file, over the app's window. */
function filePicker(window: () => BrowserWindow | null): PathPicker {
  const filters = [{ name: 'Quarry projects', extensions: ['quarry'] }];
  return async (purpose, suggestedName) => {
    const parent = window();
    if (!parent) return null;
    if (purpose === 'open') {
      const chosen = await dialog.showOpenDialog(parent, { title: 'Open a project', filters, properties: ['openFile'] });
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    }
    const chosen = await dialog.showSaveDialog(parent, {
      title: purpose === 'create' ? 'Where to keep the new project' : 'Save a copy of the project',
      buttonLabel: purpose === 'create' ? 'Create' : 'Save copy',
      defaultPath: join(app.getPath('documents'), `${suggestedName.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Project'}.quarry`),
      filters,
      properties: ['createDirectory'],
    });
    if (chosen.canceled || !chosen.filePath) return null;
    return chosen.filePath.endsWith('.quarry') ? chosen.filePath : `${chosen.filePath}.quarry`;
  };
}

/**
 * The menu bar, from the shared menu (app-menu.ts): each item asks the renderer to run its
 * command, so the page decides as the palette does (and asks first when work would be lost).
 * Its keys are shown but left to the page's key handler, which knows when a text field has focus.
 */
function buildMenu(ctx: AppContext, recent: RecentProjects): void {
  const run = (command: string, path?: string) => ctx.emit('menu.command', path ? { command, path } : { command });
  const item = (entry: MenuEntry): MenuItemConstructorOptions => {
    if (entry === 'separator') return { type: 'separator' };
    if (entry === 'recent') {
      const projects = recent.list();
      return {
        label: 'Open Recent',
        submenu: projects.length ? projects.map((p) => ({ label: `${p.name} — ${p.path}`, click: () => run('project.open', p.path) })) : [{ label: 'No recent projects', enabled: false }],
      };
    }
    const { label, keys } = menuCommands[entry] as { label: string; keys?: readonly string[] };
    return { label, click: () => run(entry), ...(keys?.[0] ? { accelerator: acceleratorOf(keys[0]), registerAccelerator: false } : {}) };
  };
  const [file, edit, view] = appMenu.map((menu) => ({ label: menu.label, submenu: menu.entries.map(item) }));
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { ...file!, submenu: [...file!.submenu, { type: 'separator' }, { role: process.platform === 'darwin' ? 'close' : 'quit' }] },
    // Cut, copy and paste keep their roles: text fields need them (on macOS they work only through the menu).
    { ...edit!, submenu: [...edit!.submenu, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { ...view!, submenu: [...view!.submenu, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(project: string | undefined): Promise<void> {
  // Quarry needs no camera, microphone, notifications, clipboard reading or any other permission.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guard(contents));

  let window: BrowserWindow | null = null;
  const recentProjects = new RecentProjects(userDataDir(), (message, error) => consoleLogger.error(message, error));
  const sampleProject = sampleProjectIn(sampleDir(), userDataDir());
  const ctx = new AppContext({ indexOnOpen: true, recentProjects, sampleProject, pickPath: filePicker(() => window), backups: backupSettings() });
  const launching = await projectAtLaunch({ given: project, recent: recentProjects, access: ProjectAccess.unrestricted(userDataDir()), sample: sampleProject });
  if (launching) {
    try {
      // A damaged project opens as its problem, with the offer of its latest good backup.
      ctx.openAtLaunch(launching);
    } catch (error) {
      // A project asked for must open; the one opened last may have broken since, and the start screen lets the person choose.
      if (project) throw error;
      consoleLogger.error(`The project opened last (${launching}) could not be opened`, error);
    }
  }
  buildMenu(ctx, recentProjects);
  ctx.onEvent((name) => name === 'project.opened' && buildMenu(ctx, recentProjects));
  window = await createWindow(ctx);
  const shown = window;

  // A second launch (for the same user) ends at once; this window opens the project it asked for and comes to the front.
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const asked = secondLaunchProject(additionalData, argv, workingDirectory);
    if (asked && asked !== ctx.openPath) ctx.emit('menu.command', { command: 'project.open', path: asked });
    if (shown.isMinimized()) shown.restore();
    shown.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // However Quarry quits (its last window closed, the Quit menu item, Cmd+Q), the project is
  // closed first and whole: its writer thread gone and its write-ahead log folded into the file.
  let projectClosed = false;
  app.on('will-quit', (event) => {
    if (projectClosed) return;
    event.preventDefault();
    void ctx.close().finally(() => {
      projectClosed = true;
      app.quit();
    });
  });
}

// One Quarry per user, so two windows never write one project file at once.
const project = launchProject(process.argv, process.cwd(), process.env);
if (!app.requestSingleInstanceLock({ project } satisfies LaunchRequest)) app.quit();
else void app.whenReady().then(() => start(project));
