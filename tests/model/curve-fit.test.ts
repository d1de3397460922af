/**
 * Measured impedance curves, heard: the rational fit (curve-fit.ts, vector-fit.ts) against
 * closed forms. Each hard curve is sampled from a known circuit (tests/support/hard-curves.ts),
 * so the fit can be judged against the circuit's exact impedance, behind the sources the issue
 * names (0, 1, 10 and 75 Ω) and a high one (10 kΩ, where the response is |Z| itself).
 */
import { describe, expect, it } from 'vitest';
import { abs, complex, div, type Complex } from '../../src/model/complex.ts';
import { headphones } from '../../src/model/catalog/headphones.ts';
import { compile } from '../../src/model/compile.ts';
import { chainFitErrorsDb, fitCurve, fittedImpedanceAt, FIT_LIMIT_DB, FIT_TARGET_DB, plannedImpedanceAt } from '../../src/model/curve-fit.ts';
import { rationalAt } from '../../src/model/polynomial.ts';
import { buildReport, type ReportV3 } from '../../src/model/report.ts';
import type { Headphone } from '../../src/model/setup.ts';
import { solveChain } from '../../src/model/solver.ts';
import { responseFrequenciesHz } from '../../src/model/units.ts';
import { HARD_CURVES, sampleCurve, type CurvePoint } from '../support/hard-curves.ts';
import { db, setup, source } from '../support/setups.ts';

const SOURCES_OHMS = [0, 1, 10, 75, 10_000];
/** 200 points a decade, 20 Hz–20 kHz: finer than any feature of the fixtures (the BA's Q 8 peak spans 0.05 decade). */
const GRID = Array.from({ length: 601 }, (_, k) => 20 * 10 ** (k / 200));

const curveHeadphone = (curve: CurvePoint[], name = 'measured'): Headphone => ({ name, sensitivity: { value: 110, unit: 'dB/V' }, impedance: { curve } });

/** Worst |response error| re 1 kHz of the fit against `exact`, behind a resistive source. */
function responseErrorDb(fitted: (hz: number) => Complex, exact: (hz: number) => Complex, sourceOhms: number): number {
  const level = (z: Complex, hz: number) => db(abs(div(z, complex(z.re + sourceOhms, z.im)))) - 0 * hz;
  const at1k = level(fitted(1000), 1000) - level(exact(1000), 1000);
  return Math.max(...GRID.map((hz) => Math.abs(level(fitted(hz), hz) - level(exact(hz), hz) - at1k)));
}

describe('a measured curve is fitted by a stable, passive rational impedance', () => {
  describe.each(HARD_CURVES.map((c) => [c.name, c] as const))('%s', (_name, hard) => {
    const curve = sampleCurve(hard.impedance);
    const fit = fitCurve(curve);

    it(`recovers the circuit's response behind 0, 1, 10, 75 Ω and 10 kΩ within ${FIT_TARGET_DB} dB (re 1 kHz, 20 Hz–20 kHz)`, () => {
      for (const ohms of SOURCES_OHMS) {
        // The fit targets the sampled curve; against the exact circuit it may add the curve's own
        // interpolation error (1/24 octave: well under 0.01 dB here), so the bar is the fit's target.
        expect(responseErrorDb((hz) => fittedImpedanceAt(fit.model, hz), hard.impedance, ohms), `${ohms} Ω`).toBeLessThan(FIT_TARGET_DB);
      }
      expect(fit.errorDb).toBeLessThanOrEqual(FIT_TARGET_DB);
    });

    it('has its poles in the left half-plane and Re Z(jω) ≥ 0 from 0.1 Hz to 10 MHz (a passive impedance)', () => {
      for (const pole of fit.model.poles) expect(pole.re).toBeLessThan(0);
      expect(fit.model.slope).toBeGreaterThanOrEqual(0);
      expect(fit.model.constant).toBeGreaterThanOrEqual(0);
      for (let e = -1; e <= 7; e += 0.01) expect(fittedImpedanceAt(fit.model, 10 ** e).re).toBeGreaterThanOrEqual(0);
    });

    it('as the plan runs it (N(s)/D(s)) equals the pole–residue model to 1e-9', () => {
      for (const hz of GRID) {
        const model = fittedImpedanceAt(fit.model, hz);
        const planned = rationalAt({ numerator: [...fit.impedance.numerator], denominator: [...fit.impedance.denominator] }, hz);
        expect(abs(complex(planned.re - model.re, planned.im - model.im)) / abs(model)).toBeLessThan(1e-9);
      }
    });
  });

  it('a flat curve is a resistor: order 0, exact', () => {
    const fit = fitCurve([[20, 32, 0], [20_000, 32, 0]]);
    expect(fit.order).toBe(0);
    expect(fit.model.constant).toBeCloseTo(32, 9);
    expect(fit.errorDb).toBeLessThan(1e-9);
  });

  it('is cached by curve: the same points give the same fit object', () => {
    const curve = sampleCurve(HARD_CURVES[2]!.impedance);
    expect(fitCurve(curve)).toBe(fitCurve(structuredClone(curve)));
  });

  it('takes few poles for simple curves: the dynamic and the planar need at most 4, the three-way in-ear at most 12', () => {
    expect(fitCurve(sampleCurve(HARD_CURVES[2]!.impedance)).order).toBeLessThanOrEqual(4);
    expect(fitCurve(sampleCurve(HARD_CURVES[1]!.impedance)).order).toBeLessThanOrEqual(4);
    expect(fitCurve(sampleCurve(HARD_CURVES[0]!.impedance)).order).toBeLessThanOrEqual(12);
  });
});

describe('every catalog curve can be heard', () => {
  const curves = headphones.filter((entry) => entry.part.impedance.network == null && entry.part.impedance.curve != null);

  it('the catalog has measured curves (otherwise this block tests nothing)', () => {
    expect(curves.length).toBeGreaterThan(0);
  });

  it.each(curves.map((entry) => [entry.id, entry] as const))(`%s: fitted within ${FIT_LIMIT_DB} dB, and its chain behind 0, 1, 10 and 75 Ω compiles within it too`, (_id, entry) => {
    expect(fitCurve(entry.part.impedance.curve!).errorDb).toBeLessThanOrEqual(FIT_LIMIT_DB);
    for (const ohms of [0, 1, 10, 75]) {
      const s = setup({ source: source({ outputImpedanceOhms: ohms }), headphones: [entry.part] });
      expect(chainFitErrorsDb(s)![0]!).toBeLessThanOrEqual(FIT_LIMIT_DB);
      expect(() => compile(s, 48_000)).not.toThrow();
    }
  });
});

describe('a chain with a curve headphone compiles to the fitted circuit', () => {
  const curve = sampleCurve(HARD_CURVES[0]!.impedance);
  const s = setup({ source: source({ outputImpedanceOhms: 10 }), headphones: [curveHeadphone(curve), { ...curveHeadphone(sampleCurve(HARD_CURVES[2]!.impedance)), name: 'dynamic' }] , splitter: { cableResistanceOhms: 0.2 } });

  it('every listener network is V_hp/EMF of the solver with the fitted impedances, to 1e-9', () => {
    const plan = compile(s, 48_000);
    const options = { headphoneImpedance: plannedImpedanceAt(s) };
    for (const hz of responseFrequenciesHz()) {
      const solution = solveChain(s, hz, options);
      solution.headphones.forEach((h, i) => {
        const expected = div(h.loadVoltage, solution.source.emf);
        const planned = rationalAt(plan.listeners[i]!.network, hz);
        expect(abs(complex(planned.re - expected.re, planned.im - expected.im)) / abs(expected)).toBeLessThan(1e-9);
      });
    }
  });

  it('the report is headroom/report@3 and gives each listener the fit error it will hear (≤ 0.1 dB), other figures null', () => {
    const report = buildReport(s) as ReportV3;
    expect(report.format).toBe('headroom/report@3');
    for (const listener of report.headphones) {
      expect(listener.impedanceFitErrorDb).toBeGreaterThanOrEqual(0);
      expect(listener.impedanceFitErrorDb).toBeLessThanOrEqual(FIT_LIMIT_DB);
      expect(listener.hissDbSplA).toBeNull();
      expect(listener.crosstalkDb).toBeNull();
      expect(listener.crosstalk).toBeNull();
    }
  });
});

describe('a curve no stable fit follows is refused by name', () => {
  // |Z| falls fourfold over a decade while the phase *rises* from −10° to +20°: no causal
  // impedance does that (a falling |Z| needs a negative phase, Bode), so a stable fit must miss
  // either its magnitude or its phase, and behind 100 Ω that shows as ~2 dB.
  const impossible: CurvePoint[] = [[100, 400, -10], [1000, 100, 20]];

  it('compile names headphones[1].impedance.curve and says what to do', () => {
    const s = setup({ source: source({ outputImpedanceOhms: 100 }), headphones: [curveHeadphone(sampleCurve(HARD_CURVES[1]!.impedance)), curveHeadphone(impossible)] });
    expect(() => compile(s, 48_000)).toThrow(/^headphones\[1\]\.impedance\.curve cannot be heard: no stable rational model follows this measured curve within 0\.1 dB/);
  });

  it('the report still reports it (from the curve itself), with the fit error the sound would have', () => {
    const s = setup({ source: source({ outputImpedanceOhms: 100 }), headphones: [curveHeadphone(impossible)] });
    const report = buildReport(s) as ReportV3;
    expect(report.headphones[0]!.impedanceFitErrorDb).toBeGreaterThan(FIT_LIMIT_DB);
    expect(Number.isFinite(report.headphones[0]!.impedanceFitErrorDb)).toBe(true);
  });
});
