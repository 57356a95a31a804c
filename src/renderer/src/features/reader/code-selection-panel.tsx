import type { Ref } from 'react';
import type { Code } from '../../../../shared/domain/model';
import { CodePicker } from './code-picker';
import { applyCode, createCodeAndApply, type TextSelection } from './coding-actions';

interface Props {
  codes: Code[];
  selection: TextSelection | null;
  onCoded(): void;
  inputRef: Ref<HTMLInputElement>;
}

/** The Reduce stage's docked coding tools: always there, so coding many passages in a row needs no popover. */
export function CodeSelectionPanel({ codes, selection, onCoded, inputRef }: Props) {
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
        <p className="muted">Select a passage in the reader (mouse, or Shift+arrows), then pick a code here or press C.</p>
      )}
      <CodePicker
        codes={codes}
        label="Choose code"
        enabled={selection !== null}
        inputRef={inputRef}
        onApply={(codeId) => (selection ? applyCode(selection, codeId).then(onCoded) : Promise.resolve())}
        onCreate={(name) => (selection ? createCodeAndApply(selection, name).then(onCoded) : Promise.resolve())}
        onCancel={onCoded}
      />
    </section>
  );
}
