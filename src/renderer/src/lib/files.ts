import type { ExportFile } from '../../../shared/api/areas/exports';

// Files in and out of the renderer. Reading: the browser's file pickers (Electron shows its
// native open dialog for them). Writing: a download, which browser mode saves to the
// downloads folder and Electron offers in its native save dialog.

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(new Error(`${file.name} could not be read from disk.`));
    reader.readAsDataURL(file);
  });
}

export function readAsText(file: File): Promise<string> {
  return file.text().catch(() => {
    throw new Error(`${file.name} could not be read from disk.`);
  });
}

/** Where a file chosen in a folder picker sits in the folder ("Export/files/7/a.pdf"), or its name. */
export const relativePath = (file: File): string => file.webkitRelativePath || file.name;

/** Offers an exported file for saving. */
export function saveExport(file: ExportFile): void {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the address is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
