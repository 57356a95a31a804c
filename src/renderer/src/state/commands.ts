import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';

// Every action a person can take is a command, registered once as data: its name, its keys,
// when it applies and what it does (after Excalidraw's action registry and VS Code's
// command palette). One key handler and the command palette read this registry, so every
// action is reachable from the keyboard and listed with its shortcut.

export interface Command {
  /** Stable and unique: 'history.undo', 'view.reduce', 'reader.codeSelection'. */
  id: string;
  /** What the palette shows, in the imperative: "Undo", "Go to Reduce". */
  title: string;
  /** Groups the palette: Edit, Go, Coding, Search … */
  category: string;
  /** Key chords, e.g. 'Mod+Shift+Z' (Mod is Ctrl, or ⌘ on macOS), 'Alt+1', 'C', ']'. */
  keys?: readonly string[];
  /** Whether it applies now; a command that does not apply is left out of the palette and its keys do nothing. */
  when?: () => boolean;
  /** Its keys also work while typing in a field: only for chords that cannot be typed text. */
  inTextFields?: boolean;
  /** Where its keys work, when narrower than where it applies: the reader's single-letter keys work only in the reader. */
  keyScope?: () => boolean;
  run(): void | Promise<void>;
}

const registry = new Map<string, Command>();
const subscribers = new Set<() => void>();
let version = 0;

function changed(): void {
  version++;
  subscribers.forEach((notify) => notify());
}

/** Adds commands; the returned function takes them away again. A later registration of an id replaces the earlier one. */
export function registerCommands(commands: readonly Command[]): () => void {
  for (const command of commands) registry.set(command.id, command);
  changed();
  return () => {
    for (const command of commands) if (registry.get(command.id) === command) registry.delete(command.id);
    changed();
  };
}

/**
 * Registers commands while a component is mounted. What they do and when they apply are read
 * through a ref, so they may close over the component's latest state; they are registered
 * again only when what the palette shows of them (id, title, keys …) changes.
 */
export function useCommands(commands: readonly Command[]): void {
  const latest = useRef(commands);
  useLayoutEffect(() => {
    latest.current = commands;
  });
  const shown = JSON.stringify(commands.map(({ id, title, category, keys, inTextFields }) => [id, title, category, keys, inTextFields]));
  useEffect(() => {
    const registered = latest.current.map(
      (command): Command => ({
        ...command,
        when: () => latest.current.find((c) => c.id === command.id)?.when?.() ?? true,
        keyScope: () => latest.current.find((c) => c.id === command.id)?.keyScope?.() ?? true,
        run: () => latest.current.find((c) => c.id === command.id)?.run(),
      }),
    );
    return registerCommands(registered);
  }, [shown]);
}

/** Whether a command applies now. */
export const applies = (command: Command): boolean => command.when?.() ?? true;

/** Every registered command, for the palette (re-rendering when the set changes). */
export function useCommandList(): Command[] {
  useSyncExternalStore(
    (notify) => {
      subscribers.add(notify);
      return () => subscribers.delete(notify);
    },
    () => version,
  );
  return [...registry.values()];
}

export function runCommand(id: string): boolean {
  const command = registry.get(id);
  if (!command || !applies(command)) return false;
  void command.run();
  return true;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The chord a key event makes, in the registry's spelling: 'Mod+Shift+Z', 'Alt+1', ']'. */
export function chordOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  const parts: string[] = [];
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('Mod');
  if (isMac && event.ctrlKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  // Shift is part of the chord only with a modifier or for letters; ']' and '?' stay as typed.
  let key = event.key;
  // With Alt (and on some layouts Shift), key is the character typed; the physical digit or letter is what a shortcut means.
  if (/^Digit\d$/.test(event.code)) key = event.code.slice(5);
  else if (/^Key[A-Z]$/.test(event.code) && (event.altKey || parts.length > 0)) key = event.code.slice(3);
  if (key.length === 1) key = key.toUpperCase();
  if (event.shiftKey && (parts.length > 0 || /^[A-Z]$/.test(key))) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

/** A chord as people read it on this system: 'Ctrl+Shift+Z', or '⌘⇧Z' on a Mac. */
export function formatChord(chord: string): string {
  if (!isMac) return chord.replace(/\bMod\b/g, 'Ctrl');
  return chord
    .split('+')
    .map((part) => ({ Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' })[part] ?? part)
    .join('');
}

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(target.type);
}

/** The one key handler: runs the command bound to the chord, if one applies here. */
export function handleKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  const chord = chordOf(event);
  const typing = inTextField(event.target);
  for (const command of registry.values()) {
    if (!command.keys?.includes(chord)) continue;
    if (typing && !command.inTextFields) continue;
    if (!applies(command) || command.keyScope?.() === false) continue;
    event.preventDefault();
    void command.run();
    return;
  }
}
