/**
 * The impedances of impedance.ts as exact rational functions of s, for the DSP plan.
 * Same circuits, stated as N(s)/D(s) (tests check them against impedance.ts):
 *   nominal:  R / 1
 *   network:  Re + s·Le + s·Rm·Lm / (Rm + s·Lm + s²·Rm·Lm·Cm)
 *   stage:    R / 1, or with a coupling capacitor (1 + s·R·C) / (s·C)
 * A measured curve has no exact rational form; the plan needs a fitted network for it.
 */
import { polyAdd, polyMul, type Polynomial } from './polynomial.ts';
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
    throw new CurveImpedanceError(
      `${path}.curve: a measured impedance curve can be reported but not yet heard, because it has no exact transfer function; describe this headphone with nominalOhms or a network to render it`,
    );
  }
  return { numerator: [impedance.nominalOhms!], denominator: [1] };
}

export function rationalStageImpedance(outputImpedanceOhms: number, couplingCapacitorUf: number | null | undefined): RationalImpedance {
  if (couplingCapacitorUf == null) return { numerator: [outputImpedanceOhms], denominator: [1] };
  const c = couplingCapacitorUf * 1e-6;
  return { numerator: [1, outputImpedanceOhms * c], denominator: [0, c] };
}
