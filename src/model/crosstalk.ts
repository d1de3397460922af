/**
 * Crosstalk through shared ground returns (headroom/setup@3 `groundResistanceOhms`;
 * docs/model.md, "Crosstalk"). With H_mid and H_side a listener's transfer from the source's EMF
 * for a mid and a side signal (solver.ts, ground.ts), a signal in the left channel only,
 * L = M + S with M = S = L/2, reaches
 *
 *   its own channel:    (H_mid + H_side)/2 · L
 *   the other channel:  (H_mid − H_side)/2 · L
 *
 * so crosstalk = 20·log10 |(H_mid − H_side)/(H_mid + H_side)| (negative). Everything the report
 * gives besides is the mid signal (both channels in phase, as the test tone); the level a shared
 * return costs it is 20·log10 |H_mid/H_side|.
 */
import { abs, add, div, sub, type Complex } from './complex.ts';
import type { ChainSolution } from './solver.ts';
import { voltageRatioToDb } from './units.ts';

/** V_hp / EMF of the source for listener `index`. */
export const sourceTransfer = (solution: ChainSolution, index: number): Complex => div(solution.headphones[index]!.loadVoltage, solution.source.emf);

/** Crosstalk in dB from the two transfers; −Infinity when the two are equal (no leak). */
export function crosstalkDb(mid: Complex, side: Complex): number {
  return voltageRatioToDb(abs(sub(mid, side)) / abs(add(mid, side)));
}

export interface CrosstalkFigures {
  /** At 1 kHz, dB (negative). */
  atReferenceDb: number;
  /** 20·log10 |H_mid/H_side| at 1 kHz: the level the shared returns cost a signal in both channels. */
  sharedReturnLossDb: number;
  /** At the report's frequencies. */
  response: { hz: number[]; db: number[] };
}

/**
 * Listener `index`'s crosstalk from mid and side solutions at 1 kHz and at `hz`; null when its
 * two channels do not leak into each other at all (the transfers are equal).
 */
export function listenerCrosstalk(index: number, atReference: { mid: ChainSolution; side: ChainSolution }, hz: number[], mid: readonly ChainSolution[], side: readonly ChainSolution[]): CrosstalkFigures | null {
  const m = sourceTransfer(atReference.mid, index);
  const s = sourceTransfer(atReference.side, index);
  const db = hz.map((_, k) => crosstalkDb(sourceTransfer(mid[k]!, index), sourceTransfer(side[k]!, index)));
  const atReferenceDb = crosstalkDb(m, s);
  if (!Number.isFinite(atReferenceDb) || !db.every(Number.isFinite)) return null;
  return { atReferenceDb, sharedReturnLossDb: voltageRatioToDb(abs(m) / abs(s)), response: { hz, db } };
}
