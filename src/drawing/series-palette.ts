/**
 * The charts' series colours: distinct, readable on the surface they are drawn on (Okabe–Ito
 * based), the accent first. A dark surface gets the lighter set, so the series stay readable.
 */
const LIGHT_PALETTE = ['#0b6bcb', '#c2410c', '#047857', '#a21caf', '#a16207', '#0e7490', '#6d28d9', '#4b5563'];
const DARK_PALETTE = ['#5aa9ff', '#ff9a5c', '#4fd1a5', '#e79ccc', '#f2c14e', '#67d3f0', '#b99cff', '#cfd5dd'];

/** The series colours on `surface` (a #rgb, #rrggbb or rgb() colour), led by `accent`. */
export function seriesPalette(surface: string, accent: string): readonly string[] {
  const palette = luminance(surface) < 0.35 ? DARK_PALETTE : LIGHT_PALETTE;
  return [accent, ...palette.slice(1)];
}

/** Relative luminance (0 black … 1 white) of a #rgb/#rrggbb or rgb() colour; 1 if unreadable. */
export function luminance(colour: string): number {
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
