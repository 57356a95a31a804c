// Files crossing between the user's disk and the API, which carries them as base64: an
// <input type="file"> opens the system's file dialog (in Electron and in a browser alike),
// and a download link saves (Electron asks where with its save dialog; a browser downloads).

/** The bytes of a file the user picked, as base64. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(new Error(`${file.name} could not be read from disk.`));
    reader.readAsDataURL(file);
  });
}

/** Offers a file the main process made for saving. */
export function saveFile(file: { fileName: string; mediaType: string; dataBase64: string }): void {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
