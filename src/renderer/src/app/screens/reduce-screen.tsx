import { useCallback, useMemo, useRef, useState } from 'react';
import { useQuery } from '../../api/use-api';
import type { Coding } from '../../../../shared/domain/model';
import { announce } from '../../state/status';
import { useWorkspace } from '../../state/workspace';
import { Codebook } from '../../features/codebook/codebook';
import { CodeSelectionPanel } from '../../features/reader/code-selection-panel';
import type { TextSelection } from '../../features/reader/coding-actions';
import { MemoPanel, type MemoTarget } from '../../features/memos/memo-panel';
import { Reader } from '../../features/reader/reader';
import { SourceSwitcher } from '../../features/reader/source-switcher';
import { ThemesPanel } from '../../features/themes/themes-panel';
import { InlineError } from '../../components/inline-error';
import { useFirstSourceWhenNoneOpen } from './open-first-source';

export function ReduceView() {
  const { sourceId, codeId } = useWorkspace();
  const codesQuery = useQuery('codes.list', {});
  const sources = useQuery('sources.list', {});
  const codes = useMemo(() => codesQuery.data ?? [], [codesQuery.data]);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [themeId, setThemeId] = useState<string | null>(null);
  const themes = useQuery('themes.list', {});
  const pickerInput = useRef<HTMLInputElement>(null);
  const readerText = useRef<HTMLElement | null>(null);

  useFirstSourceWhenNoneOpen(sources);

  const onCoded = useCallback(
    (coded: Coding[]) => {
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      // Back to the text, so the next passage can be selected from the keyboard.
      readerText.current?.focus({ preventScroll: true });
      if (coded[0] && selection) {
        const words = selection.text;
        announce(`Coded “${words.length > 60 ? `${words.slice(0, 57)}…` : words}” with ${coded.map((c) => codes.find((k) => k.id === c.codeId)?.name ?? 'a code').join(', ')}`);
      }
    },
    [selection, codes],
  );

  const source = sources.data?.find((s) => s.id === sourceId);
  const code = codes.find((c) => c.id === codeId);
  const theme = themes.data?.find((t) => t.id === themeId);
  const targets: MemoTarget[] = [
    ...(source ? [{ kind: 'source' as const, id: source.id, label: `Source: ${source.title}` }] : []),
    ...(code ? [{ kind: 'code' as const, id: code.id, label: `Code: ${code.name}` }] : []),
    ...(theme ? [{ kind: 'theme' as const, id: theme.id, label: `Theme: ${theme.name}` }] : []),
    { kind: 'project', label: 'The project' },
  ];

  return (
    <div className="layout layout--three">
      <aside className="pane" aria-label="Codebook pane">
        <InlineError message={codesQuery.error} />
        <Codebook codes={codes} />
        <ThemesPanel codes={codes} selectedId={themeId} onSelect={setThemeId} />
      </aside>
      <Reader
        sourceId={sourceId}
        selection={selection}
        onSelectionChange={setSelection}
        codingTools="panel"
        onCodeKey={() => pickerInput.current?.focus()}
        toolbar={<SourceSwitcher />}
        textRef={readerText}
      />
      <aside className="pane pane--side" aria-label="Coding tools">
        <CodeSelectionPanel codes={codes} selection={selection} onCoded={onCoded} inputRef={pickerInput} />
        <MemoPanel targets={targets} />
      </aside>
    </div>
  );
}
