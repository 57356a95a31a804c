/** The keys that apply a code to the selection in the reader. */
export const shortcutDigits = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * Which code each digit applies: a digit a code was given (codes.shortcut) is that code's;
 * every other digit goes, in order, to the first codes in `codesInTreeOrder` that were given
 * none, so a new codebook has 1–9 on its first nine codes without anyone assigning them.
 */
export function codeShortcuts(codesInTreeOrder: ReadonlyArray<{ id: string; shortcut: number | null }>): Map<number, string> {
  const keys = new Map<number, string>();
  for (const code of codesInTreeOrder) if (code.shortcut !== null && !keys.has(code.shortcut)) keys.set(code.shortcut, code.id);
  const free = shortcutDigits.filter((digit) => !keys.has(digit));
  const unassigned = codesInTreeOrder.filter((code) => code.shortcut === null);
  free.forEach((digit, i) => {
    const code = unassigned[i];
    if (code) keys.set(digit, code.id);
  });
  return new Map([...keys].sort(([a], [b]) => a - b));
}
