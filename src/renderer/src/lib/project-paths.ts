// Paths of project files as the renderer builds them for browser mode's path field. The
// renderer has no path module; the main process gives absolute folders, whose own separator
// tells how to join them (a Windows folder has backslashes and no slashes).

const separatorOf = (folder: string): string => (folder.includes('\\') && !folder.includes('/') ? '\\' : '/');

export function joinPath(folder: string, name: string): string {
  const separator = separatorOf(folder);
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** The last part of a path: the file's name. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Everything before the last part: the file's folder. */
export function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at <= 0 ? path.slice(0, at + 1) : path.slice(0, at);
}

/**
 * A file name for a project called `name`: characters no file system takes (/ \ : * ? " < > |
 * and control characters) become spaces, and it ends in .quarry.
 */
export function projectFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  return `${base || 'Project'}.quarry`;
}
