/**
 * A share link's QR code as the classroom draws it: the path's dark runs are exactly the
 * matrix's dark modules, moved in by the quiet zone, and a link too long for any version
 * says so with its length.
 */
import { describe, expect, it } from 'vitest';
import { darkModulesPath, qrMatrix, QUIET_ZONE, symbolSide, type QrMatrix } from '../../src/state/qr-code.ts';

/** The modules a path of runs "M x y h n v1 h-n z" paints, as "x,y". */
function painted(d: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, n] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let k = 0; k < Number(n); k++) cells.add(`${Number(x) + k},${y}`);
  return cells;
}

describe('a QR code’s dark modules as one path', () => {
  it('a run covers each stretch of dark modules in a row, moved in by the quiet zone', () => {
    const matrix: QrMatrix = { version: 1, size: 5, modules: [[true, true, false, true, false], [false, false, false, false, false], [true, true, true, true, true]] };
    expect(darkModulesPath(matrix)).toBe('M4 4h2v1h-2zM7 4h1v1h-1zM4 6h5v1h-5z');
    expect(darkModulesPath(matrix, 0)).toBe('M0 0h2v1h-2zM3 0h1v1h-1zM0 2h5v1h-5z');
  });

  it('for a real link the path paints exactly the dark modules, and the symbol is 4·version + 17 modules plus the quiet zone', () => {
    const result = qrMatrix('http://192.168.1.20:5173/?lesson=splitters&step=2');
    if (!result.ok) throw new Error(result.message);
    const { matrix } = result;
    expect(matrix.size).toBe(4 * matrix.version + 17);
    expect(symbolSide(matrix)).toBe(matrix.size + 2 * QUIET_ZONE);
    const dark = new Set<string>();
    matrix.modules.forEach((row, y) => row.forEach((on, x) => on && dark.add(`${x + QUIET_ZONE},${y + QUIET_ZONE}`)));
    expect(painted(darkModulesPath(matrix))).toEqual(dark);
  });

  it('a link too long for the largest code is refused with its length, never cut short', () => {
    const result = qrMatrix(`http://example.org/?a=${'x'.repeat(4000)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^This link is too long for a QR code \(4022 characters; /);
  });
});
