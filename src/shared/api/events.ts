// Events flow from main to the renderer only. Each transport carries them the same way it
// carries answers: IPC messages in Electron, server-sent events in browser mode.
export interface EventMap {
  /** Long work (imports, index builds, audits) reports how far it has come. */
  progress: { task: string; label: string; done: number; total: number };
  /** Something in the open project changed outside the caller's own request. */
  'project.changed': { areas: string[] };
}

export type EventName = keyof EventMap;
export type EventMessage = { [K in EventName]: { name: K; payload: EventMap[K] } }[EventName];
