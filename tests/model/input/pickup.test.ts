/**
 * The instrument input against closed forms. Each expected value is computed here from the
 * circuit's textbook formula, not from the model's code.
 */
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../../src/model/input/contract.ts';
import { analysePickup, pickupCircuit, pickupTransfer, type PickupCircuit } from '../../../src/model/input/pickup.ts';
import { instrumentReport } from '../../../src/model/input/report.ts';

const TWO_PI = 2 * Math.PI;
const db = (ratio: number): number => 20 * Math.log10(ratio);
/** Relative agreement of closed-form roots: the model solves the same quadratic in double precision. */
const RELATIVE = 1e-9;

const strat: Instrument = {
  pickup: { name: 'Strat', inductanceH: 2.4, resistanceOhms: 6500, capacitancePf: 100 },
  cable: { capacitancePfPerM: 100, lengthM: 3 },
  inputType: 'hi-z',
};
const withLoad = (loadOhms: number): PickupCircuit => ({ inductanceH: 2.4, resistanceOhms: 6500, capacitanceF: 400e-12, loadOhms });

/** |V_in/EMF| written out independently: 1 / |1 + (R + jωL)(1/R_L + jωC)|. */
function magnitude(c: PickupCircuit, hz: number): number {
  const w = TWO_PI * hz;
  const g = Number.isFinite(c.loadOhms) ? 1 / c.loadOhms : 0;
  const re = 1 + c.resistanceOhms * g - w * w * c.inductanceH * c.capacitanceF;
  const im = w * (c.resistanceOhms * c.capacitanceF + c.inductanceH * g);
  return 1 / Math.hypot(re, im);
}

describe('instrument input: a pickup (R + sL) into C ∥ R_load', () => {
  it('the pickup, its cable and the input add up: 100 pF + 3 m × 100 pF/m = 400 pF; 1 MΩ ∥ 125 kΩ controls = 111.1 kΩ', () => {
    const circuit = pickupCircuit({ ...strat, controlsLoadOhms: 125_000, inputCapacitancePf: 0 });
    expect(circuit.capacitanceF).toBeCloseTo(400e-12, 24);
    expect(circuit.loadOhms).toBeCloseTo(1 / (1 / 1e6 + 1 / 125e3), 6);
    expect(pickupCircuit({ ...strat, inputType: 'line' }).loadOhms).toBe(10_000);
    expect(pickupCircuit({ ...strat, inputType: 'mic' }).loadOhms).toBe(2000);
    expect(pickupCircuit({ ...strat, inputType: 'custom', inputImpedanceOhms: 470_000 }).loadOhms).toBe(470_000);
  });

  it('the transfer function is the divider R + sL over C ∥ R_load at every report frequency (1e-12 relative)', () => {
    const circuit = withLoad(10_000);
    for (const hz of [20, 100, 1000, 4321, 20_000]) {
      expect(Math.abs(Math.hypot(pickupTransfer(circuit, hz).re, pickupTransfer(circuit, hz).im) / magnitude(circuit, hz) - 1)).toBeLessThan(1e-12);
    }
  });

  it('an unloaded pickup resonates at f0·√(1 − 1/(2Q²)) with a peak of Q/√(1 − 1/(4Q²)), f0 = 1/(2π√(LC)), Q = √(L/C)/R', () => {
    const circuit = withLoad(Infinity);
    const { inductanceH: L, capacitanceF: C, resistanceOhms: R } = circuit;
    const f0 = 1 / (TWO_PI * Math.sqrt(L * C));
    const q = Math.sqrt(L / C) / R;
    const a = analysePickup(circuit);
    // 2.4 H with 400 pF: f0 = 5136.7 Hz, Q = 11.9; the peak sits 0.18 % below f0 (5127.7 Hz), +21.53 dB.
    expect(f0).toBeCloseTo(5136.70, 2);
    expect(Math.abs(a.resonanceHz! / (f0 * Math.sqrt(1 - 1 / (2 * q * q))) - 1)).toBeLessThan(RELATIVE);
    expect(a.peakDb!).toBeCloseTo(db(q / Math.sqrt(1 - 1 / (4 * q * q))), 9);
    expect(a.lowFrequencyDb).toBe(0);
    // And for a high-Q coil the peak is at f0 itself within 1/(2Q²) (here 0.35 %).
    expect(Math.abs(a.resonanceHz! / f0 - 1)).toBeLessThan(1 / (2 * q * q));
  });

  it('a 10 kΩ load damps the resonance away; lighter loads lower the peak and pull it down in frequency', () => {
    const loads = [Infinity, 1e6, 500e3, 200e3, 100e3];
    const analyses = loads.map((r) => analysePickup(withLoad(r)));
    for (let k = 1; k < analyses.length; k++) {
      expect(analyses[k]!.peakDb!).toBeLessThan(analyses[k - 1]!.peakDb!);
      expect(analyses[k]!.resonanceHz!).toBeLessThan(analyses[k - 1]!.resonanceHz!);
    }
    // Unloaded +21.53 dB at 5.13 kHz; 1 MΩ +15.90 dB at 5.12 kHz; 100 kΩ +2.42 dB at 4.29 kHz.
    expect(analyses[1]!.peakDb!).toBeCloseTo(15.90, 2);
    expect(analyses[4]!.peakDb!).toBeCloseTo(2.42, 2);
    expect(analyses[4]!.resonanceHz!).toBeCloseTo(4286.85, 1);
    const line = analysePickup(withLoad(10_000));
    expect(line.resonanceHz).toBeNull();
    expect(line.peakDb).toBeNull();
    // A critically damped or overdamped response never rises above its low-frequency level.
    for (const hz of [100, 500, 1000, 2000, 5000]) expect(magnitude(withLoad(10_000), hz)).toBeLessThan(10_000 / 16_500);
  });

  it('the resonance is the maximum of |H| and the −3 dB point is where |H| is 3.01 dB below its low-frequency level', () => {
    for (const load of [1e6, 100e3, 10e3, 2e3]) {
      const circuit = withLoad(load);
      const a = analysePickup(circuit);
      const g0 = load / (load + 6500);
      expect(a.lowFrequencyDb).toBeCloseTo(db(g0), 12);
      expect(magnitude(circuit, a.minus3DbHz!) / g0).toBeCloseTo(Math.SQRT1_2, 10);
      if (a.resonanceHz !== null) {
        const peak = magnitude(circuit, a.resonanceHz);
        expect(peak).toBeGreaterThan(magnitude(circuit, a.resonanceHz * 1.001));
        expect(peak).toBeGreaterThan(magnitude(circuit, a.resonanceHz / 1.001));
        expect(a.peakDb!).toBeCloseTo(db(peak / g0), 10);
      }
    }
  });

  it('with negligible inductance the pickup is an RC low-pass: −3 dB at 1/(2πRC)', () => {
    // 10 kΩ and 1 nF: 15 915.5 Hz.
    const a = analysePickup({ inductanceH: 1e-12, resistanceOhms: 10_000, capacitanceF: 1e-9, loadOhms: Infinity });
    // L = 1 pH adds a relative 2·L/(R²C) = 2e-11 to the corner.
    expect(Math.abs(a.minus3DbHz! / (1 / (TWO_PI * 10_000 * 1e-9)) - 1)).toBeLessThan(1e-9);
    expect(a.resonanceHz).toBeNull();
  });

  it('with no capacitance the pickup is an RL low-pass into its load: −3 dB at (R + R_load)/(2πL)', () => {
    // 6.5 kΩ + 10 kΩ over 2.4 H: 1094.2 Hz, the line input's treble loss without any cable.
    const a = analysePickup({ inductanceH: 2.4, resistanceOhms: 6500, capacitanceF: 0, loadOhms: 10_000 });
    expect(Math.abs(a.minus3DbHz! / (16_500 / (TWO_PI * 2.4)) - 1)).toBeLessThan(RELATIVE);
    expect(a.lowFrequencyDb).toBeCloseTo(db(10_000 / 16_500), 12);
  });

  it('the report: hi-Z versus a line input, the classic impedance-matching demonstration', () => {
    const hiZ = instrumentReport({ ...strat, controlsLoadOhms: 125_000 });
    const line = instrumentReport({ ...strat, controlsLoadOhms: 125_000, inputType: 'line' });
    // 1 MΩ ∥ 125 kΩ of pots = 111 kΩ: the peak is +3.07 dB at 4.46 kHz, −3 dB at 7.36 kHz.
    expect(hiZ.resonanceHz!).toBeCloseTo(4458.8, 1);
    expect(hiZ.peakDb!).toBeCloseTo(3.07, 2);
    expect(hiZ.minus3DbHz!).toBeCloseTo(7359.6, 1);
    expect(line.resonanceHz).toBeNull();
    expect(line.minus3DbHz!).toBeLessThan(1100);
    expect(hiZ.response.hz).toHaveLength(301);
    // At 5 kHz the line input is more than 15 dB down on the hi-Z input.
    const k = hiZ.response.hz.findIndex((hz) => hz >= 5000);
    expect(hiZ.response.db[k]! - line.response.db[k]!).toBeGreaterThan(15);
    hiZ.response.hz.forEach((hz, i) => expect(hiZ.response.db[i]).toBeCloseTo(db(magnitude(pickupCircuit({ ...strat, controlsLoadOhms: 125_000 }), hz)), 10));
  });
});
