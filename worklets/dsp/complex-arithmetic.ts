/**
 * Complex products and quotients on (re, im) pairs, for design-time code (root finding,
 * the bilinear map). Returns fresh tuples: never call from `process()`.
 */

/** (a + ib)(c + id). */
export function complexMultiply(a: number, b: number, c: number, d: number): [number, number] {
  return [a * c - b * d, a * d + b * c];
}

/** (a + ib) / (c + id) by Smith's algorithm (no overflow for wide magnitudes). */
export function complexDivide(a: number, b: number, c: number, d: number): [number, number] {
  if (Math.abs(c) >= Math.abs(d)) {
    const r = d / c;
    const den = c + d * r;
    return [(a + b * r) / den, (b - a * r) / den];
  }
  const r = c / d;
  const den = c * r + d;
  return [(a * r + b) / den, (b * r - a) / den];
}
