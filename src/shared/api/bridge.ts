import type { Result } from './errors';
import type { EventName, EventMap } from './events';

/** What the preload exposes on `window.quarry`: the one contract's invoke and its events. */
export interface QuarryBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on<K extends EventName>(name: K, listener: (payload: EventMap[K]) => void): () => void;
}

export const ipcInvokeChannel = 'quarry:invoke';
export const ipcEventChannel = 'quarry:event';
