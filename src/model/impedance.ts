/**
 * Complex impedances of the parts of a chain, per frequency (s = j·2πf).
 *
 * Headphone (precedence network → curve → nominal):
 *   network:  Z = Re + s·Le + 1 / (1/Rm + 1/(s·Lm) + s·Cm)
 *   curve:    log|Z| and phase interpolated linearly over log f, held beyond the ends
 *   nominal:  Z = R
 * Stage output: Z = Zo + 1/(s·C) with a coupling capacitor, else Zo.
 */
import { add, complex, fromPolar, inv, type Complex } from './complex.ts';
import type { Impedance, ImpedanceNetwork } from './setup.ts';

const TWO_PI = 2 * Math.PI;

export function headphoneImpedanceAt(impedance: Impedance, hz: number): Complex {
  if (impedance.network) return networkImpedanceAt(impedance.network, hz);
  if (impedance.curve) return curveImpedanceAt(impedance.curve, hz);
  if (impedance.nominalOhms != null) return complex(impedance.nominalOhms);
  // The schema guarantees one of the three; reaching here is a programming error.
  throw new Error('impedance has none of network, curve or nominalOhms');
}

export function networkImpedanceAt(network: ImpedanceNetwork, hz: number): Complex {
  const omega = TWO_PI * hz;
  const voiceCoil = complex(network.reOhms, omega * network.leMh * 1e-3);
  const motional = network.motional;
  if (!motional) return voiceCoil;
  // Admittance of R ‖ L ‖ C: 1/R + 1/(jωL) + jωC = 1/R + j(ωC − 1/(ωL)).
  const admittance = complex(
    1 / motional.rOhms,
    omega * motional.cUf * 1e-6 - 1 / (omega * motional.lMh * 1e-3),
  );
  return add(voiceCoil, inv(admittance));
}

export function curveImpedanceAt(curve: readonly (readonly [number, number, number])[], hz: number): Complex {
  const first = curve[0]!;
  const last = curve[curve.length - 1]!;
  if (hz <= first[0]) return polarDeg(first[1], first[2]);
  if (hz >= last[0]) return polarDeg(last[1], last[2]);
  // Binary search for the segment [lo, lo + 1] that holds hz.
  let lo = 0;
  let hi = curve.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (curve[mid]![0] <= hz) lo = mid;
    else hi = mid;
  }
  const [f0, m0, p0] = curve[lo]!;
  const [f1, m1, p1] = curve[hi]!;
  const t = Math.log(hz / f0) / Math.log(f1 / f0);
  const logMagnitude = Math.log(m0) + t * (Math.log(m1) - Math.log(m0));
  return polarDeg(Math.exp(logMagnitude), p0 + t * (p1 - p0));
}

function polarDeg(magnitude: number, phaseDeg: number): Complex {
  return fromPolar(magnitude, (phaseDeg * Math.PI) / 180);
}

/** A stage's output impedance: Zo, plus the reactance of a series coupling capacitor. */
export function stageOutputImpedanceAt(
  outputImpedanceOhms: number,
  couplingCapacitorUf: number | null | undefined,
  hz: number,
): Complex {
  if (couplingCapacitorUf == null) return complex(outputImpedanceOhms);
  return complex(outputImpedanceOhms, -1 / (TWO_PI * hz * couplingCapacitorUf * 1e-6));
}
