/**
 * The impedances of impedance.ts as exact rational functions of s, for the DSP plan.
 * Same circuits, stated as N(s)/D(s) (tests check them against impedance.ts):
 *   nominal:  R / 1
 *   network:  Re + s·Le + s·Rm·Lm / (Rm + s·Lm + s²·Rm·Lm·Cm)
 *   stage:    R / 1, or with a coupling capacitor (1 + s·R·C) / (s·C)
 *   curve:    its stable, passive rational fit (curve-fit.ts), which the plan runs; a curve no
 *             fit follows within FIT_LIMIT_DB is refused (compile.ts checks the whole chain).
 */
import { fitCurve, FIT_LIMIT_DB } from './curve-fit.ts';
import { polyAdd, polyMul, polyScale, type Polynomial } from './polynomial.ts';
import type { Impedance } from './setup.ts';

export interface RationalImpedance {
  numerator: Polynomial;
  denominator: Polynomial;
}

export class CurveImpedanceError extends Error {
  override readonly name = 'CurveImpedanceError';
}

/** `path` names the field in messages, e.g. `headphones[0].impedance`. */
export function rationalHeadphoneImpedance(impedance: Impedance, path = 'impedance'): RationalImpedance {
  const network = impedance.network;
  if (network) {
    const voiceCoil = [network.reOhms, network.leMh * 1e-3];
    const m = network.motional;
    if (!m) return { numerator: voiceCoil, denominator: [1] };
    const r = m.rOhms;
    const l = m.lMh * 1e-3;
    const c = m.cUf * 1e-6;
    const motionalDenominator = [r, l, r * l * c];
    return { numerator: polyAdd(polyMul(voiceCoil, motionalDenominator), [0, r * l]), denominator: motionalDenominator };
  }
  if (impedance.curve) {
    const fit = fitCurve(impedance.curve);
    if (fit.errorDb > FIT_LIMIT_DB) throw curveFitError(path, fit.errorDb);
    return fit.impedance;
  }
  return { numerator: [impedance.nominalOhms!], denominator: [1] };
}

/** The refusal of a curve that no stable fit follows closely enough to be heard. */
export function curveFitError(path: string, errorDb: number): CurveImpedanceError {
  return new CurveImpedanceError(
    `${path}.curve cannot be heard: no stable rational model follows this measured curve within ${FIT_LIMIT_DB} dB (the best errs by ${errorDb.toFixed(2)} dB in the response re 1 kHz); the curve's phase may not belong to its magnitude (import it without phase to get the minimum phase), or give more points around its resonances`,
  );
}

/** Z + R in series. */
export function withSeries(z: RationalImpedance, ohms: number): RationalImpedance {
  return { numerator: polyAdd(z.numerator, polyScale(z.denominator, ohms)), denominator: z.denominator };
}

export function rationalStageImpedance(outputImpedanceOhms: number, couplingCapacitorUf: number | null | undefined): RationalImpedance {
  if (couplingCapacitorUf == null) return { numerator: [outputImpedanceOhms], denominator: [1] };
  const c = couplingCapacitorUf * 1e-6;
  return { numerator: [1, outputImpedanceOhms * c], denominator: [0, c] };
}
