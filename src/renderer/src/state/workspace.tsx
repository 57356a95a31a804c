import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { SegmentFilter, SegmentQuery } from '../../../shared/domain/segments/query';

/** A coding query to show in the Segments view: from a code's details, or a cell of a matrix drilled into. */
export interface SegmentRequest {
  query: SegmentQuery;
  filter?: SegmentFilter;
  /** Changes on every request, so asking twice shows it again. */
  request?: number;
}

/** Where the reader should look: only `codeId`'s codings when set, scrolled to `codingId` or that code's first coding. */
export interface ReaderFocus {
  codeId: string | null;
  codingId: string | null;
  /** Changes on every request, so asking twice for the same place scrolls there again. */
  request: number;
  /** Source spans to highlight (a search hit's matched words); the reader scrolls to the first. */
  highlights: Array<[start: number, end: number]>;
}

export interface Workspace {
  view: string;
  showView(id: string): void;
  sourceId: string | null;
  /** Opens a source in the reader, optionally filtered to a code and scrolled to a coding, switching view if asked. */
  openSource(id: string | null, options?: { codeId?: string | null; codingId?: string | null; view?: string; highlights?: ReaderFocus['highlights'] }): void;
  readerFocus: ReaderFocus;
  setCodeFilter(codeId: string | null): void;
  /** The code selected in the codebook, which memos and the matrix follow. */
  codeId: string | null;
  selectCode(id: string | null): void;
  /** The coding query the Segments view shows; null until one is asked for. */
  segmentRequest: SegmentRequest | null;
  /** Shows the Segments view with this query. */
  showSegments(request: SegmentRequest): void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

const viewFromHash = (fallback: string): string => window.location.hash.replace(/^#\/?/, '') || fallback;

export function WorkspaceProvider({ initialView, children }: { initialView: string; children: ReactNode }) {
  const [view, setView] = useState(() => viewFromHash(initialView));
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [codeId, selectCode] = useState<string | null>(null);
  const [readerFocus, setReaderFocus] = useState<ReaderFocus>({ codeId: null, codingId: null, request: 0, highlights: [] });
  const [segmentRequest, setSegmentRequest] = useState<SegmentRequest | null>(null);

  // What is selected belongs to the project it is in: another project opens with nothing chosen, and each screen opens its first source.
  useEffect(
    () =>
      api.on('project.opened', () => {
        setSourceId(null);
        selectCode(null);
        setReaderFocus((focus) => ({ codeId: null, codingId: null, request: focus.request + 1, highlights: [] }));
      }),
    [],
  );

  // The view lives in the URL hash so a reload (or the back button) keeps the user's place.
  useEffect(() => {
    const onHash = () => setView(viewFromHash(initialView));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [initialView]);

  const showView = useCallback((id: string) => {
    setView(id);
    if (viewFromHash('') !== id) window.history.pushState(null, '', `#${id}`);
  }, []);

  const openSource = useCallback<Workspace['openSource']>(
    (id, options = {}) => {
      setSourceId(id);
      setReaderFocus((focus) => ({
        codeId: options.codeId === undefined ? focus.codeId : options.codeId,
        codingId: options.codingId ?? null,
        request: focus.request + 1,
        highlights: options.highlights ?? [],
      }));
      if (options.view) showView(options.view);
    },
    [showView],
  );

  const setCodeFilter = useCallback((filter: string | null) => {
    setReaderFocus((focus) => ({ codeId: filter, codingId: null, request: focus.request + 1, highlights: focus.highlights }));
  }, []);

  const showSegments = useCallback(
    (request: SegmentRequest) => {
      setSegmentRequest((previous) => ({ ...request, request: (previous?.request ?? 0) + 1 }));
      showView('segments');
    },
    [showView],
  );

  const value = useMemo(
    () => ({ view, showView, sourceId, openSource, readerFocus, setCodeFilter, codeId, selectCode, segmentRequest, showSegments }),
    [view, showView, sourceId, openSource, readerFocus, setCodeFilter, codeId, segmentRequest, showSegments],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace is used outside WorkspaceProvider.');
  return workspace;
}
