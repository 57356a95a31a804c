import type { Topic } from './method';

// Events flow from main to the renderer only. Each transport carries them the same way it
// carries answers: IPC messages in Electron, server-sent events in browser mode.
export interface EventMap {
  /** Long work (imports, index builds, audits) reports how far it has come. */
  progress: { task: string; label: string; done: number; total: number };
  /**
   * The open project changed: after every change, undo and redo, naming what it touched so
   * each view re-reads only what it shows. `label` names the step ("Undo: Rename code ‘Trust’").
   */
  'project.changed': { topics: Topic[]; label: string };
  /** Another project was opened or created: everything shown belongs to the old one. */
  'project.opened': { path: string };
  /**
   * The desktop app's menu asks the renderer to run a command (see app-menu.ts), which asks
   * first where that would lose work the window holds; `path` names the recent project to open.
   */
  'menu.command': { command: string; path?: string };
}

export type EventName = keyof EventMap;
export type EventMessage = { [K in EventName]: { name: K; payload: EventMap[K] } }[EventName];
