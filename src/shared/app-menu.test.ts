import { describe, expect, it } from 'vitest';
import { acceleratorOf, appMenu, keysOf, menuCommands } from './app-menu';

describe('the application menu', () => {
  it('names only known commands, each once, and writes their keys as Electron accelerators', () => {
    const entries = appMenu.flatMap((menu) => menu.entries.filter((e) => e !== 'separator' && e !== 'recent'));
    expect(entries.every((e) => e in menuCommands)).toBe(true);
    expect(new Set(entries).size).toBe(entries.length);
    expect(acceleratorOf(keysOf('project.saveCopy')![0]!)).toBe('CmdOrCtrl+Shift+S');
    expect(acceleratorOf('F1')).toBe('F1');
  });
});
