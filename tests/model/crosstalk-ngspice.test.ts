/**
 * Crosstalk through shared ground returns against ngspice: stereo netlists of the same chains
 * with both channels and every shared return written out (tests/fixtures/ngspice/crosstalk-*;
 * the README there maps them), recorded with both channels driven and with the left one only.
 * The model never builds a stereo circuit: it solves one channel twice, for a mid and a side
 * signal (solver.ts, ground.ts). ngspice knows nothing of that, so agreement checks the
 * mid/side reduction itself.
 *
 * Tolerances: as in ngspice.test.ts, both sides are double-precision solutions of the same linear
 * circuit, so anything beyond rounding is a physics error. 1e-6 dB and 1e-5° on the levels keep
 * a 10^6 margin over the recorded agreement; crosstalk is a small difference of two transfers,
 * computed with ~1e-12 relative error at −60 dB, so 1e-6 dB holds there too. The bar is 0.01 dB.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phaseDifferenceDeg, recordedStems } from '../support/ngspice.ts';
import { abs, argDeg, div, scale, add, sub, complex, type Complex } from '../../src/model/complex.ts';
import { sourceTransfer } from '../../src/model/crosstalk.ts';
import { buildReport, type ReportV3 } from '../../src/model/report.ts';
import { parseSetup, type Setup } from '../../src/model/setup.ts';
import { solveChain, sourceEmfVrms } from '../../src/model/solver.ts';

const FIXTURES = new URL('../fixtures/ngspice/', import.meta.url);
const DB_TOLERANCE = 1e-6;
const PHASE_TOLERANCE_DEG = 1e-5;

interface Trace {
  re: number[];
  im: number[];
}
interface StereoTrace<T> {
  left: T;
  right: T;
}
interface StereoResult {
  netlist: string;
  setup: string;
  hz: number[];
  both: StereoTrace<Trace>[];
  left: StereoTrace<Trace>[];
  at1kHz: { hz: number; both: StereoTrace<Complex>[]; left: StereoTrace<Complex>[] };
}

const FIXTURE_TITLES: Record<string, string> = {
  'crosstalk-one-headphone': 'a 16 Ω in-ear on a 2 Ω phone jack, 0.05 Ω sleeve and 0.1 Ω common wire',
  'crosstalk-amp-one-headphone': 'a balanced-armature in-ear on an amp (0.05 Ω sleeve) fed by a DAC whose 0.2 Ω sleeve is the amp input’s return',
  'crosstalk-splitter-two': 'a Y splitter with a 0.15 Ω common leg, 32 Ω and a 300 Ω network, on a 10 Ω laptop jack',
  'crosstalk-splitter-four': 'a Y splitter with four listeners of mixed impedance (16 Ω, 32 Ω, an in-ear and a 300 Ω network) on a 5 Ω jack',
  'crosstalk-splitter-four-amp': 'the same four listeners on a Y splitter behind an amp (0.5 Ω, 0.02 Ω sleeve)',
  'crosstalk-independent-outputs': 'an amp with independent outputs, each jack with its own sleeve and cable return',
};

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const db = (ratio: number): number => 20 * Math.log10(ratio);
const at = (trace: Trace, k: number): Complex => complex(trace.re[k]!, trace.im[k]!);

function expectClose(model: Complex, spice: Complex, what: string): void {
  const errorDb = Math.abs(db(abs(model) / abs(spice)));
  const errorDeg = Math.abs(phaseDifferenceDeg(model, spice));
  if (errorDb > DB_TOLERANCE || errorDeg > PHASE_TOLERANCE_DEG) {
    expect.fail(`${what}: model ${abs(model)} V ∠${argDeg(model)}°, ngspice ${abs(spice)} V ∠${argDeg(spice)}° (${errorDb.toExponential(3)} dB, ${errorDeg.toExponential(3)}°)`);
  }
}

const stems = recordedStems(FIXTURES, '.xt.json');

it('every recorded stereo fixture is tested: one headphone, a Y splitter with 2 and 4 listeners, with and without an amp', () => {
  expect(stems).toEqual(Object.keys(FIXTURE_TITLES).sort());
});

describe.each(stems)('ngspice stereo fixture %s', (stem) => {
  const title = FIXTURE_TITLES[stem] ?? stem;
  const result = readJson(`${stem}.xt.json`) as StereoResult;
  const parsed = parseSetup(readJson(result.setup));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const setup: Setup = parsed.value;
  const emf = sourceEmfVrms(setup.source, setup.signal.levelDbfs);

  /** Left-only drive from the model: own channel (H_mid + H_side)/2, other (H_mid − H_side)/2, times the EMF. */
  const leftOnly = (hz: number, i: number): StereoTrace<Complex> => {
    const mid = sourceTransfer(solveChain(setup, hz), i);
    const side = sourceTransfer(solveChain(setup, hz, { mode: 'side' }), i);
    return { left: scale(add(mid, side), emf / 2), right: scale(sub(mid, side), emf / 2) };
  };

  it(`${title}: a signal in both channels (the mid solution) is ngspice's within ${DB_TOLERANCE} dB and ${PHASE_TOLERANCE_DEG}°, in both channels`, () => {
    result.hz.forEach((hz, k) => {
      const solution = solveChain(setup, hz);
      result.both.forEach((trace, i) => {
        const model = solution.headphones[i]!.loadVoltage;
        expectClose(model, at(trace.left, k), `headphone ${i} left at ${hz} Hz`);
        expectClose(model, at(trace.right, k), `headphone ${i} right at ${hz} Hz`);
      });
    });
  });

  it(`${title}: a signal in the left channel only reaches left and right as (H_mid ± H_side)/2, within ${DB_TOLERANCE} dB`, () => {
    result.hz.forEach((hz, k) => {
      result.left.forEach((trace, i) => {
        const model = leftOnly(hz, i);
        expectClose(model.left, at(trace.left, k), `headphone ${i} left at ${hz} Hz`);
        expectClose(model.right, at(trace.right, k), `headphone ${i} right at ${hz} Hz`);
      });
    });
  });

  it(`${title}: the report's crosstalk (at 1 kHz and at every frequency) and its level at 1 kHz are ngspice's`, () => {
    const report = buildReport(setup) as ReportV3;
    expect(report.format).toBe('headroom/report@3');
    report.headphones.forEach((listener, i) => {
      const both = result.at1kHz.both[i]!;
      const left = result.at1kHz.left[i]!;
      expect(Math.abs(listener.loadVoltageVrms / abs(both.left) - 1)).toBeLessThan(1e-7);
      expect(Math.abs(listener.crosstalkDb! - db(abs(left.right) / abs(left.left)))).toBeLessThan(DB_TOLERANCE);
      // The level a shared return costs: both channels driven against the side solution, |H_mid/H_side|.
      const sideVoltage = sub(scale(left.left, 2), both.left);
      expect(Math.abs(listener.sharedReturnLossDb! - db(abs(both.left) / abs(sideVoltage)))).toBeLessThan(DB_TOLERANCE);
      listener.crosstalk!.db.forEach((value, k) => {
        const trace = result.left[i]!;
        expect(Math.abs(value - db(abs(at(trace.right, k)) / abs(at(trace.left, k))))).toBeLessThan(DB_TOLERANCE);
      });
    });
  });
});

describe('crosstalk as the circuit makes it (ngspice numbers)', () => {
  it('one 16 Ω in-ear on a 2 Ω jack with 0.15 Ω of shared return leaks R_g/(Z + Zs + R_g) = −41.7 dB, inverted', () => {
    const result = readJson('crosstalk-one-headphone.xt.json') as StereoResult;
    const left = result.at1kHz.left[0]!;
    // Resistors only: H_mid = Z/(Zs + Z + 2R_g), H_side = Z/(Zs + Z), so
    // (H_mid − H_side)/(H_mid + H_side) = −R_g/(Z + Zs + R_g), with R_g = 0.05 + 0.1 Ω.
    const rg = 0.15;
    expect(Math.abs(db(abs(left.right) / abs(left.left)) - db(rg / (16 + 2 + rg)))).toBeLessThan(1e-9);
    expect(db(rg / (16 + 2 + rg))).toBeCloseTo(-41.66, 2);
    // The common wire's voltage rises with the left current and is subtracted at the right driver.
    expect(div(left.right, left.left).re).toBeLessThan(0);
  });
});
