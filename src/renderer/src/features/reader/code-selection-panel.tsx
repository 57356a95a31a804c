import type { Ref } from 'react';
import type { Code, Coding } from '../../../../shared/domain/model';
import { errorMessage } from '../../api/use-api';
import { reportError } from '../../state/status';
import { useWorkspace } from '../../state/workspace';
import { CodePicker } from './code-picker';
import { applyCode, codeInVivo, createCodeAndApply, type TextSelection } from './coding-actions';
import { useCodeShortcuts } from './shortcuts';

interface Props {
  codes: Code[];
  selection: TextSelection | null;
  onCoded(codings: Coding[]): void;
  inputRef: Ref<HTMLInputElement>;
}

/** The Reduce stage's docked coding tools: always there, so coding many passages in a row needs no popover. */
export function CodeSelectionPanel({ codes, selection, onCoded, inputRef }: Props) {
  const { codeId } = useWorkspace();
  const shortcuts = useCodeShortcuts(codes);
  const parent = codes.find((c) => c.id === codeId);
  return (
    <section className="panel" aria-label="Code selection">
      <h2 className="panel__title">Code selection</h2>
      {selection ? (
        <blockquote className="selection-quote">
          {selection.text.length > 240 ? `${selection.text.slice(0, 237)}…` : selection.text}
          <footer className="muted small">
            characters {selection.start.toLocaleString()}–{selection.end.toLocaleString()}
          </footer>
        </blockquote>
      ) : (
        <p className="muted">Select a passage in the reader (mouse, or Shift+arrows from anywhere in the text), then pick a code here, press C, a code’s key, or V to code it in vivo.</p>
      )}
      <CodePicker
        codes={codes}
        label="Choose code"
        enabled={selection !== null}
        inputRef={inputRef}
        onApply={(codeIds) => (selection ? applyCode(selection, codeIds).then(onCoded) : Promise.resolve())}
        onCreate={(name) => (selection ? createCodeAndApply(selection, name).then((coding) => onCoded([coding])) : Promise.resolve())}
        onCancel={() => onCoded([])}
      />
      <button
        type="button"
        className="button"
        disabled={!selection}
        title="The selected words become a new code’s name, nested under the selected code (V)"
        onClick={() => {
          if (selection) codeInVivo(selection, parent?.id ?? null).then((result) => onCoded([result.coding]), (err: unknown) => reportError(errorMessage(err)));
        }}
      >
        Code in vivo{parent ? ` under ${parent.name}` : ''}
      </button>
      {shortcuts.size > 0 && (
        <details className="shortcut-list">
          <summary>Keys 1–9</summary>
          <ul>
            {[...shortcuts].map(([digit, id]) => (
              <li key={digit}>
                <kbd>{digit}</kbd> {codes.find((c) => c.id === id)?.name}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
