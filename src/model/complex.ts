/**
 * Minimal complex arithmetic for impedance calculations (immutable values).
 * A library would add a dependency for a dozen one-line functions; these are
 * exact IEEE formulas, with `div` scaled to avoid overflow (Smith's algorithm).
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
export const mul = (a: Complex, b: Complex): Complex =>
  complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
export const scale = (a: Complex, k: number): Complex => complex(a.re * k, a.im * k);

/** a / b by Smith's algorithm, which avoids overflow for very large or small parts. */
export function div(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const d = b.re + b.im * r;
    return complex((a.re + a.im * r) / d, (a.im - a.re * r) / d);
  }
  const r = b.re / b.im;
  const d = b.re * r + b.im;
  return complex((a.re * r + a.im) / d, (a.im * r - a.re) / d);
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
