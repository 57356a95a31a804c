import { ipcMain, type BrowserWindow } from 'electron';
import { ipcEventChannel, ipcInvokeChannel } from '../../shared/api/bridge';
import type { AppContext } from '../app/context';
import { dispatch } from '../app/dispatch';

/** Electron IPC: a thin adapter from the preload's invoke/on to dispatch and the context's events. */
export function registerIpcTransport(ctx: AppContext, window: BrowserWindow): () => void {
  ipcMain.handle(ipcInvokeChannel, (event, method: unknown, input: unknown) => {
    // Only the app's own window may call; anything else (a stray webview, a devtools extension) is refused.
    if (event.sender !== window.webContents) {
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
