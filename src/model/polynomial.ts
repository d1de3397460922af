/**
 * Real polynomials in s, coefficients in ascending powers ([c0, c1, c2] = c0 + c1·s + c2·s²),
 * and rational functions N(s)/D(s) built from them. Used to state a network's exact
 * transfer function for the DSP; `evaluateAt` lets tests check it against the phasor solver.
 */
import type { Complex } from '../math/complex.ts';
import { rationalAtHz } from '../math/rational.ts';

export type Polynomial = readonly number[];

export interface RationalFunction {
  /** Ascending powers of s (s in rad/s). */
  numerator: number[];
  denominator: number[];
}

export function polyAdd(a: Polynomial, b: Polynomial): number[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, k) => (a[k] ?? 0) + (b[k] ?? 0));
}

export function polyMul(a: Polynomial, b: Polynomial): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  a.forEach((ak, i) => b.forEach((bk, j) => (out[i + j]! += ak * bk)));
  return out;
}

export function polyScale(a: Polynomial, k: number): number[] {
  return a.map((c) => c * k);
}

export function polyProduct(factors: readonly Polynomial[]): number[] {
  return factors.reduce<number[]>((acc, f) => polyMul(acc, f), [1]);
}

/** Drops trailing zero coefficients (exact zeros only) so degrees are true degrees. */
export function polyTrim(a: Polynomial): number[] {
  let n = a.length;
  while (n > 1 && a[n - 1] === 0) n--;
  return a.slice(0, n);
}

/**
 * Drops high-order terms whose size stays below `relative` of the largest term for every
 * |s| up to `omegaMax`: they change p(jω) by less than rounding there, but a vanishing
 * leading coefficient (a voice coil of 1e-90 mH is valid input) would underflow when
 * the polynomial is normalised or factored.
 */
export function polyTrimNegligible(a: Polynomial, omegaMax: number, relative = 1e-15): number[] {
  const sizes = a.map((c, k) => Math.abs(c) * omegaMax ** k);
  const largest = Math.max(...sizes);
  let n = a.length;
  while (n > 1 && sizes[n - 1]! <= largest * relative) n--;
  return a.slice(0, n);
}

/** H(j2πf) (src/math/rational.ts). */
export function rationalAt(h: RationalFunction, hz: number): Complex {
  return rationalAtHz(h.numerator, h.denominator, hz);
}
