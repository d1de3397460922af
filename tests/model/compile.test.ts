import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abs, div, sub } from '../../src/model/complex.ts';
import { presets } from '../../src/model/catalog/presets.ts';
import { compile, PLAN_FORMAT } from '../../src/model/compile.ts';
import { rationalAt } from '../../src/model/polynomial.ts';
import { buildReport } from '../../src/model/report.ts';
import { parseSetup, type Setup } from '../../src/model/setup.ts';
import { solveChain } from '../../src/model/solver.ts';
import { responseFrequenciesHz } from '../../src/model/units.ts';
import { amp, resistiveHeadphone, setup, source } from '../support/setups.ts';
import { readFileSync, readdirSync } from 'node:fs';

// The plan's rational functions restate the solver's circuit as polynomials. Both are exact
// double-precision arithmetic on the same circuit; 1e-9 relative is rounding, so any larger
// difference is a wrong polynomial.
const RELATIVE = 1e-9;

/** Max relative error of the plan's transfer functions against the phasor solver over 20 Hz–20 kHz. */
function worstPlanError(s: Setup): number {
  const plan = compile(s, 48_000);
  let worst = 0;
  for (const hz of responseFrequenciesHz()) {
    const solution = solveChain(s, hz);
    const drivingEmf = solution.amp ? solution.amp.emf : solution.source.emf;
    solution.headphones.forEach((h, i) => {
      const expected = div(h.loadVoltage, drivingEmf);
      worst = Math.max(worst, abs(sub(rationalAt(plan.listeners[i]!.network, hz), expected)) / abs(expected));
    });
    if (plan.amp) {
      const expected = div(solution.amp!.inputVoltage, solution.source.emf);
      worst = Math.max(worst, abs(sub(rationalAt(plan.amp.input, hz), expected)) / abs(expected));
    }
  }
  return worst;
}

const ngspiceSetups = (): Setup[] => {
  const dir = new URL('../fixtures/ngspice/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.setup.json'))
    .map((f) => {
      const parsed = parseSetup(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      return parsed.value;
    });
};

const dynamic = { name: 'dyn', sensitivity: { value: 100, unit: 'dB/V' as const }, impedance: { network: { reOhms: 254, leMh: 0.9, motional: { rOhms: 296, lMh: 1730, cUf: 3.7 } } } };
const inEar = { name: 'iem', sensitivity: { value: 125, unit: 'dB/V' as const }, impedance: { network: { reOhms: 17, leMh: 0.05 } } };

describe('compile: the plan states the same circuit as the solver', () => {
  it('every preset without a measured curve: transfer functions equal the solver\u2019s to rounding', () => {
    for (const preset of presets) expect(worstPlanError(preset.setup)).toBeLessThan(RELATIVE);
  });

  it('every ngspice fixture chain (so the plan inherits the 1e-13 dB agreement with ngspice)', () => {
    for (const s of ngspiceSetups()) expect(worstPlanError(s)).toBeLessThan(RELATIVE);
  });

  it('eight listeners of three kinds on a shared output with coupling capacitors, and on independent outputs', () => {
    const headphones = [dynamic, inEar, resistiveHeadphone(32), dynamic, inEar, dynamic, resistiveHeadphone(32), inEar];
    const withCaps = { source: source({ outputImpedanceOhms: 10, couplingCapacitorUf: 220 }), splitter: { cableResistanceOhms: 0.2 }, headphones };
    expect(worstPlanError(setup(withCaps))).toBeLessThan(RELATIVE);
    expect(worstPlanError(setup({ ...withCaps, amp: amp({ outputImpedanceOhms: 1, couplingCapacitorUf: 470, outputs: 'independent' }) }))).toBeLessThan(RELATIVE);
  });

  it('random chains of nominal and network headphones', () => {
    const network = fc.record({
      reOhms: fc.double({ min: 8, max: 600, noNaN: true }),
      leMh: fc.double({ min: 0, max: 2, noNaN: true }),
      motional: fc.option(fc.record({ rOhms: fc.double({ min: 1, max: 1000, noNaN: true }), lMh: fc.double({ min: 1, max: 5000, noNaN: true }), cUf: fc.double({ min: 0.1, max: 1000, noNaN: true }) }), { nil: null }),
    });
    const headphone = fc.oneof(
      fc.double({ min: 8, max: 1000, noNaN: true }).map((ohms) => resistiveHeadphone(ohms)),
      network.map((n) => ({ ...dynamic, impedance: { network: n } })),
    );
    fc.assert(
      fc.property(
        fc.array(headphone, { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.option(fc.double({ min: 10, max: 2000, noNaN: true }), { nil: null }),
        fc.constantFrom<'none' | 'shared' | 'independent'>('none', 'shared', 'independent'),
        (headphones, outputImpedanceOhms, couplingCapacitorUf, ampKind) => {
          const s = setup({
            source: source({ outputImpedanceOhms, couplingCapacitorUf }),
            amp: ampKind === 'none' ? null : amp({ outputImpedanceOhms: outputImpedanceOhms / 10, outputs: ampKind }),
            splitter: { cableResistanceOhms: 0.5 },
            headphones,
          });
          // 1e-7 rather than 1e-9: random chains reach high orders, where polynomial
          // evaluation loses a few more digits (still 1e-6 dB).
          expect(worstPlanError(s)).toBeLessThan(1e-7);
          // Proper and finite, as the bilinear transform needs.
          for (const l of compile(s, 48_000).listeners) {
            expect(l.network.numerator.length).toBeLessThanOrEqual(l.network.denominator.length);
            expect([...l.network.numerator, ...l.network.denominator].every(Number.isFinite)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('compile: vanishing parts', () => {
  it('a voice coil of 6.4e-19 mH on a 0 Ω source still gives a proper, finite H (fast-check’s counterexample)', () => {
    const s = setup({
      source: source({ outputImpedanceOhms: 0, couplingCapacitorUf: null }),
      amp: null,
      splitter: { cableResistanceOhms: 0.5 },
      headphones: [{ ...dynamic, impedance: { network: { reOhms: 8, leMh: 6.366197723675815e-19, motional: null } } }],
    });
    expect(worstPlanError(s)).toBeLessThan(1e-7);
    for (const l of compile(s, 48_000).listeners) {
      expect(l.network.numerator.length).toBeLessThanOrEqual(l.network.denominator.length);
      expect([...l.network.numerator, ...l.network.denominator].every(Number.isFinite)).toBe(true);
    }
  });
});

describe('compile: left and right with shared returns (setup@3)', () => {
  const stereoSetups = (): Setup[] => {
    const dir = new URL('../fixtures/ngspice/', import.meta.url);
    return readdirSync(dir)
      .filter((f) => f.startsWith('crosstalk-') && f.endsWith('.setup.json'))
      .map((f) => {
        const parsed = parseSetup(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
        if (!parsed.ok) throw new Error(parsed.errors.join('; '));
        return parsed.value;
      });
  };

  it('every crosstalk fixture: the mid and side networks are the solver’s mid and side transfers, to rounding', () => {
    const setups = stereoSetups();
    expect(setups.length).toBeGreaterThanOrEqual(5);
    for (const s of setups) {
      const plan = compile(s, 48_000);
      for (const hz of responseFrequenciesHz()) {
        for (const mode of ['mid', 'side'] as const) {
          const solution = solveChain(s, hz, { mode });
          const drivingEmf = solution.amp ? solution.amp.emf : solution.source.emf;
          solution.headphones.forEach((h, i) => {
            const listener = plan.listeners[i]!;
            const network = mode === 'mid' ? listener.network : listener.sideNetwork!;
            const expected = div(h.loadVoltage, drivingEmf);
            expect(abs(sub(rationalAt(network, hz), expected)) / abs(expected)).toBeLessThan(RELATIVE);
          });
          if (plan.amp) {
            const input = mode === 'mid' || !plan.amp.inputSide ? plan.amp.input : plan.amp.inputSide;
            const expected = div(solution.amp!.inputVoltage, solution.source.emf);
            expect(abs(sub(rationalAt(input, hz), expected)) / abs(expected)).toBeLessThan(RELATIVE);
          }
        }
      }
    }
  });

  it('without shared returns the side networks are null, and without stated noise the densities are 0: presets run as before', () => {
    for (const preset of presets) {
      const plan = compile(preset.setup, 48_000);
      for (const listener of plan.listeners) expect(listener.sideNetwork).toBeNull();
      expect(plan.amp?.inputSide ?? null).toBeNull();
      if (preset.setup.source.noise == null) expect(plan.source.noiseVoltsPerRootHz).toBe(0);
      expect(plan.amp?.noiseVoltsPerRootHz ?? 0).toBe(0);
    }
  });

  it('a 5 µV (unweighted) source noise is stated as its flat density: 5 µV/√19 980 Hz', () => {
    const plan = compile(setup({ format: 'headroom/setup@3', source: source({ noise: { uVrms: 5, weighting: 'unweighted' } }) }), 48_000);
    expect(plan.source.noiseVoltsPerRootHz).toBeCloseTo(5e-6 / Math.sqrt(19_980), 15);
  });
});

describe('compile: gains, clip thresholds and calibration', () => {
  it('a full-scale sample is the source EMF peak: √2 · maxOutputVrms · 10^(volume/20)', () => {
    const plan = compile(setup({ source: source({ maxOutputVrms: 2, volumeDb: -6 }) }), 48_000);
    expect(plan.format).toBe(PLAN_FORMAT);
    expect(plan.source.voltsPerFullScale).toBeCloseTo(Math.SQRT2 * 2 * 10 ** (-6 / 20), 12);
  });

  it('clip thresholds, divided by the EMF of a full-scale sine, give the model\u2019s clipping point', () => {
    // Current-limited source into 16 Ω, a rail-limited amp, and independent jacks with their own current limits.
    const cases: Setup[] = [
      setup({ source: source({ maxOutputCurrentMa: 40 }), headphones: [resistiveHeadphone(16)] }),
      setup({ amp: amp({ gainDb: 12, maxOutputVrms: 2 }), headphones: [resistiveHeadphone(300)] }),
      setup({ amp: amp({ outputs: 'independent', maxOutputCurrentMa: 60, maxOutputVrms: 5 }), headphones: [resistiveHeadphone(16), resistiveHeadphone(300)] }),
    ];
    for (const s of cases) {
      const plan = compile(s, 48_000);
      const fullScale = solveChain({ ...s, signal: { levelDbfs: 0 } }, 1000);
      const candidates = [20 * Math.log10(plan.source.clipPeakVolts / (Math.SQRT2 * abs(fullScale.source.emf)))];
      if (plan.amp) candidates.push(20 * Math.log10(plan.amp.clipPeakVolts / (Math.SQRT2 * abs(fullScale.amp!.emf))));
      plan.listeners.forEach((l) => {
        if (l.clipPeakVolts !== null) candidates.push(20 * Math.log10(l.clipPeakVolts / (Math.SQRT2 * abs(fullScale.amp!.emf))));
      });
      expect(Math.min(...candidates)).toBeCloseTo(buildReport(s).clipping.atSignalDbfs, 9);
    }
  });

  it('output gain makes a headphone playing SPL = S + 20·log10(Vrms) come out at 10^((SPL − calibration)/20) peak', () => {
    const plan = compile(setup({ headphones: [resistiveHeadphone(32, 'x', 104)] }), 48_000, { calibrationDbSpl: 110 });
    // 1 Vrms (√2 V peak) into a 104 dB/V headphone is 104 dB SPL, 6 dB below the 110 dB calibration.
    expect(Math.SQRT2 * plan.listeners[0]!.outputGain).toBeCloseTo(10 ** (-6 / 20), 12);
  });
});
