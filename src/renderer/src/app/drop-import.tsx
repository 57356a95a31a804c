import { useEffect, useState } from 'react';
import { importFiles } from '../state/imports';
import { useWorkspace } from '../state/workspace';

const carriesFiles = (event: DragEvent) => Boolean(event.dataTransfer?.types.includes('Files'));

/**
 * Files dropped anywhere on the window are imported as one batch, shown in Collect. While files
 * are dragged over it, the window says so. Nothing dropped is ever opened as a page.
 */
export function DropImport({ enabled }: { enabled: boolean }) {
  const { openSource, showView } = useWorkspace();
  const [over, setOver] = useState(false);

  useEffect(() => {
    // Counted, since dragenter and dragleave fire for every element the pointer crosses.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setOver(true);
    };
    const overWindow = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      if (!enabled) return;
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      showView('collect');
      importFiles(files, (source) => openSource(source.id));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overWindow);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overWindow);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [enabled, openSource, showView]);

  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{enabled ? 'Drop the files to import them into this project' : 'Open or create a project first, then drop files to import them'}</p>
    </div>
  );
}
