/**
 * The raised cosine w = ½ − ½cos(πk/n), step k of n: the shape of every crossfade and gain
 * ramp (docs/decisions.md, "Gain ramps are raised cosines"). Its slope is zero at both ends,
 * so an envelope that follows it has no corner to click.
 */

/** w at step k of n: 0 at k = 0, 1 at k = n. */
export function raisedCosineAt(k: number, n: number): number {
  return 0.5 - 0.5 * Math.cos((Math.PI * k) / n);
}

/** Fills `into[0 … n−1]` with an n-step ramp w(k + 1, n): the first step above 0, the last exactly 1. Design-time: call when the ramp's length is set. */
export function fillRaisedCosineRamp(into: Float64Array, n: number): Float64Array {
  for (let k = 0; k < n; k++) into[k] = raisedCosineAt(k + 1, n);
  return into;
}
