/**
 * A share link as a QR code's modules, and those modules as path data: the classroom draws
 * the link students scan. The matrix comes from `uqr`. Dark modules become one path of
 * horizontal runs ("M x y h n v 1 h −n z") inside a quiet zone of QUIET_ZONE light modules on
 * every side (ISO/IEC 18004 asks for 4).
 * Error correction L: the link is shown on a projector, not printed on a scratched label, and
 * L leaves the most room (a version-40 code holds 2953 bytes) and the largest modules.
 */
import { encode } from 'uqr';

export const QUIET_ZONE = 4;

export interface QrMatrix {
  /** QR version 1–40; the symbol has 4·version + 17 modules per side. */
  version: number;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `true` = dark, row by row, without the quiet zone. */
  modules: boolean[][];
}

export type QrResult = { ok: true; matrix: QrMatrix } | { ok: false; message: string };

export function qrMatrix(text: string): QrResult {
  try {
    const qr = encode(text, { ecc: 'L', border: 0 });
    return { ok: true, matrix: { version: qr.version, size: qr.size, modules: qr.data } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `This link is too long for a QR code (${text.length} characters; ${reason}).` };
  }
}

/** Path data of the dark modules as horizontal runs, offset by the quiet zone. */
export function darkModulesPath(matrix: QrMatrix, quietZone = QUIET_ZONE): string {
  const parts: string[] = [];
  matrix.modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start + quietZone} ${y + quietZone}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}

/** Side of the whole symbol in modules, quiet zone included (the SVG's viewBox). */
export const symbolSide = (matrix: QrMatrix, quietZone = QUIET_ZONE): number => matrix.size + 2 * quietZone;
