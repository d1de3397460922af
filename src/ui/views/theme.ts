/**
 * Colours for canvas and uPlot drawing. Canvas cannot use CSS custom properties, so the
 * components read the resolved `--_*` values (see styles.ts) from their host's computed
 * style, and re-read them when the colour scheme changes.
 */
import { seriesPalette } from '../../drawing/series-palette.ts';

export interface Theme {
  muted: string;
  surface2: string;
  border: string;
  accent: string;
  warn: string;
  /** Font for canvas text, matching the page's. */
  font: string;
  /** Distinct series colours, readable on `surface` (src/drawing/series-palette.ts). */
  palette: readonly string[];
}

export function readTheme(host: Element): Theme {
  const style = getComputedStyle(host);
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const accent = get('--_accent', '#0b6bcb');
  return {
    muted: get('--_muted', '#5b6470'),
    surface2: get('--_surface-2', '#f3f5f8'),
    border: get('--_border', '#d9dee5'),
    accent,
    warn: get('--_warn', '#a4501a'),
    font: style.fontFamily || 'system-ui, sans-serif',
    palette: seriesPalette(get('--_surface', '#ffffff'), accent),
  };
}
