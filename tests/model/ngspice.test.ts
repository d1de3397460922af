/**
 * The model against an independent circuit simulator: ngspice AC analyses of the same
 * chains, recorded in tests/fixtures/ngspice/ (netlists, setups and results; the README
 * there explains how each netlist maps its setup). `node scripts/ngspice-fixtures.mjs`
 * re-runs ngspice and rewrites the recorded *.ac.json; the tests only read them, so they
 * run without ngspice.
 *
 * Tolerances: ngspice solves the same linear circuit in double precision and `wrdata`
 * prints 16 significant digits (option numdgt=15); the model is exact double-precision
 * complex arithmetic. Both are therefore good to ~1e-12 relative, and any difference beyond
 * rounding is a physics error (a wrong topology, unit or formula). The measured worst
 * case is 2.3e-13 dB and 1.8e-12°. The design's bar is 0.01 dB, but that bar would let a
 * 5 % slip in a cable resistance pass (0.0047 dB); 1e-6 dB (1.2e-7 relative), 1e-5° and
 * 1e-7 relative on the 1 kHz load voltage keep a 10^6 margin over rounding and catch
 * parameter slips far below anything audible.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phaseDifferenceDeg, recordedStems } from '../support/ngspice.ts';
import { abs, argDeg, type Complex } from '../../src/model/complex.ts';
import { buildReport } from '../../src/model/report.ts';
import { parseSetup, type Setup } from '../../src/model/setup.ts';
import { solveChain } from '../../src/model/solver.ts';

const FIXTURES = new URL('../fixtures/ngspice/', import.meta.url);

const DB_TOLERANCE = 1e-6;
const PHASE_TOLERANCE_DEG = 1e-5;
const LOAD_VOLTAGE_TOLERANCE = 1e-7;

interface Trace {
  re: number[];
  im: number[];
}

interface AcResult {
  netlist: string;
  setup: string;
  hz: number[];
  headphones: Trace[];
  at1kHz: { hz: number; headphones: Complex[] };
}

/** Every fixture, named by what its circuit exercises (the test names read as claims). */
const FIXTURE_TITLES: Record<string, string> = {
  'network-dynamic': 'a 300 Ω dynamic headphone (Re, Le and motional R‖L‖C network) on a 10 Ω source',
  'network-ba-iem': 'a balanced-armature in-ear (network with a kHz motional resonance) on a 75 Ω source',
  'coupling-cap-iem': 'a 16 Ω in-ear behind a 1 Ω source with a 220 µF coupling capacitor (bass roll-off)',
  'coupling-cap-amp':
    'a capacitor-coupled DAC (100 Ω + 10 µF) into an amp (10 kΩ in, +12 dB, 0.5 Ω + 470 µF out) into a 32 Ω dynamic network',
  'splitter-unequal': 'a 2 Ω source through a 0.2 Ω-per-branch splitter into 32 Ω, a 300 Ω network and 16 Ω',
  'shared-outputs':
    'an amp with a shared output (1 Ω + 1000 µF) through a 0.1 Ω splitter into 32 Ω, a balanced-armature in-ear and a 300 Ω network',
  'independent-outputs':
    'an amp with independent outputs (1 Ω + 1000 µF per jack) through a 0.1 Ω splitter into 32 Ω, a balanced-armature in-ear and a 300 Ω network',
};

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

function loadFixture(stem: string): { setup: Setup; ac: AcResult } {
  const ac = readJson(`${stem}.ac.json`) as AcResult;
  const parsed = parseSetup(readJson(ac.setup));
  if (!parsed.ok) throw new Error(`${ac.setup} is not a valid setup: ${parsed.errors.join('; ')}`);
  return { setup: parsed.value, ac };
}

const db = (ratio: number): number => 20 * Math.log10(ratio);

const stems = recordedStems(FIXTURES, '.ac.json');

it('every recorded ngspice fixture is tested, and at least five exist', () => {
  expect(stems).toEqual(Object.keys(FIXTURE_TITLES).sort());
  expect(stems.length).toBeGreaterThanOrEqual(5);
});

describe.each(stems)('ngspice fixture %s', (stem) => {
  const title = FIXTURE_TITLES[stem] ?? stem;
  const { setup, ac } = loadFixture(stem);

  it(`${title}: the recording covers every headphone on the report's 301-point grid plus exactly 1 kHz`, () => {
    expect(ac.netlist).toBe(`${stem}.cir`);
    expect(ac.headphones).toHaveLength(setup.headphones.length);
    expect(ac.at1kHz.headphones).toHaveLength(setup.headphones.length);
    expect(ac.at1kHz.hz).toBe(1000);
    expect(ac.hz).toHaveLength(301);
    // ngspice steps the decade sweep by repeated multiplication: equal to 20·10^(k/100) to ~1e-14.
    ac.hz.forEach((hz, k) => expect(Math.abs(hz / (20 * 10 ** (k / 100)) - 1)).toBeLessThan(1e-12));
    for (const trace of ac.headphones) {
      expect(trace.re).toHaveLength(301);
      expect(trace.im).toHaveLength(301);
    }
  });

  it(`${title}: model matches ngspice within ${DB_TOLERANCE} dB and ${PHASE_TOLERANCE_DEG}° from 20 Hz to 20 kHz`, () => {
    let worstDb = 0;
    let worstDeg = 0;
    ac.hz.forEach((hz, k) => {
      // Evaluated at ngspice's own frequencies, so the comparison is point for point.
      const solution = solveChain(setup, hz);
      ac.headphones.forEach((trace, i) => {
        const spice: Complex = { re: trace.re[k]!, im: trace.im[k]! };
        const model = solution.headphones[i]!.loadVoltage;
        const errorDb = Math.abs(db(abs(model) / abs(spice)));
        const errorDeg = Math.abs(phaseDifferenceDeg(model, spice));
        worstDb = Math.max(worstDb, errorDb);
        worstDeg = Math.max(worstDeg, errorDeg);
        if (errorDb > DB_TOLERANCE || errorDeg > PHASE_TOLERANCE_DEG) {
          expect.fail(
            `headphone ${i} at ${hz} Hz: model ${abs(model)} V ∠${argDeg(model)}°, ngspice ${abs(spice)} V ∠${argDeg(spice)}° ` +
              `(${errorDb.toExponential(3)} dB, ${errorDeg.toExponential(3)}°)`,
          );
        }
      });
    });
    expect(worstDb).toBeLessThanOrEqual(DB_TOLERANCE);
    expect(worstDeg).toBeLessThanOrEqual(PHASE_TOLERANCE_DEG);
  });

  it(`${title}: the report's response (re 1 kHz) matches ngspice within ${DB_TOLERANCE} dB and its 1 kHz load voltage within ${LOAD_VOLTAGE_TOLERANCE * 100} %`, () => {
    const report = buildReport(setup);
    expect(report.headphones).toHaveLength(ac.headphones.length);
    ac.headphones.forEach((trace, i) => {
      const listener = report.headphones[i]!;
      const reference = ac.at1kHz.headphones[i]!;
      const referenceVrms = abs(reference);

      expect(Math.abs(listener.loadVoltageVrms / referenceVrms - 1)).toBeLessThan(LOAD_VOLTAGE_TOLERANCE);

      expect(listener.response.hz).toHaveLength(ac.hz.length);
      listener.response.hz.forEach((hz, k) => expect(Math.abs(hz / ac.hz[k]! - 1)).toBeLessThan(1e-12));
      const spiceDb = trace.re.map((re, k) => db(abs({ re, im: trace.im[k]! }) / referenceVrms));
      const worst = Math.max(...listener.response.db.map((value, k) => Math.abs(value - spiceDb[k]!)));
      expect(worst).toBeLessThanOrEqual(DB_TOLERANCE);
    });
  });
});
