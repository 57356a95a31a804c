// One sequential scale for every matrix cell (ColorBrewer's Blues, colour-blind safe), so the
// eye compares amounts rather than code colours; text on a cell switches to white where the
// fill is dark enough for white to read better.

const blues = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (rgb: number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** The fill for `value` on a scale up to `max` (none for zero), and the text colour that reads best on it. */
export function heatColour(value: number, max: number): { fill: string; text: string } | null {
  if (!(value > 0) || !(max > 0)) return null;
  // Start one step in, so the smallest count is still visibly shaded.
  const at = 1 + Math.min(1, value / max) * (blues.length - 2);
  const low = Math.floor(at);
  const high = Math.min(blues.length - 1, low + 1);
  const [a, b] = [channels(blues[low]!), channels(blues[high]!)];
  const rgb = a.map((v, i) => v + (b[i]! - v) * (at - low));
  const l = luminance(rgb);
  const dark = { hex: '#1b1f24', l: luminance(channels('#1b1f24')) };
  return { fill: toHex(rgb), text: contrast(l, 1) > contrast(l, dark.l) ? '#ffffff' : dark.hex };
}

/** Okabe and Ito's colour-blind-safe palette, for the series of a chart (one per attribute value). */
export const seriesColours = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];
