import { keysOf } from '../../../shared/app-menu';
import { useQuery, walkHistory } from '../api/use-api';
import { useCommands, type Command } from '../state/commands';
import { announce } from '../state/status';
import { useWorkspace } from '../state/workspace';
import { views } from './views';

/** Undoes or redoes a step and says so, for screen readers too. */
export async function stepHistory(direction: 'undo' | 'redo'): Promise<void> {
  const step = await walkHistory(direction);
  announce(step ? `${direction === 'undo' ? 'Undone' : 'Redone'}: ${step.label}` : `Nothing to ${direction}.`);
}

/** The shell's own commands: going to each view, undo and redo, the history and the palette. */
export function useAppCommands(panels: { showPalette(): void; showHistory(): void }): void {
  const { showView } = useWorkspace();
  const history = useQuery('history.list', {});
  const nextUndo = history.data?.undo[0];
  const nextRedo = history.data?.redo[0];
  const commands: Command[] = [
    ...views.map(
      (view, index): Command => ({
        id: `view.${view.id}`,
        title: `Go to ${view.label}`,
        category: 'Go',
        keys: [`Alt+${index + 1}`],
        inTextFields: true,
        run: () => showView(view.id),
      }),
    ),
    {
      id: 'history.undo',
      title: nextUndo ? `Undo: ${nextUndo.label}` : 'Undo',
      category: 'Edit',
      keys: keysOf('history.undo'),
      when: () => Boolean(nextUndo),
      run: () => stepHistory('undo'),
    },
    {
      id: 'history.redo',
      title: nextRedo ? `Redo: ${nextRedo.label}` : 'Redo',
      category: 'Edit',
      keys: keysOf('history.redo'),
      when: () => Boolean(nextRedo),
      run: () => stepHistory('redo'),
    },
    { id: 'history.show', title: 'Show the undo history', category: 'Edit', keys: keysOf('history.show'), inTextFields: true, run: panels.showHistory },
    { id: 'palette.show', title: 'Show all commands', category: 'Help', keys: keysOf('palette.show'), inTextFields: true, run: panels.showPalette },
  ];
  useCommands(commands);
}
