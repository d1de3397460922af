/**
 * Impedance-matching figures the lessons and the UI use, from the same solver.
 *
 * - Damping factor: |Z_hp(1 kHz)| / |Z_seen| where Z_seen is the Thevenin impedance the
 *   headphone sees looking back into the chain (output impedance, cable, other listeners).
 * - The 1/8 rule (NwAvGuy, "Headphone & Amp Impedance", 2011): keep that impedance below
 *   one eighth of the headphone's lowest impedance over 20 Hz–20 kHz; then the level
 *   loss is at most 20·log10(8/9) = −1.02 dB and a 2:1 impedance swing moves the response
 *   by at most about 0.5 dB.
 * - Headroom: how far the signal can rise before this listener's first limit.
 */
import { abs } from './complex.ts';
import { headphoneImpedanceAt } from './impedance.ts';
import type { ListenerReport } from './report-contract.ts';
import type { Setup } from './setup.ts';
import { impedanceSeenByListener } from './solver.ts';
import { REFERENCE_HZ, responseFrequenciesHz } from './units.ts';

export function dampingFactor(setup: Setup, listener: number): number {
  const seenOhms = abs(impedanceSeenByListener(setup, listener, REFERENCE_HZ));
  const headphoneOhms = abs(headphoneImpedanceAt(setup.headphones[listener]!.impedance, REFERENCE_HZ));
  return seenOhms === 0 ? Number.POSITIVE_INFINITY : headphoneOhms / seenOhms;
}

export interface EighthRuleCheck {
  /** |Z| the headphone sees looking back into the chain at 1 kHz. */
  sourceImpedanceOhms: number;
  /** Lowest |Z_hp| over 20 Hz–20 kHz and where it occurs. */
  headphoneMinOhms: number;
  headphoneMinHz: number;
  /** headphoneMinOhms / 8. */
  limitOhms: number;
  passes: boolean;
}

export function eighthRule(setup: Setup, listener: number): EighthRuleCheck {
  const impedance = setup.headphones[listener]!.impedance;
  let headphoneMinOhms = Number.POSITIVE_INFINITY;
  let headphoneMinHz = REFERENCE_HZ;
  for (const hz of responseFrequenciesHz()) {
    const ohms = abs(headphoneImpedanceAt(impedance, hz));
    if (ohms < headphoneMinOhms) {
      headphoneMinOhms = ohms;
      headphoneMinHz = hz;
    }
  }
  const sourceImpedanceOhms = abs(impedanceSeenByListener(setup, listener, REFERENCE_HZ));
  const limitOhms = headphoneMinOhms / 8;
  return { sourceImpedanceOhms, headphoneMinOhms, headphoneMinHz, limitOhms, passes: sourceImpedanceOhms <= limitOhms };
}

/** dB the signal can still rise before this listener's first limit (negative: clipping now). */
export function headroomDb(listener: ListenerReport): number {
  return listener.maxCleanSplDb - listener.splDb;
}
