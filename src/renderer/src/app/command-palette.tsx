import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { applies, formatChord, useCommandList, type Command } from '../state/commands';

/** Words of the query each found in the command's title or category, in any order: "undo ren" finds "Undo: Rename code …". */
function matches(command: Command, query: string): boolean {
  const haystack = `${command.title} ${command.category}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Every command that applies here, with its keys, to run from the keyboard (Ctrl+Shift+P). */
export function CommandPalette({ onClose }: { onClose(): void }) {
  const all = useCommandList();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const shown = useMemo(
    () =>
      all
        .filter((c) => c.id !== 'palette.show' && applies(c) && matches(c, query))
        .sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title)),
    [all, query],
  );
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    // After the dialog has closed and focus is back where it was, so the command acts there.
    requestAnimationFrame(() => void command.run());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length) setActive((current + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(shown[current]);
    }
  };

  return (
    <dialog ref={dialog} className="command-palette" aria-label="Commands" onClose={onClose}>
      <input
        className="input command-palette__input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown[current] ? `${listId}-${current}` : undefined}
        aria-label="Type a command"
        placeholder="Type a command…"
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} className="command-palette__list" role="listbox" aria-label="Commands">
        {shown.map((command, index) => (
          <li
            key={command.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'command-palette__item is-active' : 'command-palette__item'}
            onMouseEnter={() => setActive(index)}
            onClick={() => run(command)}
          >
            <span className="command-palette__category">{command.category}</span>
            <span className="command-palette__title">{command.title}</span>
            {command.keys?.length ? <kbd className="command-palette__keys">{command.keys.map(formatChord).join(' or ')}</kbd> : null}
          </li>
        ))}
        {shown.length === 0 && <li className="command-palette__empty">No command matches “{query}”.</li>}
      </ul>
    </dialog>
  );
}
