import { ipcMain, type BrowserWindow } from 'electron';
import { ipcEventChannel, ipcInvokeChannel } from '../../shared/api/bridge';
import type { AppContext } from '../app/context';
import { dispatch } from '../app/dispatch';
import { isAppPage, type AppLocation } from '../window-security';

/** Electron IPC: a thin adapter from the preload's invoke/on to dispatch and the context's events. */
export function registerIpcTransport(ctx: AppContext, window: BrowserWindow, app: AppLocation): () => void {
  ipcMain.handle(ipcInvokeChannel, (event, method: unknown, input: unknown) => {
    // Only the app's own page, in the top frame of its own window, may call; anything else
    // (a stray webview, a devtools extension, a frame or page it was led to) is refused.
    const frame = event.senderFrame;
    if (event.sender !== window.webContents || !frame || frame.parent !== null || !isAppPage(frame.url, app)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This window may not call Quarry.' } };
    }
    return dispatch(ctx, typeof method === 'string' ? method : '', input);
  });
  const unsubscribe = ctx.onEvent((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcEventChannel, { name, payload });
  });
  return () => {
    ipcMain.removeHandler(ipcInvokeChannel);
    unsubscribe();
  };
}
