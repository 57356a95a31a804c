import type { QuarryBridge } from '../../../shared/api/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { ErrorPayload, Result } from '../../../shared/api/errors';
import type { EventMap, EventName } from '../../../shared/api/events';

declare global {
  interface Window {
    quarry?: QuarryBridge;
  }
}

/** A failed call, carrying the error the main process sent as data. */
export class ApiError extends Error {
  readonly code: ErrorPayload['code'];
  /** What the main process added for the UI to act on (a damaged project's backup, say). */
  readonly details: unknown;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.details = payload.details;
  }
}

/**
 * Browser mode: the same contract over HTTP on 127.0.0.1. The per-launch token arrives in
 * the URL the server printed and is sent with every request.
 */
function httpBridge(): QuarryBridge {
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? sessionStorage.getItem('quarry-token') ?? '';
  sessionStorage.setItem('quarry-token', token);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      const { name, payload } = JSON.parse(message.data as string) as { name: EventName; payload: unknown };
      listeners.get(name)?.forEach((listener) => listener(payload));
    };
  };
  return {
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Quarry is not running any more. Start it again and reload this page.' } };
      }
      return (await response.json()) as Result<unknown>;
    },
    on(name, listener) {
      connect();
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}

const bridge: QuarryBridge = window.quarry ?? httpBridge();

export const api = {
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await bridge.invoke(method, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value as MethodOutput<M>;
  },
  on<K extends EventName>(name: K, listener: (payload: EventMap[K]) => void): () => void {
    return bridge.on(name, listener);
  },
};
