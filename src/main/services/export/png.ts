import { Resvg } from '@resvg/resvg-js';

/**
 * Rasterises an SVG document to PNG with resvg (Rust, shipped as a prebuilt Node-API module in
 * the npm package, so the CLI and browser mode need no browser or canvas). System fonts are
 * used for labels; `scale` 2 gives a sharp image on high-density screens and in print.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' });
  return resvg.render().asPng();
}
