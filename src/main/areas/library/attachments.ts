// Finding the file a reference record names among the files given with the import. A Zotero
// export writes paths relative to the .bib (`files/12/Lim - 2020.pdf`); a folder chosen in the
// browser gives paths that start with the folder's own name (`Export/files/12/Lim - 2020.pdf`),
// and the CLI gives absolute ones. A path matches when one ends with the other, whole segments;
// failing that, by its file name alone when exactly one given file has it.
const segments = (path: string) => path.replace(/\\/g, '/').replace(/^\.\//, '').split('/').filter(Boolean);

function endsWith(long: string[], short: string[]): boolean {
  return short.length > 0 && short.length <= long.length && short.every((part, i) => long[long.length - short.length + i] === part);
}

export function matchAttachment(named: string, given: readonly string[]): number | undefined {
  const want = segments(named);
  const paths = given.map(segments);
  const exact = paths.findIndex((path) => endsWith(path, want) || endsWith(want, path));
  if (exact >= 0) return exact;
  const name = want[want.length - 1];
  const byName = paths.flatMap((path, index) => (path[path.length - 1] === name ? [index] : []));
  return byName.length === 1 ? byName[0] : undefined;
}
