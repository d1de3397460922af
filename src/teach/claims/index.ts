/**
 * The claims checker: common claims about headphones, amps and splitters, each judged by the
 * model for a setup, with setup pairs that demonstrate it. Pure: no DOM.
 */
import type { Setup } from '../../model/setup.ts';
import { ampAlwaysImproves, underpoweredDropouts } from './amp-claims.ts';
import { ampAddsNoNoise, splitterLowersQuality } from './gear-claims.ts';
import { higherImpedanceSoundsBetter, lowImpedanceLowQuality, needAmpAboveOhms } from './impedance-claims.ts';
import { ampFixesSplitterLoss, splitterHalvesVolume } from './splitter-claims.ts';
import type { Claim, ClaimOptions, Verdict } from './types.ts';

export type { Claim, ClaimEvaluation, ClaimNumber, ClaimOptions, Verdict } from './types.ts';
export { ampAlwaysImproves, underpoweredDropouts } from './amp-claims.ts';
export { ampAddsNoNoise, splitterLowersQuality } from './gear-claims.ts';
export { higherImpedanceSoundsBetter, lowImpedanceLowQuality, needAmpAboveOhms } from './impedance-claims.ts';
export { ampFixesSplitterLoss, splitterHalvesVolume } from './splitter-claims.ts';

export const claims: readonly Claim[] = [
  ampAlwaysImproves,
  higherImpedanceSoundsBetter,
  lowImpedanceLowQuality,
  splitterHalvesVolume,
  ampFixesSplitterLoss,
  needAmpAboveOhms,
  underpoweredDropouts,
  ampAddsNoNoise,
  splitterLowersQuality,
];

/** The claim over its own demonstrations: every setup agrees → that verdict; otherwise 'depends'. */
export function overallVerdict(claim: Claim, options?: ClaimOptions): Verdict {
  const verdicts = new Set<Verdict>();
  for (const { pair } of claim.demonstrations) {
    for (const setup of [pair.a, pair.b] as Setup[]) verdicts.add(claim.evaluate(setup, options).verdict);
  }
  return verdicts.size === 1 ? [...verdicts][0]! : 'depends';
}
