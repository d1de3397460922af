/**
 * A guitar pickup into an input: the pickup is an EMF behind its winding resistance R and
 * inductance L; across its terminals sit its winding capacitance, the cable's capacitance and
 * the input's own capacitance (C, all in parallel), and the load: the input impedance in
 * parallel with the guitar's volume and tone pots (R_load).
 *
 *   H(s) = V_in / EMF = Z_sh / (R + sL + Z_sh),   Z_sh = 1 / (1/R_load + sC)
 *
 * Unloaded (R_load → ∞) this is the capacitor voltage of a series RLC circuit: a resonance at
 * 1/(2π√(LC)) with a peak of about Q = √(L/C)/R. A low R_load damps it: the peak drops and
 * moves down, and below R_load ≈ ½·√(L/C) it is gone.
 */
import { abs, add, complex, div, inv, type Complex } from '../complex.ts';
import { INPUT_TYPE_OHMS, type Instrument } from './contract.ts';

/** The lumped circuit of one instrument input, in SI units. */
export interface PickupCircuit {
  inductanceH: number;
  resistanceOhms: number;
  /** Everything across the terminals: winding + cable + input capacitance, in farad. */
  capacitanceF: number;
  /** Input impedance ∥ the guitar's controls; Infinity for none. */
  loadOhms: number;
}

const PF = 1e-12;

/** The interface input's resistance: the typical value of a named input type, or the custom one. */
export function inputImpedanceOhms(instrument: Instrument): number {
  return instrument.inputType === 'custom' ? instrument.inputImpedanceOhms! : INPUT_TYPE_OHMS[instrument.inputType];
}

/** Everything across the pickup's terminals, in pF: winding + cable (pF/m × m) + the input's own. */
export function totalCapacitancePf(instrument: Instrument): number {
  const { pickup, cable } = instrument;
  return pickup.capacitancePf + cable.capacitancePfPerM * cable.lengthM + (instrument.inputCapacitancePf ?? 0);
}

export function pickupCircuit(instrument: Instrument): PickupCircuit {
  const { pickup } = instrument;
  const input = inputImpedanceOhms(instrument);
  const controls = instrument.controlsLoadOhms ?? Infinity;
  return {
    inductanceH: pickup.inductanceH,
    resistanceOhms: pickup.resistanceOhms,
    capacitanceF: totalCapacitancePf(instrument) * PF,
    loadOhms: Number.isFinite(controls) ? (input * controls) / (input + controls) : input,
  };
}

/** V_in / EMF at frequency hz. */
export function pickupTransfer(circuit: PickupCircuit, hz: number): Complex {
  const w = 2 * Math.PI * hz;
  const shuntAdmittance = complex(Number.isFinite(circuit.loadOhms) ? 1 / circuit.loadOhms : 0, w * circuit.capacitanceF);
  const shunt = inv(shuntAdmittance);
  return div(shunt, add(complex(circuit.resistanceOhms, w * circuit.inductanceH), shunt));
}

/** |H| at DC: the divider of the winding resistance and the load. */
export function lowFrequencyGain(circuit: PickupCircuit): number {
  return Number.isFinite(circuit.loadOhms) ? circuit.loadOhms / (circuit.loadOhms + circuit.resistanceOhms) : 1;
}

export interface PickupAnalysis {
  /** 20·log10 of the DC gain (the winding resistance against the load). */
  lowFrequencyDb: number;
  /** Frequency of the response's maximum, null when the response only falls (no resonance). */
  resonanceHz: number | null;
  /** Height of that maximum above the low-frequency level, dB; null without a resonance. */
  peakDb: number | null;
  /** Where the response falls 3 dB below its low-frequency level (it does so once); null above 1 MHz. */
  minus3DbHz: number | null;
}

/** A −3 dB point above this is reported as null ("none in range"). */
export const MAX_CORNER_HZ = 1_000_000;

/**
 * The response's maximum and corner in closed form. |H|² of this circuit is 1/D(ω²) with D a
 * quadratic in ω², so it has at most one maximum (where D is least) and crosses −3 dB
 * (D = 2·D(0)) exactly once.
 */
export function analysePickup(circuit: PickupCircuit): PickupAnalysis {
  const g0 = lowFrequencyGain(circuit);
  const relativeDb = (hz: number): number => 20 * Math.log10(abs(pickupTransfer(circuit, hz)) / g0);

  // Denominator of |H|²·(something) as a polynomial in x = ω²: D(x) = |1 + (R + jωL)(G + jωC)|²
  //   = (1 + R·G − x·L·C)² + x·(R·C + L·G)²   with G = 1/R_load.
  // |H|² = 1/D; D(x) = A + B·x + E·x²  with A = (1+RG)², B = (RC+LG)² − 2(1+RG)LC, E = (LC)².
  const { inductanceH: L, resistanceOhms: R, capacitanceF: C } = circuit;
  const G = Number.isFinite(circuit.loadOhms) ? 1 / circuit.loadOhms : 0;
  const A = (1 + R * G) ** 2;
  const B = (R * C + L * G) ** 2 - 2 * (1 + R * G) * L * C;
  const E = (L * C) ** 2;

  let resonanceHz: number | null = null;
  if (E > 0 && B < 0) {
    // The minimum of D (maximum of |H|) is at x = −B/(2E).
    resonanceHz = Math.sqrt(-B / (2 * E)) / (2 * Math.PI);
  }

  // −3 dB re DC: D(x) = 2A, i.e. E·x² + B·x − A = 0 (or B·x = A when E = 0): the positive root.
  let minus3DbHz: number | null;
  let x3: number;
  // Written so that neither form cancels: with B ≥ 0 (no resonance) the root is 2A/(B + √…),
  // which also covers E → 0 (an RC or RL low-pass); with B < 0 it is (−B + √…)/(2E).
  const root = Math.sqrt(B * B + 4 * E * A);
  if (B >= 0) x3 = B + root > 0 ? (2 * A) / (B + root) : Infinity;
  else x3 = (-B + root) / (2 * E);
  minus3DbHz = Number.isFinite(x3) ? Math.sqrt(x3) / (2 * Math.PI) : null;
  if (minus3DbHz !== null && minus3DbHz > MAX_CORNER_HZ) minus3DbHz = null;

  return {
    lowFrequencyDb: 20 * Math.log10(g0),
    resonanceHz,
    peakDb: resonanceHz === null ? null : relativeDb(resonanceHz),
    minus3DbHz,
  };
}
