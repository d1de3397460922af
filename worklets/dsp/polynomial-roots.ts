/**
 * Roots of a real polynomial, for mapping analog networks to digital sections.
 *
 * Method: Aberth–Ehrlich simultaneous iteration (O. Aberth, "Iteration methods for
 * finding all zeros of a polynomial simultaneously", Math. Comp. 27, 1973), started
 * from Bini's Newton-polygon initial guesses (D. A. Bini, "Numerical computation of
 * polynomial zeros by means of Aberth's method", Numer. Algorithms 13, 1996).
 *
 * Why this care: the impedance networks mix 0.05 mH voice coils with 1.7 H motional
 * inductances, so the roots of one polynomial span 1 Hz to 1 MHz and the
 * coefficients span 30 orders of magnitude. We therefore
 *   1. take exact zero roots out first (a coupling capacitor gives a zero at s = 0),
 *   2. rescale s = σ·u with σ = (|c0|/|cn|)^(1/n), the geometric mean of the root
 *      magnitudes, so the scaled roots straddle |u| = 1,
 *   3. place the initial guesses on circles whose radii come from the upper convex
 *      hull of (i, log|ci|) — each circle sits at the magnitude of one root cluster,
 *      which makes the iteration converge in a handful of steps even for roots that
 *      are six decades apart,
 *   4. polish every root with two Newton steps and make complex roots exact conjugate
 *      pairs (the polynomial is real).
 *
 * Design-time code: allocates freely; never call it from an audio `process()`.
 */
import { complexDivide } from '../../src/math/complex.ts';

export interface Root {
  readonly re: number;
  readonly im: number;
}

const MAX_ITERATIONS = 500;
/** Relative step size below which a root counts as converged (a few ulps). */
const CONVERGED = 4e-16;
/** |Im| / |z| below which a root is taken as real. */
const REAL_TOLERANCE = 1e-9;

/**
 * All roots of c[0] + c[1]·s + … + c[n]·s^n (ascending powers), n of them, complex
 * roots in exact conjugate pairs. Highest-order zero coefficients are dropped.
 */
export function polynomialRoots(ascending: readonly number[]): Root[] {
  const c = ascending.slice();
  for (const value of c) {
    if (!Number.isFinite(value)) throw new RangeError(`polynomial coefficient must be finite (got ${value})`);
  }
  while (c.length > 0 && c[c.length - 1] === 0) c.pop();
  if (c.length === 0) throw new RangeError('the zero polynomial has no defined roots');

  const roots: Root[] = [];
  // Exact roots at s = 0: leading (lowest-order) zero coefficients.
  let low = 0;
  while (c[low] === 0) {
    roots.push({ re: 0, im: 0 });
    low++;
  }
  const p = c.slice(low);
  const n = p.length - 1;
  if (n === 0) return roots;

  const sigma = Math.pow(Math.abs(p[0]!) / Math.abs(p[n]!), 1 / n);
  // Scaled, monic: q(u) = p(σu) / (p_n σ^n).
  const q = p.map((value, i) => (value * Math.pow(sigma, i - n)) / p[n]!);
  const scaled = n <= 2 ? lowDegreeRoots(q) : aberth(q);
  for (const z of scaled) roots.push({ re: z.re * sigma, im: z.im * sigma });
  return pairConjugates(roots);
}

function lowDegreeRoots(q: number[]): Root[] {
  if (q.length === 2) return [{ re: -q[0]! / q[1]!, im: 0 }];
  // u² + b·u + c (monic). Stable quadratic formula: no cancellation between -b and √Δ.
  const b = q[1]! / q[2]!;
  const cc = q[0]! / q[2]!;
  const disc = b * b - 4 * cc;
  if (disc >= 0) {
    const t = -0.5 * (b + Math.sign(b || 1) * Math.sqrt(disc));
    const r1 = t;
    const r2 = t !== 0 ? cc / t : 0;
    return [{ re: r1, im: 0 }, { re: r2, im: 0 }];
  }
  const im = 0.5 * Math.sqrt(-disc);
  return [{ re: -0.5 * b, im }, { re: -0.5 * b, im: -im }];
}

function aberth(q: number[]): Root[] {
  const n = q.length - 1;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  initialGuesses(q, re, im);

  const converged = new Uint8Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let allDone = true;
    for (let k = 0; k < n; k++) {
      if (converged[k]) continue;
      const e = evaluate(q, re[k]!, im[k]!);
      // Newton ratio N = p/p'.
      const [nr, ni] = complexDivide(e.pr, e.pi, e.dr, e.di);
      // Aberth correction: w = N / (1 − N·Σ_{j≠k} 1/(z_k − z_j)).
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        const [ir, ii] = complexDivide(1, 0, re[k]! - re[j]!, im[k]! - im[j]!);
        sr += ir;
        si += ii;
      }
      const [wr, wi] = complexDivide(nr, ni, 1 - (nr * sr - ni * si), -(nr * si + ni * sr));
      if (!Number.isFinite(wr) || !Number.isFinite(wi)) continue;
      re[k] = re[k]! - wr;
      im[k] = im[k]! - wi;
      const size = Math.hypot(re[k]!, im[k]!);
      if (Math.hypot(wr, wi) <= CONVERGED * Math.max(size, 1e-300)) converged[k] = 1;
      else allDone = false;
    }
    if (allDone) break;
  }
  // Two Newton steps per root polish the last bits (Aberth stops at a few ulps anyway).
  for (let k = 0; k < n; k++) {
    for (let step = 0; step < 2; step++) {
      const e = evaluate(q, re[k]!, im[k]!);
      const [nr, ni] = complexDivide(e.pr, e.pi, e.dr, e.di);
      if (!Number.isFinite(nr) || !Number.isFinite(ni)) break;
      re[k] = re[k]! - nr;
      im[k] = im[k]! - ni;
    }
  }
  const roots: Root[] = [];
  for (let k = 0; k < n; k++) roots.push({ re: re[k]!, im: im[k]! });
  return roots;
}

/** Bini's initial guesses: circles at radii from the upper convex hull of (i, log|q_i|). */
function initialGuesses(q: number[], re: Float64Array, im: Float64Array): void {
  const n = q.length - 1;
  const points: [number, number][] = [];
  for (let i = 0; i <= n; i++) {
    if (q[i] !== 0) points.push([i, Math.log(Math.abs(q[i]!))]);
  }
  // Andrew's monotone chain, upper hull only (points are sorted by i already).
  const hull: [number, number][] = [];
  for (const point of points) {
    while (hull.length >= 2) {
      const [x1, y1] = hull[hull.length - 2]!;
      const [x2, y2] = hull[hull.length - 1]!;
      const cross = (x2 - x1) * (point[1] - y1) - (y2 - y1) * (point[0] - x1);
      if (cross >= 0) hull.pop();
      else break;
    }
    hull.push(point);
  }
  let k = 0;
  for (let h = 0; h + 1 < hull.length; h++) {
    const [i, yi] = hull[h]!;
    const [j, yj] = hull[h + 1]!;
    const count = j - i;
    const radius = Math.exp((yi - yj) / count);
    for (let m = 0; m < count; m++) {
      // The offsets keep guesses off the real axis and off each other's symmetry lines.
      const angle = (2 * Math.PI * m) / count + (2 * Math.PI * i) / n + 0.4;
      re[k] = radius * Math.cos(angle);
      im[k] = radius * Math.sin(angle);
      k++;
    }
  }
}

/** p(z) and p'(z) by Horner's rule, ascending coefficients. */
function evaluate(q: number[], zr: number, zi: number): { pr: number; pi: number; dr: number; di: number } {
  let pr = q[q.length - 1]!;
  let pi = 0;
  let dr = 0;
  let di = 0;
  for (let i = q.length - 2; i >= 0; i--) {
    const ndr = dr * zr - di * zi + pr;
    const ndi = dr * zi + di * zr + pi;
    dr = ndr;
    di = ndi;
    const npr = pr * zr - pi * zi + q[i]!;
    const npi = pr * zi + pi * zr;
    pr = npr;
    pi = npi;
  }
  return { pr, pi, dr, di };
}

/**
 * Makes the root set exactly conjugate-symmetric: near-real roots become real, each
 * upper-half-plane root is paired with the nearest lower one and both are averaged.
 */
function pairConjugates(roots: Root[]): Root[] {
  const real: Root[] = [];
  const upper: Root[] = [];
  const lower: Root[] = [];
  for (const z of roots) {
    const size = Math.hypot(z.re, z.im);
    if (Math.abs(z.im) <= REAL_TOLERANCE * size) real.push({ re: z.re, im: 0 });
    else if (z.im > 0) upper.push(z);
    else lower.push(z);
  }
  const result: Root[] = [...real];
  for (const z of upper) {
    let best = -1;
    let bestDistance = Infinity;
    for (let j = 0; j < lower.length; j++) {
      const w = lower[j]!;
      const distance = Math.hypot(z.re - w.re, z.im + w.im);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = j;
      }
    }
    if (best < 0) {
      result.push({ re: z.re, im: 0 });
      continue;
    }
    const w = lower.splice(best, 1)[0]!;
    const reMean = 0.5 * (z.re + w.re);
    const imMean = 0.5 * (z.im - w.im);
    result.push({ re: reMean, im: imMean }, { re: reMean, im: -imMean });
  }
  // A lower root without partner can only come from a numerical accident: make it real.
  for (const w of lower) result.push({ re: w.re, im: 0 });
  return result;
}
