// Files into the renderer: the browser's file pickers (Electron shows its native open dialog for
// them). Files out go through lib/download.ts.

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
