// The desktop app's menu bar, as data: each item runs the renderer command of the same id, so
// the menu, the command palette and the keys do one thing one way. The renderer takes its
// keys from here; the Electron shell builds its menu from it.

export interface MenuCommand {
  /** The menu's label, in title case as menus are written. */
  label: string;
  /** Key chords in the command registry's spelling ('Mod+Shift+S'); the first is shown in the menu. */
  keys?: readonly string[];
}

export const menuCommands = {
  'project.new': { label: 'New Project…', keys: ['Mod+Alt+N'] },
  'project.open': { label: 'Open Project…', keys: ['Mod+O'] },
  'project.openSample': { label: 'Open the Sample Project' },
  'project.showStart': { label: 'Projects…', keys: ['Mod+Shift+O'] },
  'project.saveCopy': { label: 'Save a Copy…', keys: ['Mod+Shift+S'] },
  'project.rename': { label: 'Rename Project…' },
  'project.showBackups': { label: 'Backups…' },
  'project.backUp': { label: 'Back Up Now' },
  'sources.importFiles': { label: 'Import Sources…', keys: ['Mod+I'] },
  'sources.pasteText': { label: 'Paste as New Source…', keys: ['Mod+Shift+V'] },
  'history.undo': { label: 'Undo', keys: ['Mod+Z'] },
  'history.redo': { label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'] },
  'history.show': { label: 'Undo History', keys: ['Mod+Shift+H'] },
  'palette.show': { label: 'Show All Commands', keys: ['Mod+Shift+P', 'F1'] },
} as const satisfies Record<string, MenuCommand>;

export type MenuCommandId = keyof typeof menuCommands;

/** 'recent' stands for the Open Recent submenu, filled with the person's recent projects. */
export type MenuEntry = MenuCommandId | 'separator' | 'recent';

export const appMenu: ReadonlyArray<{ label: string; entries: readonly MenuEntry[] }> = [
  {
    label: 'File',
    entries: ['project.new', 'project.open', 'recent', 'project.openSample', 'project.showStart', 'separator', 'sources.importFiles', 'sources.pasteText', 'separator', 'project.saveCopy', 'project.rename', 'separator', 'project.backUp', 'project.showBackups'],
  },
  { label: 'Edit', entries: ['history.undo', 'history.redo', 'history.show'] },
  { label: 'View', entries: ['palette.show'] },
];

/** The keys of a menu command, for registering it in the renderer. */
export function keysOf(id: MenuCommandId): readonly string[] | undefined {
  const command: MenuCommand = menuCommands[id];
  return command.keys;
}

/** A chord as Electron writes accelerators: 'Mod+Shift+S' is 'CmdOrCtrl+Shift+S'. */
export function acceleratorOf(chord: string): string {
  return chord
    .split('+')
    .map((part) => (part === 'Mod' ? 'CmdOrCtrl' : part))
    .join('+');
}
