// Code colours. A code's colour draws its margin stripe and the line under its highlighted
// text, so it must stand out from the page it is drawn on: WCAG 2.1's 3:1 for graphical
// objects (success criterion 1.4.11), measured with WCAG's relative luminance.

/** The reader's page, the lightest surface a code's colour is drawn on. */
export const pageColour = '#ffffff';

/** WCAG 1.4.11: a graphical object needs 3:1 against what is next to it. */
export const minimumCodeContrast = 3;

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) throw new Error(`"${hex}" is not a colour written #rrggbb.`);
  const n = parseInt(match[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG's relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG's contrast ratio of two colours, 1 to 21, the same whichever is given first. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rr, gg, bb] = [r / 255, g / 255, b / 255];
  const max = Math.max(rr, gg, bb);
  const min = Math.min(rr, gg, bb);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rr ? (gg - bb) / d + (gg < bb ? 6 : 0) : max === gg ? (bb - rr) / d + 2 : (rr - gg) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: [number, number, number]): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return [channel(h + 1 / 3) * 255, channel(h) * 255, channel(h - 1 / 3) * 255];
}

/**
 * The colour to draw a code in so that it keeps `minimum` contrast with `page`: the colour
 * itself when it already does, otherwise the same hue and saturation made darker (on a light
 * page) or lighter (on a dark one), by as little as reaches the minimum.
 */
export function legibleCodeColour(hex: string, page = pageColour, minimum = minimumCodeContrast): string {
  const colour = toHex(parseHex(hex));
  if (contrastRatio(colour, page) >= minimum) return colour;
  const [h, s, l] = toHsl(parseHex(colour));
  const darken = relativeLuminance(page) > 0.18;
  // Contrast grows monotonically as lightness moves away from the page, so halve the interval.
  let near = l;
  let far = darken ? 0 : 1;
  let best = toHex(fromHsl([h, s, far]));
  for (let i = 0; i < 24; i++) {
    const mid = (near + far) / 2;
    const candidate = toHex(fromHsl([h, s, mid]));
    if (contrastRatio(candidate, page) >= minimum) {
      best = candidate;
      far = mid;
    } else near = mid;
  }
  return best;
}

/** The pane behind the codebook, darker than the page: palette colours keep 3:1 there too. */
export const paneColour = '#f6f5f2';

// Tableau 10's hues, those below 3.4:1 on the page darkened to it (legibleCodeColour with 3.4),
// so they keep 3:1 on the panes as well (see the test).
export const codePalette = ['#4e79a7', '#d5700d', '#e15759', '#4f9792', '#559a4c', '#a98711', '#b07aa1', '#ff4256', '#9c755f', '#978882'] as const;

/** The colour a new code gets when none is chosen: the palette in turn, by how many codes exist. */
export function colourForNewCode(existingCodes: number): string {
  return codePalette[existingCodes % codePalette.length]!;
}
