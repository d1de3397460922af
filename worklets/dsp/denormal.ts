/**
 * Denormal and non-finite protection.
 *
 * A recursive filter fed silence decays geometrically towards zero; once its state
 * reaches the subnormal range (< 2.2e-308 for doubles) x86 arithmetic slows down by
 * 10–100×. We flush anything below DENORMAL_FLOOR to exact zero after every block: at
 * 1e-30 (−600 dBFS) the state is far below any audible or measurable effect, and the
 * fastest-decaying pole we realise (|p| ≳ 0.5) cannot go from 1e-30 to subnormal within
 * one block (0.5^1024 · 1e-30 is still ≫ 1e-308).
 *
 * Non-finite values can only enter from the host (NaN/Inf input) or an overflow; the
 * kernels replace non-finite input samples by 0 and reset their state if it ever goes
 * non-finite, so the output is always finite for finite input.
 */
import type { Samples } from './samples.ts';

export const DENORMAL_FLOOR = 1e-30;

/** Sets every |value| < DENORMAL_FLOOR among `length` entries from `from` to exactly 0. */
export function flushDenormals(state: Float64Array, length: number = state.length, from = 0): void {
  for (let i = from; i < from + length; i++) {
    const v = state[i]!;
    if (v < DENORMAL_FLOOR && v > -DENORMAL_FLOOR) state[i] = 0;
  }
}

/** The sample itself when finite, else 0 (NaN, ±Inf). `v − v` is 0 only for finite v. */
export function finiteOrZero(v: number): number {
  return v - v === 0 ? v : 0;
}

/**
 * Output guard, one pass: flushes |v| < DENORMAL_FLOOR to 0 (a decimator's small tail
 * taps can carry a decaying filter's last values into the Float32 subnormal range) and
 * reports whether every sample was finite.
 */
export function flushBlock(buffer: Samples, length: number): boolean {
  let probe = 0;
  for (let i = 0; i < length; i++) {
    const v = buffer[i]!;
    probe += v * 0;
    if (v < DENORMAL_FLOOR && v > -DENORMAL_FLOOR) buffer[i] = 0;
  }
  return probe === 0;
}
