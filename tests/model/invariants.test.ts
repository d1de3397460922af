import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abs, mul, sub, type Complex } from '../../src/model/complex.ts';
import { buildReport } from '../../src/model/report.ts';
import { parseSetup, type Amp, type Headphone, type Setup } from '../../src/model/setup.ts';
import { solveChain, type StageSolution } from '../../src/model/solver.ts';

// Arbitraries span the contract's realistic ranges; fast-check shrinks any failure to a minimal setup.
// Where the contract allows 0 ("ideal", "none") it allows nothing between 0 and its smallest
// physical value (docs/model.md, "Allowed ranges"): 0 or at least that.
const zeroOr = (min: number, max: number) => fc.oneof(fc.constant(0), fc.double({ min, max, noNaN: true }));
const resistiveHeadphone = fc.record({
  name: fc.constant('resistive'),
  sensitivity: fc.record({ value: fc.double({ min: 80, max: 130, noNaN: true }), unit: fc.constant('dB/V' as const) }),
  impedance: fc.record({ nominalOhms: fc.double({ min: 8, max: 1000, noNaN: true }) }),
});

const networkHeadphone = fc.record({
  name: fc.constant('network'),
  sensitivity: fc.record({ value: fc.double({ min: 80, max: 130, noNaN: true }), unit: fc.constantFrom('dB/V' as const, 'dB/mW' as const) }),
  impedance: fc.record({
    network: fc.record({
      reOhms: fc.double({ min: 8, max: 600, noNaN: true }),
      leMh: zeroOr(0.001, 2),
      motional: fc.option(
        fc.record({
          rOhms: fc.double({ min: 1, max: 1000, noNaN: true }),
          lMh: fc.double({ min: 1, max: 5000, noNaN: true }),
          cUf: fc.double({ min: 0.1, max: 1000, noNaN: true }),
        }),
        { nil: null },
      ),
    }),
  }),
});

const source = fc.record({
  name: fc.constant('source'),
  outputImpedanceOhms: zeroOr(0.001, 500),
  maxOutputVrms: fc.double({ min: 0.1, max: 10, noNaN: true }),
  volumeDb: fc.double({ min: -60, max: 0, noNaN: true }),
  couplingCapacitorUf: fc.option(fc.double({ min: 10, max: 2000, noNaN: true }), { nil: null }),
});

const amp: fc.Arbitrary<Amp> = fc.record({
  name: fc.constant('amp'),
  inputImpedanceOhms: fc.double({ min: 600, max: 1e6, noNaN: true }),
  gainDb: fc.double({ min: -10, max: 30, noNaN: true }),
  outputImpedanceOhms: zeroOr(0.001, 100),
  maxOutputVrms: fc.double({ min: 0.5, max: 30, noNaN: true }),
  couplingCapacitorUf: fc.option(fc.double({ min: 10, max: 2000, noNaN: true }), { nil: null }),
  outputs: fc.constantFrom('shared' as const, 'independent' as const),
});

const chain = (headphone: fc.Arbitrary<Headphone>): fc.Arbitrary<Setup> =>
  fc.record({
    format: fc.constant('headroom/setup@1' as const),
    signal: fc.record({ levelDbfs: fc.double({ min: -60, max: 0, noNaN: true }) }),
    source,
    amp: fc.option(amp, { nil: null }),
    splitter: fc.option(fc.record({ cableResistanceOhms: zeroOr(0.001, 5) }), { nil: null }),
    headphones: fc.array(headphone, { minLength: 1, maxLength: 8 }),
  });

const anyHeadphone = fc.oneof(resistiveHeadphone, networkHeadphone);
const anySetup = chain(anyHeadphone);

/** Real power into Z carrying current I: |I|²·Re(Z). */
const realPower = (current: Complex, z: Complex): number => abs(current) ** 2 * z.re;
/** Most a Thevenin source can deliver into any passive load: |E|²/(4·Re(Zo)). */
const availablePower = (stage: StageSolution): number => abs(stage.emf) ** 2 / (4 * stage.outputImpedance.re);

describe('invariants over random valid setups', () => {
  it('every generated setup is valid under the contract (so the properties below test real inputs)', () => {
    fc.assert(fc.property(anySetup, (s) => parseSetup(s).ok));
  });

  it('no listener gets more power than the driving stage can deliver (maximum power transfer bound)', () => {
    fc.assert(
      fc.property(anySetup, (s) => {
        const solution = solveChain(s, 1000);
        const stages = solution.amp ? solution.amp.jacks : [solution.source];
        const delivered = solution.headphones.map((h) => realPower(h.current, h.impedance));
        stages.forEach((stage, j) => {
          if (stage.outputImpedance.re === 0) return; // an ideal source has no bound
          const fed = s.amp?.outputs === 'independent' ? [delivered[j]!] : delivered;
          const total = fed.reduce((a, b) => a + b, 0);
          expect(total).toBeLessThanOrEqual(availablePower(stage) * (1 + 1e-9));
        });
      }),
    );
  });

  it('energy is conserved: real power out of each EMF equals the power in its output impedance, cables and loads', () => {
    fc.assert(
      fc.property(anySetup, (s) => {
        const solution = solveChain(s, 1000);
        const stages = solution.amp ? solution.amp.jacks : [solution.source];
        const cableOhms = s.splitter?.cableResistanceOhms ?? 0;
        const branchPower = solution.headphones.map((h) => realPower(h.current, h.impedance) + abs(h.current) ** 2 * cableOhms);
        stages.forEach((stage, j) => {
          const supplied = mul(stage.emf, { re: stage.current.re, im: -stage.current.im }).re;
          const independent = s.amp?.outputs === 'independent';
          const loads = independent ? branchPower[j]! : branchPower.reduce((a, b) => a + b, 0);
          const consumed = realPower(stage.current, stage.outputImpedance) + loads;
          expect(Math.abs(supplied - consumed)).toBeLessThanOrEqual(1e-9 * Math.max(supplied, 1e-12));
        });
        // With an amp, the source's power all goes into its own output impedance and the amp's input.
        if (solution.amp) {
          const src = solution.source;
          const supplied = mul(src.emf, { re: src.current.re, im: -src.current.im }).re;
          const consumed = realPower(src.current, src.outputImpedance) + realPower(src.current, src.load);
          expect(Math.abs(supplied - consumed)).toBeLessThanOrEqual(1e-9 * Math.max(supplied, 1e-12));
        }
      }),
    );
  });

  it('level rises monotonically with volume, by exactly the volume step below the first limit', () => {
    fc.assert(
      fc.property(anySetup, fc.double({ min: 0.01, max: 30, noNaN: true }), (s, stepDb) => {
        fc.pre(s.source.volumeDb - stepDb >= -120);
        const louder = buildReport(s);
        const quieter = buildReport({ ...s, source: { ...s.source, volumeDb: s.source.volumeDb - stepDb } });
        louder.headphones.forEach((h, i) => {
          expect(h.splDb).toBeGreaterThan(quieter.headphones[i]!.splDb);
          expect(h.splDb - quieter.headphones[i]!.splDb).toBeCloseTo(stepDb, 9);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('adding a resistive listener on a shared output never raises anyone\u2019s level', () => {
    // Holds for resistive loads: |V| = |E|·R/|R + Zo| grows with R for any passive Zo, and a
    // parallel branch only lowers R. (Reactive loads can resonate with a coupling capacitor.)
    const sharedResistive = chain(resistiveHeadphone).filter((s) => s.amp?.outputs !== 'independent' && s.headphones.length < 8);
    fc.assert(
      fc.property(sharedResistive, resistiveHeadphone, (s, extra) => {
        const before = solveChain(s, 1000).headphones;
        const after = solveChain({ ...s, headphones: [...s.headphones, extra] }, 1000).headphones;
        before.forEach((h, i) => expect(abs(after[i]!.loadVoltage)).toBeLessThanOrEqual(abs(h.loadVoltage) * (1 + 1e-12)));
      }),
    );
  });

  it('with independent outputs listeners do not affect each other, at any frequency', () => {
    const independent = anySetup.map((s) => ({ ...s, amp: { ...(s.amp ?? { name: 'amp', inputImpedanceOhms: 10_000, gainDb: 0, outputImpedanceOhms: 1, maxOutputVrms: 5 }), outputs: 'independent' as const } }));
    fc.assert(
      fc.property(independent, anyHeadphone, fc.double({ min: 20, max: 20_000, noNaN: true }), (s, extra, hz) => {
        fc.pre(s.headphones.length < 8);
        const before = solveChain(s, hz).headphones;
        const after = solveChain({ ...s, headphones: [...s.headphones, extra] }, hz).headphones;
        before.forEach((h, i) => expect(abs(sub(after[i]!.loadVoltage, h.loadVoltage))).toBe(0));
      }),
    );
  });
});
