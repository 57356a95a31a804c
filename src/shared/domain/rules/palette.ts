// Tableau 10: distinct hues that stay readable behind dark text.
export const codePalette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

/** The colour a new code gets when none is chosen: the palette in turn, by how many codes exist. */
export function colourForNewCode(existingCodes: number): string {
  return codePalette[existingCodes % codePalette.length]!;
}
