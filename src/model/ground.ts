/**
 * Shared ground returns (headroom/setup@3): the resistances that left and right, and on a
 * passive splitter every listener, share on their way back to the driving stage.
 *
 *   source:    the source jack's sleeve (between its output stage and the plug)
 *   amp:       the amp's output jack's sleeve (its input's return is the source's)
 *   splitter:  the splitter's common leg, shared by every branch (per jack with independent
 *              amp outputs, where each jack has its own cable)
 *   headphone: the plug's sleeve and the cable's common wire, shared by its two drivers
 *
 * The two channels are identical, so mid (L + R)/2 and side (L − R)/2 diagonalise the circuit
 * (docs/model.md, "Crosstalk"): a mid signal sends both channels' currents through a shared
 * return, which to one channel looks like twice its resistance; a side signal sends none.
 */
import type { Setup } from './setup.ts';

export type StereoMode = 'mid' | 'side';

export interface GroundReturns {
  source: number;
  amp: number;
  splitter: number;
  /** One per headphone. */
  headphones: number[];
}

export function groundReturns(setup: Setup): GroundReturns {
  return {
    source: setup.source.groundResistanceOhms ?? 0,
    amp: setup.amp?.groundResistanceOhms ?? 0,
    splitter: setup.splitter?.groundResistanceOhms ?? 0,
    headphones: setup.headphones.map((headphone) => headphone.groundResistanceOhms ?? 0),
  };
}

/** How a shared return looks to one channel: 2× its resistance for a mid signal, 0 for a side signal. */
export function returnFactor(mode: StereoMode): number {
  return mode === 'mid' ? 2 : 0;
}

/** Whether any return of the chain has resistance: without one, left and right are independent. */
export function hasSharedReturns(setup: Setup): boolean {
  const r = groundReturns(setup);
  return r.source > 0 || r.amp > 0 || r.splitter > 0 || r.headphones.some((ohms) => ohms > 0);
}
