import { contextBridge, ipcRenderer } from 'electron';
import { ipcEventChannel, ipcInvokeChannel, type QuarryBridge } from '../shared/api/bridge';
import type { EventMessage } from '../shared/api/events';

// Only these two functions cross into the page: no ipcRenderer, no Node.
const bridge: QuarryBridge = {
  invoke: (method, input) => ipcRenderer.invoke(ipcInvokeChannel, method, input),
  on: (name, listener) => {
    const handler = (_event: unknown, message: EventMessage) => {
      if (message.name === name) (listener as (payload: unknown) => void)(message.payload);
    };
    ipcRenderer.on(ipcEventChannel, handler);
    return () => ipcRenderer.removeListener(ipcEventChannel, handler);
  },
};

contextBridge.exposeInMainWorld('quarry', bridge);
