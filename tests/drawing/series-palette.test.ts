/** The charts' series colours (src/drawing/series-palette.ts). */
import { describe, expect, it } from 'vitest';
import { luminance, seriesPalette } from '../../src/drawing/series-palette.ts';

describe('series palette', () => {
  it('relative luminance is 0 for black and 1 for white, in #rgb, #rrggbb and rgb() alike (sRGB, WCAG weights)', () => {
    expect([luminance('#000'), luminance('#000000'), luminance('rgb(0, 0, 0)')]).toEqual([0, 0, 0]);
    expect([luminance('#fff'), luminance('#FFFFFF'), luminance('rgba(255 255 255 / 1)')]).toEqual([1, 1, 1]);
    // WCAG's reference value for mid grey #808080 is 0.2159 (to 4 decimals).
    expect(luminance('#808080')).toBeCloseTo(0.2159, 4);
  });

  it('an unreadable colour counts as white, so the light palette is used', () => {
    expect(luminance('canvastext')).toBe(1);
  });

  it('a dark surface gets the lighter colours, a light one the darker, the accent first in both', () => {
    const dark = seriesPalette('#1b1f24', '#5aa9ff');
    const light = seriesPalette('#ffffff', '#0b6bcb');
    expect(dark[0]).toBe('#5aa9ff');
    expect(light[0]).toBe('#0b6bcb');
    expect(dark.slice(1).every((c) => luminance(c) > 0.3)).toBe(true);
    expect(light.slice(1).every((c) => luminance(c) < 0.2)).toBe(true);
    expect(dark).toHaveLength(8);
  });
});
