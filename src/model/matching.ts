/**
 * Impedance-matching figures the lessons and the UI use, from the same solver.
 *
 * - Damping factor: |Z_hp(1 kHz)| / |Z_seen| where Z_seen is the Thevenin impedance the
 *   headphone sees looking back into the chain (output impedance, cable, other listeners).
 *   It describes the electrical damping of the driver's motion, which other listeners in
 *   parallel do increase; it is not what moves the response (the divider is), see eighthRule.
 * - The 1/8 rule (NwAvGuy, "Headphone & Amp Impedance", 2011): keep the output impedance
 *   below one eighth of the load's lowest impedance; then the level loss is at most
 *   20·log10(8/9) = −1.02 dB and a 2:1 impedance swing moves the response by at most
 *   about 0.5 dB.
 * - Headroom: how far the signal can rise before this listener's first limit.
 */
import { abs } from './complex.ts';
import { headphoneImpedanceAt } from './impedance.ts';
import type { ListenerReportV1 } from './report-contract.ts';
import type { Setup } from './setup.ts';
import { impedanceSeenByListener, solveChain, type ChainSolution, type StageSolution } from './solver.ts';
import { REFERENCE_HZ, responseFrequenciesHz } from './units.ts';

export function dampingFactor(setup: Setup, listener: number): number {
  const seenOhms = abs(impedanceSeenByListener(setup, listener, REFERENCE_HZ));
  const headphoneOhms = abs(headphoneImpedanceAt(setup.headphones[listener]!.impedance, REFERENCE_HZ));
  return seenOhms === 0 ? Number.POSITIVE_INFINITY : headphoneOhms / seenOhms;
}

export interface EighthRuleCheck {
  /** The frequency where the load is smallest relative to the output impedance. */
  worstHz: number;
  /** |Z_out| of the stage driving this listener at worstHz (a coupling capacitor raises it in the bass). */
  sourceImpedanceOhms: number;
  /** |Z_load| that stage drives at worstHz: every branch on a shared output, this branch alone on an independent one. */
  loadImpedanceOhms: number;
  /** loadImpedanceOhms / sourceImpedanceOhms at worstHz (the rule asks for ≥ 8). */
  worstRatio: number;
  passes: boolean;
}

/**
 * The 1/8 rule judged on what the driving stage actually sees: its output impedance
 * against the whole load it drives, at every report frequency. On a shared output the
 * load is all listeners in parallel, because N equal listeners on Zo hear the
 * deviation of one listener on N·Zo; a coupling capacitor's rising reactance counts too.
 */
export function eighthRule(setup: Setup, listener: number): EighthRuleCheck {
  let worst: Omit<EighthRuleCheck, 'passes'> | null = null;
  for (const hz of responseFrequenciesHz()) {
    const solution = solveChain(setup, hz);
    const stage = drivingStage(solution, listener);
    const sourceImpedanceOhms = abs(stage.outputImpedance);
    const loadImpedanceOhms = abs(stage.load);
    const worstRatio = loadImpedanceOhms / sourceImpedanceOhms;
    if (worst === null || worstRatio < worst.worstRatio) worst = { worstHz: hz, sourceImpedanceOhms, loadImpedanceOhms, worstRatio };
  }
  return { ...worst!, passes: worst!.worstRatio >= 8 };
}

/** The stage whose output this listener hangs on: the source, the amp's shared stage, or its own jack. */
export function drivingStage(solution: ChainSolution, listener: number): StageSolution {
  if (!solution.amp) return solution.source;
  const jack = solution.headphones[listener]!.jack;
  return solution.amp.jacks[jack ?? 0]!;
}

/** dB the signal can still rise before this listener's first limit (negative: clipping now). */
export function headroomDb(listener: ListenerReportV1): number {
  return listener.maxCleanSplDb - listener.splDb;
}
