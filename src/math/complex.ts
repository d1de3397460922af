/**
 * Minimal complex arithmetic, for the model's impedances (immutable {re, im} values) and
 * the kernels' design-time code (root finding, the bilinear map: (re, im) pairs). A library
 * would add a dependency for a dozen one-line functions; these are exact IEEE formulas, with
 * the division scaled to avoid overflow (Smith's algorithm), written once for both forms.
 * Returns fresh values: never call from `process()`.
 */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

export const complex = (re: number, im = 0): Complex => ({ re, im });
export const ZERO = complex(0, 0);
export const ONE = complex(1, 0);

export const add = (a: Complex, b: Complex): Complex => complex(a.re + b.re, a.im + b.im);
export const sub = (a: Complex, b: Complex): Complex => complex(a.re - b.re, a.im - b.im);
/** (a + ib)(c + id). */
export function complexMultiply(a: number, b: number, c: number, d: number): [number, number] {
  return [a * c - b * d, a * d + b * c];
}

export const mul = (a: Complex, b: Complex): Complex => complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
export const scale = (a: Complex, k: number): Complex => complex(a.re * k, a.im * k);

/** (a + ib) / (c + id) by Smith's algorithm, which avoids overflow for very large or small parts. */
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

/** a / b (complexDivide). */
export function div(a: Complex, b: Complex): Complex {
  const [re, im] = complexDivide(a.re, a.im, b.re, b.im);
  return complex(re, im);
}

export const inv = (a: Complex): Complex => div(ONE, a);
export const abs = (a: Complex): number => Math.hypot(a.re, a.im);
export const argDeg = (a: Complex): number => (Math.atan2(a.im, a.re) * 180) / Math.PI;
export const fromPolar = (magnitude: number, phaseRad: number): Complex =>
  complex(magnitude * Math.cos(phaseRad), magnitude * Math.sin(phaseRad));

/** Parallel combination 1 / Σ(1/Zi); an ideal short (Z = 0) in the set makes it 0. */
export function parallel(impedances: readonly Complex[]): Complex {
  let admittance = ZERO;
  for (const z of impedances) {
    if (z.re === 0 && z.im === 0) return ZERO;
    admittance = add(admittance, inv(z));
  }
  return inv(admittance);
}
