/**
 * Colours for canvas and uPlot drawing. Canvas cannot use CSS custom properties, so the
 * components read the resolved `--_*` values (see styles.ts) from their host's computed
 * style, and re-read them when the colour scheme changes.
 */

export interface Theme {
  muted: string;
  surface2: string;
  border: string;
  accent: string;
  warn: string;
  /** Font for canvas text, matching the page's. */
  font: string;
  /** Distinct series colours, readable on `surface` (Okabe–Ito based, the first is the accent). */
  palette: readonly string[];
}

const LIGHT_PALETTE = ['#0b6bcb', '#c2410c', '#047857', '#a21caf', '#a16207', '#0e7490', '#6d28d9', '#4b5563'];
const DARK_PALETTE = ['#5aa9ff', '#ff9a5c', '#4fd1a5', '#e79ccc', '#f2c14e', '#67d3f0', '#b99cff', '#cfd5dd'];

export function readTheme(host: Element): Theme {
  const style = getComputedStyle(host);
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  // The palette for a dark surface is lighter, so the series stay readable on it.
  const palette = luminance(get('--_surface', '#ffffff')) < 0.35 ? DARK_PALETTE : LIGHT_PALETTE;
  const accent = get('--_accent', '#0b6bcb');
  return {
    muted: get('--_muted', '#5b6470'),
    surface2: get('--_surface-2', '#f3f5f8'),
    border: get('--_border', '#d9dee5'),
    accent,
    warn: get('--_warn', '#a4501a'),
    font: style.fontFamily || 'system-ui, sans-serif',
    palette: [accent, ...palette.slice(1)],
  };
}

/** Relative luminance (0 black … 1 white) of a #rgb/#rrggbb or rgb() colour; 1 if unreadable. */
function luminance(colour: string): number {
  const rgb = parseColour(colour);
  if (!rgb) return 1;
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function parseColour(colour: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const h = hex[1]!;
    const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(colour.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}
