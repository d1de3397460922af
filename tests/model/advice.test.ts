/**
 * The advice rules (src/model/advice.ts, docs/model.md chapter 13), each checked against a
 * closed form written here: the divider, dB/V, the peak-current limit and the response of an
 * R + jωL headphone at the grid's end points (20 Hz and 20 kHz are its first and last points).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import type { Advice, AdviceReason, LevelReason, NoiseReason, OutputImpedanceReason, SharedOutputReason } from '../../src/model/report-contract.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Headphone, Setup } from '../../src/model/setup.ts';
import { validSetup } from '../state/arbitraries.ts';
import { amp, db, resistiveHeadphone, setup, source } from '../support/setups.ts';

const adviceOf = (chain: Setup, targetSplDb?: number, listener = 0): Advice =>
  buildReport(chain, targetSplDb === undefined ? {} : { targetSplDb }).headphones[listener]!.advice;
const reasonOf = (advice: Advice, kind: AdviceReason['kind']): AdviceReason | undefined => advice.reasons.find((r) => r.kind === kind);

// Levels are sums of logarithms of exact inputs: 1e-9 dB is rounding, not physics.
const DB_TOLERANCE = 9;

describe('advice: enough level for the target', () => {
  it('a chain 3 dB short of the target gets a voltage reason with a 3 dB shortfall', () => {
    // 0 Ω source, no limit below full scale: a 100 dB/V headphone at V volts plays 100 + 20·log10(V) dB SPL.
    const fullScaleVrms = 10 ** ((107 - 100) / 20);
    const advice = adviceOf(setup({ source: source({ name: 'Weak DAC', maxOutputVrms: fullScaleVrms }), headphones: [resistiveHeadphone(32)] }), 110);
    expect(advice.verdict).toBe('improve');
    const reason = reasonOf(advice, 'voltage') as LevelReason;
    expect(reason.shortfallDb).toBeCloseTo(3, DB_TOLERANCE);
    expect(reason.limit).toBe('full-scale');
    expect(reason.stage).toBe('source');
    // The fix: the voltage for 110 dB SPL at 100 dB/V, into the headphone's 32 Ω.
    const neededVrms = 10 ** ((110 - 100) / 20);
    expect(reason.neededVrms).toBeCloseTo(neededVrms, 9);
    expect(reason.loadOhms).toBeCloseTo(32, 9);
    expect(reason.text).toBe(`3.0\u202fdB short of voltage for 110\u202fdB SPL peaks: the Weak DAC gives at most 2.24\u202fV at full scale; an amp giving ≥ 3.17\u202fV into 32\u202fΩ fixes it.`);
    expect(advice.summary).toBe(reason.text);
  });

  it('a chain that reaches the target exactly is fine, and 0.1 dB under it is not', () => {
    const at = (peakSplDb: number) => setup({ source: source({ maxOutputVrms: 10 ** ((peakSplDb - 100) / 20) }) });
    expect(adviceOf(at(110.001), 110)).toMatchObject({ verdict: 'fine', reasons: [] });
    const short = adviceOf(at(109.9), 110);
    expect(short.verdict).toBe('improve');
    expect((reasonOf(short, 'voltage') as LevelReason).shortfallDb).toBeCloseTo(0.1, DB_TOLERANCE);
  });

  it('a current limit met first gives a current reason whose fix names the peak current the target takes', () => {
    // 1 V into 16 Ω at 100 dB/V: 100 dB SPL at full scale; a 40 mA peak limit is reached at
    // 20·log10(40 mA / (√2 · 1 V / 16 Ω)) = −6.89 dBFS, so the loudest clean level is 93.11 dB SPL.
    const clipDbfs = db(0.04 / (Math.SQRT2 / 16));
    const advice = adviceOf(setup({ source: source({ name: 'Phone', maxOutputCurrentMa: 40 }), headphones: [resistiveHeadphone(16)] }), 110);
    const reason = reasonOf(advice, 'current') as LevelReason;
    expect(reason.shortfallDb).toBeCloseTo(110 - (100 + clipDbfs), DB_TOLERANCE);
    expect(reason.limit).toBe('current');
    expect(reason.neededPeakMa).toBeCloseTo(((Math.SQRT2 * 10 ** (10 / 20)) / 16) * 1000, 6);
    expect(reason.text).toMatch(/^16\.9\u202fdB short of current for 110\u202fdB SPL peaks: the current limit of the Phone \(40\u202fmA peak\) is reached first; an amp giving ≥ 3\.17\u202fV into 16\u202fΩ \(280\u202fmA peak\) fixes it\.$/);
  });

  it('an amp whose rail is reached first gives a voltage reason that names the amp', () => {
    // 1 V source into a ×4 (12.04 dB) amp with a 2 V rail: the rail is reached at 20·log10(2/4) = −6.02 dBFS.
    const chain = setup({ amp: amp({ name: 'Tiny amp', gainDb: db(4), maxOutputVrms: 2 }), headphones: [resistiveHeadphone(300)] });
    const reason = reasonOf(adviceOf(chain, 110), 'voltage') as LevelReason;
    expect(reason).toMatchObject({ stage: 'amp', limit: 'rail' });
    expect(reason.shortfallDb).toBeCloseTo(110 - (100 + db(4) + db(2 / 4)), DB_TOLERANCE);
    expect(reason.text).toContain('the rail of the Tiny amp (2\u202fV) is reached first; a stronger amp giving ≥ 3.17\u202fV into 300\u202fΩ fixes it');
  });

  it('a source turned down that reaches the target at full volume is told to turn the volume up, not to buy an amp', () => {
    const advice = adviceOf(setup({ source: source({ name: 'DAC', maxOutputVrms: 10, volumeDb: -20 }) }), 110);
    const reason = reasonOf(advice, 'voltage') as LevelReason;
    // 10 V at −20 dB: 1 V, 100 dB SPL; 10 dB short, and 20 dB of volume left.
    expect(reason.shortfallDb).toBeCloseTo(10, DB_TOLERANCE);
    expect(reason.text).toContain('at volume −20\u202fdB; turning the volume up by ≥ 10.0\u202fdB fixes it.');
  });

  it('the target defaults to 110 dB SPL and moves the verdict: 105 dB SPL of clean level is fine for 100, not for 110', () => {
    const chain = setup({ source: source({ maxOutputVrms: 10 ** (5 / 20) }) });
    expect(adviceOf(chain).targetSplDb).toBe(110);
    expect(adviceOf(chain).verdict).toBe('improve');
    expect(adviceOf(chain, 100)).toMatchObject({ targetSplDb: 100, verdict: 'fine', summary: 'Fine: clean up to 105.0\u202fdB SPL (target 100\u202fdB SPL); an amp would only make it louder.' });
  });

  it('a target outside 60–130 dB SPL is refused with the range, never clamped', () => {
    for (const bad of [59.9, 130.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => buildReport(setup(), { targetSplDb: bad })).toThrow(`targetSplDb must be a number from 60 to 130 dB SPL (got ${bad})`);
    }
  });
});

/** A voice coil R + jωL: its |Z| rises with frequency, so the divider's level does too, and the spread is level(20 kHz) − level(20 Hz). */
const coil = (reOhms: number, leMh: number): Headphone => ({ name: 'Coil', sensitivity: { value: 100, unit: 'dB/V' }, impedance: { network: { reOhms, leMh } } });
function spreadDb(reOhms: number, leMh: number, zoOhms: number): number {
  const level = (hz: number) => {
    const x = 2 * Math.PI * hz * leMh * 1e-3;
    return db(Math.hypot(reOhms, x) / Math.hypot(reOhms + zoOhms, x));
  };
  return level(20_000) - level(20);
}
/** The output impedance that gives `targetDb` of spread, by bisection on the closed form (it rises with Zo). */
function zoForSpread(reOhms: number, leMh: number, targetDb: number): number {
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (spreadDb(reOhms, leMh, mid) < targetDb) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('advice: the response', () => {
  it('a 1.2 dB tilt from output impedance is a reason, 0.8 dB is not', () => {
    const [re, le] = [16, 0.5];
    const loud = { maxOutputVrms: 10, name: 'Jack' };
    const tilted = setup({ source: source({ ...loud, outputImpedanceOhms: zoForSpread(re, le, 1.2) }), headphones: [coil(re, le)] });
    const reason = reasonOf(adviceOf(tilted, 100), 'output-impedance') as OutputImpedanceReason;
    expect(reason.deviationDb).toBeCloseTo(1.2, DB_TOLERANCE);
    // The 1/8 rule's bound: the load is smallest against the output impedance at 20 Hz, |16 + j·2π·20·0.5 mH| / 8.
    expect(reason.maxOutputImpedanceOhms).toBeCloseTo(Math.hypot(re, 2 * Math.PI * 20 * le * 1e-3) / 8, 9);
    expect(reason.text).toMatch(/^The response moves 1\.2\u202fdB over 20 Hz–20 kHz because the output impedance of the Jack, [\d.]+\u202fΩ at 20\u202fHz, is more than 1\/8 of the 16\u202fΩ it drives there: an output impedance under 2\u202fΩ \(Z\/8\) fixes it\.$/);

    const gentle = setup({ source: source({ ...loud, outputImpedanceOhms: zoForSpread(re, le, 0.8) }), headphones: [coil(re, le)] });
    expect(adviceOf(gentle, 100)).toMatchObject({ verdict: 'fine', reasons: [] });
  });

  it('a coupling capacitor that rolls off the bass behind an output that meets the 1/8 rule is a reason whose fix is a larger capacitor', () => {
    // A source capacitor into a 10 kΩ amp input: the 1/8 rule judges the amp's 0 Ω output, which passes.
    const chain = setup({ source: source({ couplingCapacitorUf: 1 }), amp: amp(), headphones: [resistiveHeadphone(32)] });
    const reason = reasonOf(adviceOf(chain, 100), 'output-impedance') as OutputImpedanceReason;
    // 1 µF into 10 kΩ: 20·log10(|Z(20 Hz)| ratio) re 1 kHz.
    const level = (hz: number) => db(10_000 / Math.hypot(10_000, 1 / (2 * Math.PI * hz * 1e-6)));
    expect(reason.deviationDb).toBeCloseTo(level(20_000) - level(20), 6);
    expect(reason.text).toContain('although the output impedance meets the 1/8 rule: a coupling capacitor rolls it off, and a larger one fixes it.');
  });
});

describe('advice: sharing an output', () => {
  // N equal R loads on Zo: alone R/(R + Zo), two of them R/(R + 2·Zo); the loss is 20·log10((R + 2Zo)/(R + Zo)).
  const zoForLoss = (r: number, lossDb: number) => {
    const g = 10 ** (lossDb / 20);
    return (r * (g - 1)) / (2 - g);
  };
  const two = (zo: number, independent = false): Setup =>
    independent
      ? setup({ amp: amp({ outputImpedanceOhms: zo, outputs: 'independent' }), headphones: [resistiveHeadphone(32), resistiveHeadphone(32)] })
      : setup({ source: source({ name: 'Laptop', outputImpedanceOhms: zo, maxOutputVrms: 10 }), splitter: { cableResistanceOhms: 0 }, headphones: [resistiveHeadphone(32), resistiveHeadphone(32)] });

  it('a passive splitter that costs 1.2 dB is a shared-output reason, one that costs 0.8 dB is not', () => {
    const reason = reasonOf(adviceOf(two(zoForLoss(32, 1.2)), 100), 'shared-output') as SharedOutputReason;
    expect(reason.lossDb).toBeCloseTo(1.2, DB_TOLERANCE);
    expect(reason.listeners).toBe(2);
    expect(reason.text).toBe('Sharing the output of the Laptop with 1 other listener costs 1.2\u202fdB: independent outputs (a distribution amp, one output stage per listener) fix it.');
    expect(reasonOf(adviceOf(two(zoForLoss(32, 0.8)), 100), 'shared-output')).toBeUndefined();
  });

  it('independent amp outputs are never a shared-output reason, whatever their output impedance', () => {
    expect(reasonOf(adviceOf(two(zoForLoss(32, 3), true), 100), 'shared-output')).toBeUndefined();
  });
});

describe('advice: hiss', () => {
  // A 0 Ω source into a resistive 100 dB/V headphone: the hiss is 100 + 20·log10(V_noise) dB SPL(A)
  // for a noise stated A-weighted (docs/model.md 14.3). White hiss is heard from about 7.5 dB(A).
  const hissAt = (dbA: number, extra: Partial<Setup> = {}): Setup =>
    setup({ format: 'headroom/setup@3', source: source({ name: 'Noisy DAC', noise: { uVrms: 10 ** ((dbA - 100) / 20) * 1e6, weighting: 'A' } }), ...extra });
  const noiseOf = (s: Setup): NoiseReason | undefined => reasonOf(adviceOf(s), 'noise') as NoiseReason | undefined;

  it('white hiss at 9 dB(A) is a noise reason, 6 dB(A) is not', () => {
    const loud = noiseOf(hissAt(9));
    expect(loud).toBeDefined();
    // Integration over the report's grid: far under 0.01 dB (docs/model.md 14.3).
    expect(Math.abs(loud!.hissDbSplA - 9)).toBeLessThan(0.01);
    expect(noiseOf(hissAt(6))).toBeUndefined();
    // 100 dB SPL at full scale: fine for a 90 dB SPL target, so the hiss alone decides.
    expect(adviceOf(hissAt(6), 90).verdict).toBe('fine');
  });

  it('the hiss falls below the threshold of hearing exactly when the source’s noise falls by the reason’s figure', () => {
    const start = hissAt(30);
    const reason = noiseOf(start)!;
    expect(reason.text).toMatch(/^Hiss is audible in a quiet room: 30\.0\u202fdB SPL\(A\), \d+\.\d\u202fdB above the threshold of hearing\. ≥ \d+\.\d\u202fdB less hiss fixes it: a quieter source than the Noisy DAC, /);
    const needed = Number(/≥ (\d+\.\d)/.exec(reason.text)![1]);
    // Rounded up to 0.1 dB, so the stated figure is enough and at most 0.1 dB more than needed.
    expect(needed - reason.aboveThresholdDb).toBeGreaterThanOrEqual(0);
    expect(needed - reason.aboveThresholdDb).toBeLessThan(0.1 + 1e-9);
    expect(noiseOf(hissAt(30 - needed))).toBeUndefined();
    expect(noiseOf(hissAt(30 - needed + 0.2))).toBeDefined();
  });

  it('a headphone as sensitive as the fix names is quiet enough: the stated dB/V cures the hiss', () => {
    const reason = noiseOf(hissAt(30))!;
    const dbPerVolt = Number(/headphone of ≤ (\d+(?:\.\d)?)\u202fdB\/V \(this one has 100\u202fdB\/V\)/.exec(reason.text)![1]);
    const quieter = hissAt(30, { headphones: [resistiveHeadphone(32, '32 ohm', dbPerVolt)] });
    expect(noiseOf(quieter)).toBeUndefined();
  });

  it('an amp with gain passes the source’s hiss on, and the fix names less gain', () => {
    // +20 dB of gain, 10 kΩ input on a 0 Ω source: the source's 8 dB(A) of hiss arrives at 28 dB(A).
    const s = hissAt(8, { amp: amp({ name: 'Loud amp', gainDb: 20 }) });
    const reason = noiseOf(s)!;
    expect(Math.abs(reason.hissDbSplA - 28)).toBeLessThan(0.01);
    expect(reason.text).toContain('less gain on the Loud amp with the volume turned up');
  });

  it('the hiss preset pair: the laptop jack’s hiss in the SE846 is a reason, the quiet IEM output’s is one exactly when its hiss is audible', () => {
    const laptop = adviceOf(presets.find((p) => p.id === 'laptop-hiss-se846')!.setup);
    expect(laptop.verdict).toBe('improve');
    expect(laptop.reasons.some((r) => r.kind === 'noise')).toBe(true);
    const quiet = buildReport(presets.find((p) => p.id === 'quiet-iem-out-se846')!.setup).headphones[0]!;
    expect(quiet.advice.reasons.some((r) => r.kind === 'noise')).toBe(quiet.hissAudible);
  });
});

describe('advice: the verdict', () => {
  it('the verdict is "fine" exactly when there is no reason, for every listener of random valid setups', () => {
    fc.assert(
      fc.property(validSetup, fc.double({ min: 60, max: 130, noNaN: true }), (chain, target) => {
        for (const { advice } of buildReport(chain, { targetSplDb: target }).headphones) {
          expect(advice.verdict === 'fine').toBe(advice.reasons.length === 0);
          expect(advice.targetSplDb).toBe(target);
          expect(advice.summary.length).toBeGreaterThan(0);
          for (const reason of advice.reasons) {
            expect(reason.text).not.toMatch(/NaN|undefined|Infinity/);
            if (reason.kind === 'noise') {
              expect(reason.aboveThresholdDb).toBeGreaterThanOrEqual(0);
              continue;
            }
            const size = reason.kind === 'shared-output' ? reason.lossDb : reason.kind === 'output-impedance' ? reason.deviationDb : reason.shortfallDb;
            expect(size).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the default pair: the phone alone is 7.7 dB short of voltage for 110 dB SPL and names the voltage that fixes it; through the Magni 2 it is fine', () => {
    const [phone, withAmp] = [presets.find((p) => p.id === 'phone-hd600')!, presets.find((p) => p.id === 'phone-amp-hd600')!];
    const hd600 = phone.setup.headphones[0]!;
    // 97 dB/mW into 300 Ω is 97 + 10·log10(1000/300) dB/V; 110 dB SPL needs 10^((110 − that)/20) V.
    const neededVrms = 10 ** ((110 - (97 + 10 * Math.log10(1000 / 300))) / 20);
    const advice = adviceOf(phone.setup);
    expect(hd600.impedance.nominalOhms).toBe(300);
    // No cable: the output's voltage is the headphone's.
    expect((advice.reasons[0] as LevelReason).neededVrms).toBeCloseTo(neededVrms, 9);
    expect(advice.summary).toMatch(/^7\.7\u202fdB short of voltage for 110\u202fdB SPL peaks: the Apple iPhone 6 headphone jack gives at most 1\.0\d\u202fV at full scale; an amp giving ≥ 2\.45\u202fV into 300\u202fΩ fixes it\.$/);
    expect(adviceOf(withAmp.setup).verdict).toBe('fine');
  });
});
