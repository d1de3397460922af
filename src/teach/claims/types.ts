/**
 * The claims checker's data types. A claim is a sentence that circulates in articles and
 * forums; the model judges it for one setup at a time.
 *
 * Verdict for a setup:
 *   'true'    the claim holds for this setup, as stated;
 *   'false'   it does not hold for this setup;
 *   'depends' it holds only in part here (one half of it, or in a middle range that the
 *             claim's `when` text names).
 */
import type { Headphone, Setup } from '../../model/setup.ts';
import type { SetupPair } from '../../state/setup-pair.ts';

export type Verdict = 'true' | 'false' | 'depends';

export interface ClaimNumber {
  label: string;
  value: number;
  /** 'dB', 'dB SPL', 'Ω', 'V', 'mA', 'dBFS', '×' (a ratio) … */
  unit: string;
}

export interface ClaimEvaluation {
  verdict: Verdict;
  /** The general rule, with the thresholds computed for this setup's parts: "True when …; false when …". */
  when: string;
  /** One or two sentences on this setup: what the model found and why. */
  here: string;
  numbers: ClaimNumber[];
}

export interface ClaimDemonstration {
  label: string;
  pair: SetupPair;
}

/** Knobs a claim may read; every claim has sensible defaults. */
export interface ClaimOptions {
  /** SPL a listener wants from a full-scale sine (music peaks), dB SPL. Default 100. */
  targetSplDb?: number;
  /** The N of "you need an amp above N Ω". Default 100 Ω. */
  thresholdOhms?: number;
  /** Headphones to test "above N Ω" with. Default: the whole catalog. */
  headphones?: readonly Headphone[];
}

export interface Claim {
  id: string;
  /** The claim as it circulates. */
  text: string;
  /** Where it circulates: the kind of source, not a named author. */
  circulates: string;
  evaluate(setup: Setup, options?: ClaimOptions): ClaimEvaluation;
  demonstrations: readonly ClaimDemonstration[];
}
