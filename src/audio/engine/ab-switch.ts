/**
 * The A/B switch: a crossfade between the two sides' fade gains, both chains running all
 * the time, so a switch changes only the setup, never the sample position.
 *
 * Equal-gain (linear, gA + gB = 1), not equal-power: A and B play the same material
 * through similar chains, so they are strongly correlated and their sum keeps its level
 * only when the gains sum to 1; an equal-power fade (gA² + gB² = 1) would bulge by up to
 * +3 dB in the middle. 5 ms is well inside the 10 ms bar (issue 5) and long enough that the
 * step between two levels is heard as a change, not a click.
 */
import type { ParamRamp } from './param-ramp.ts';
import type { Side } from './types.ts';

export const AB_CROSSFADE_SECONDS = 0.005;

/** Fades the heard side's gain to 1 and the other's to 0, from context time `when`. */
export function switchSide(a: ParamRamp, b: ParamRamp, side: Side, when: number): void {
  a.to(side === 'A' ? 1 : 0, when, AB_CROSSFADE_SECONDS);
  b.to(side === 'B' ? 1 : 0, when, AB_CROSSFADE_SECONDS);
}
