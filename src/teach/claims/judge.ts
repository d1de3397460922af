/**
 * The claims judged for the app's setups A and B, as <headroom-claims> shows them: one verdict
 * per side (one for both when A and B are the same setup), the verdicts of each claim's own
 * demonstrations, and the claim's sentence with its N filled in.
 */
import type { Setup } from '../../model/setup.ts';
import type { SetupPair } from '../../state/setup-pair.ts';
import { claims } from './index.ts';
import type { Claim, ClaimDemonstration, ClaimEvaluation, ClaimOptions, Verdict } from './types.ts';

export interface JudgedClaim {
  claim: Claim;
  a: ClaimEvaluation;
  /** null when B is the same setup as A. */
  b: ClaimEvaluation | null;
}

const sameSetup = (a: Setup, b: Setup): boolean => JSON.stringify(a) === JSON.stringify(b);

export function judgeClaims({ a, b }: SetupPair, options: ClaimOptions): JudgedClaim[] {
  const same = sameSetup(a, b);
  return claims.map((claim) => ({ claim, a: claim.evaluate(a, options), b: same ? null : claim.evaluate(b, options) }));
}

/** Demonstration verdicts depend only on the claim and its options: computed once per N. */
const demoVerdicts = new Map<string, Verdict[][]>();
export function demonstrationVerdicts(claim: Claim, options: ClaimOptions): Verdict[][] {
  const key = `${claim.id}|${options.thresholdOhms ?? ''}`;
  let verdicts = demoVerdicts.get(key);
  if (!verdicts) {
    verdicts = claim.demonstrations.map(({ pair }) => [claim.evaluate(pair.a, options).verdict, claim.evaluate(pair.b, options).verdict]);
    demoVerdicts.set(key, verdicts);
  }
  return verdicts;
}

/** The claim that reads the N of `ClaimOptions.thresholdOhms`. */
export const THRESHOLD_CLAIM = 'need-amp-above-n-ohms';

/** The claim as a heading: without its full stop, the N claim with its N. */
export function claimSentence(claim: Claim, thresholdOhms: number): string {
  const text = claim.id === THRESHOLD_CLAIM ? claim.text.replace('N Ω', `${thresholdOhms} Ω`) : claim.text;
  return text.replace(/\.$/, '');
}

/** The title a loaded demonstration plays under: "Claim: demonstration". */
export function demonstrationTitle(claim: Claim, demo: ClaimDemonstration): string {
  return `${claim.text.replace(/\.$/, '')}: ${demo.label}`;
}
