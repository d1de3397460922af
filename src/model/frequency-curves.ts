/**
 * Curves over frequency, for the app's charts: the response of each listener of a setup
 * (solveChain at every frequency) and each headphone's impedance. No formula is re-derived
 * here; these only call the solver and the impedance model and convert to dB.
 */
import { splDbAt } from './acoustics.ts';
import { abs, argDeg } from './complex.ts';
import { headphoneImpedanceAt } from './impedance.ts';
import type { Headphone, Setup } from './setup.ts';
import { solveChain } from './solver.ts';
import { REFERENCE_HZ, responseFrequenciesHz, voltageRatioToDb } from './units.ts';

/**
 * The report's 301 frequencies (20 Hz–20 kHz, 100 a decade) plus 1 kHz itself and the other
 * frequencies a chart's table reads (`tableHz`), rising: every figure a table shows is the
 * model's value at exactly the frequency it names.
 */
export function plotFrequenciesHz(tableHz: readonly number[]): number[] {
  const hz = responseFrequenciesHz();
  for (const f of [REFERENCE_HZ, ...tableHz]) {
    if (!hz.includes(f)) hz.splice(hz.findIndex((g) => g > f), 0, f);
  }
  return hz;
}

/** `relative`: dB re the listener's own level at 1 kHz. `absolute`: dB SPL from the 1 kHz sensitivity. */
export type ResponseMode = 'relative' | 'absolute';

export interface ListenerResponse {
  /** Index of the listener in the setup. */
  listener: number;
  name: string;
  db: number[];
}

/** The level at each frequency of every listener of `setup`, from solveChain. */
export function listenerResponses(setup: Setup, hz: readonly number[], mode: ResponseMode): ListenerResponse[] {
  const sweep = hz.map((f) => solveChain(setup, f));
  const reference = solveChain(setup, REFERENCE_HZ);
  return setup.headphones.map((headphone, i) => {
    const referenceVrms = abs(reference.headphones[i]!.loadVoltage);
    const db = sweep.map((s) => {
      const vrms = abs(s.headphones[i]!.loadVoltage);
      return mode === 'relative' ? voltageRatioToDb(vrms / referenceVrms) : splDbAt(headphone, vrms);
    });
    return { listener: i, name: headphone.name, db };
  });
}

export interface ImpedanceCurve {
  magnitudeOhms: number[];
  phaseDeg: number[];
}

export function impedanceCurve(headphone: Headphone, hz: readonly number[]): ImpedanceCurve {
  const z = hz.map((f) => headphoneImpedanceAt(headphone.impedance, f));
  return { magnitudeOhms: z.map(abs), phaseDeg: z.map(argDeg) };
}
