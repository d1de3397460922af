/**
 * Hiss (setup@3 `source.noise`, `amp.noise`; src/model/noise.ts) against closed forms: white
 * noise through resistive dividers and gains, A-weighted with the integral of a-weighting.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { aWeightedBandwidthHz } from '../../src/model/a-weighting.ts';
import { hissVerdict } from '../../src/model/gear-figures.ts';
import { criticalBandwidthHz, hearingThresholdDbSpl } from '../../src/model/hearing-threshold.ts';
import { hissAudibility, noiseDensity, noiseVrms } from '../../src/model/noise.ts';
import { buildReport, type ReportV3 } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { responseFrequenciesHz } from '../../src/model/units.ts';
import { amp, db, resistiveHeadphone, setup, source } from '../support/setups.ts';

const A_BANDWIDTH = aWeightedBandwidthHz(20, 20_000);
/** The report integrates on its 301-point grid (trapezoid in ln f): 1e-3 dB is far above its error. */
const INTEGRATION_DB = 1e-3;

const v3 = (overrides: Partial<Setup>): Setup => setup({ format: 'headroom/setup@3', ...overrides });
const listener = (s: Setup, i = 0) => (buildReport(s) as ReportV3).headphones[i]!;

describe('a stage’s stated noise', () => {
  it('in µV is its RMS; as a dynamic range it is maxOutputVrms·10^(−DR/20): 2 V and 110 dB give 6.32 µV', () => {
    expect(noiseVrms({ uVrms: 3, weighting: 'A' }, 2)).toBeCloseTo(3e-6, 15);
    expect(noiseVrms({ dynamicRangeDb: 110, weighting: 'A' }, 2)).toBeCloseTo(6.3246e-6, 9);
  });

  it('is white at a density that gives back the stated figure in its own weighting', () => {
    expect(noiseDensity({ uVrms: 10, weighting: 'unweighted' }, 1) * 19_980).toBeCloseTo(1e-10, 20);
    expect(noiseDensity({ uVrms: 10, weighting: 'A' }, 1) * A_BANDWIDTH).toBeCloseTo(1e-10, 20);
    expect(noiseDensity(null, 1)).toBe(0);
  });
});

describe('the hiss at a headphone', () => {
  it('a 0 Ω source’s A-weighted noise reaches the headphone whole: 2 µV(A) into a 120 dB/V in-ear is 120 + 20·log10(2 µV) = 6.0 dB(A)', () => {
    const s = v3({ source: source({ noise: { uVrms: 2, weighting: 'A' } }), headphones: [resistiveHeadphone(16, 'iem', 120)] });
    expect(Math.abs(listener(s).hissDbSplA! - (120 + db(2e-6)))).toBeLessThan(INTEGRATION_DB);
  });

  it('unweighted noise reads 2.05 dB lower A-weighted: 10 µV into 100 dB/V is 0 dB + 10·log10(12 468/19 980)', () => {
    const s = v3({ source: source({ noise: { uVrms: 10, weighting: 'unweighted' } }), headphones: [resistiveHeadphone(32)] });
    expect(Math.abs(listener(s).hissDbSplA! - (100 + db(10e-6) + 10 * Math.log10(A_BANDWIDTH / 19_980)))).toBeLessThan(INTEGRATION_DB);
  });

  it('is divided like the signal: a 10 Ω source into 16 Ω loses 20·log10(16/26) of its hiss', () => {
    const noise = { uVrms: 5, weighting: 'A' as const };
    const direct = listener(v3({ source: source({ noise }), headphones: [resistiveHeadphone(16)] })).hissDbSplA!;
    const divided = listener(v3({ source: source({ noise, outputImpedanceOhms: 10 }), headphones: [resistiveHeadphone(16)] })).hissDbSplA!;
    expect(Math.abs(divided - direct - db(16 / 26))).toBeLessThan(INTEGRATION_DB);
  });

  it('does not follow the digital volume (it is the analog stage’s own)', () => {
    const noise = { uVrms: 5, weighting: 'A' as const };
    const loud = listener(v3({ source: source({ noise }) })).hissDbSplA!;
    const quiet = listener(v3({ source: source({ noise, volumeDb: -40 }) })).hissDbSplA!;
    expect(quiet).toBe(loud);
  });

  it('an amp passes its input’s noise through its divider and gain and adds its own, in power', () => {
    // Source 4 µV(A) behind 100 Ω into 10 kΩ, amp +12 dB adding 3 µV(A) behind 0 Ω.
    const s = v3({
      source: source({ outputImpedanceOhms: 100, noise: { uVrms: 4, weighting: 'A' } }),
      amp: amp({ gainDb: 12, noise: { uVrms: 3, weighting: 'A' } }),
      headphones: [resistiveHeadphone(32)],
    });
    const passed = 4e-6 * (10_000 / 10_100) * 10 ** (12 / 20);
    expect(Math.abs(listener(s).hissDbSplA! - (100 + 10 * Math.log10(passed ** 2 + 3e-6 ** 2)))).toBeLessThan(INTEGRATION_DB);
  });

  it('an amp stated by its dynamic range: 120 dB below a 5 V rail is 5 µV', () => {
    const byRange = listener(v3({ amp: amp({ maxOutputVrms: 5, noise: { dynamicRangeDb: 120, weighting: 'A' } }) })).hissDbSplA!;
    const byVolts = listener(v3({ amp: amp({ maxOutputVrms: 5, noise: { uVrms: 5, weighting: 'A' } }) })).hissDbSplA!;
    expect(byRange).toBeCloseTo(byVolts, 9);
  });

  it('with a shared return each channel hears its own noise and the other’s: (|H_mid|² + |H_side|²)/2', () => {
    // 16 Ω on a 2 Ω jack, 0.5 Ω shared: H_mid = 16/(18 + 1), H_side = 16/18 (resistors, so exact).
    const s = v3({ source: source({ outputImpedanceOhms: 2, noise: { uVrms: 4, weighting: 'A' }, groundResistanceOhms: 0.5 }), headphones: [resistiveHeadphone(16)] });
    const power = ((16 / 19) ** 2 + (16 / 18) ** 2) / 2;
    expect(Math.abs(listener(s).hissDbSplA! - (100 + db(4e-6) + 10 * Math.log10(power)))).toBeLessThan(INTEGRATION_DB);
  });

  it('every figure is null without noise, and none is NaN or infinite with it', () => {
    const quiet = listener(v3({ source: source({ groundResistanceOhms: 0.1 }) }));
    expect([quiet.hissDbSplA, quiet.hissAudible, quiet.hissAboveThresholdDb]).toEqual([null, null, null]);
    const noisy = listener(v3({ source: source({ noise: { uVrms: 1, weighting: 'A' } }) }));
    expect(Number.isFinite(noisy.hissDbSplA)).toBe(true);
    expect(Number.isFinite(noisy.hissAboveThresholdDb)).toBe(true);
  });
});

describe('is the hiss audible in a quiet room?', () => {
  const hz = responseFrequenciesHz();

  it('white noise: its loudest critical band against the threshold of hearing, as a closed form over the same grid', () => {
    // Flat SPL density L0 (dB in 1 Hz): a band of width Δf around f (all inside 20 Hz–20 kHz) holds L0 + 10·log10 Δf.
    const l0 = -30;
    const verdict = hissAudibility(hz, hz.map(() => 10 ** (l0 / 10)));
    const inside = hz.filter((f) => f - criticalBandwidthHz(f) / 2 >= 20 && f + criticalBandwidthHz(f) / 2 <= 20_000);
    const expected = Math.max(...inside.map((f) => l0 + 10 * Math.log10(criticalBandwidthHz(f)) - hearingThresholdDbSpl(f)));
    expect(Math.abs(verdict.aboveThresholdDb - expected)).toBeLessThan(0.01);
    // The ear is most sensitive near 4 kHz, where a critical band is about 700 Hz wide.
    expect(verdict.atHz).toBeGreaterThan(3000);
    expect(verdict.atHz).toBeLessThan(5000);
  });

  it('white hiss becomes audible at about 7.5 dB(A): 6 dB(A) is not, 9 dB(A) is', () => {
    const at = (dbA: number) => {
      const density = 10 ** ((dbA - 10 * Math.log10(A_BANDWIDTH)) / 10);
      return hissAudibility(hz, hz.map(() => density));
    };
    expect(at(6).audible).toBe(false);
    expect(at(9).audible).toBe(true);
    expect(at(7.5).aboveThresholdDb).toBeCloseTo(0, 0);
  });

  it('hissVerdict answers for advice: audible and by how much, or null without noise', () => {
    const iem = resistiveHeadphone(16, 'sensitive in-ear', 125);
    const noisy = listener(v3({ source: source({ noise: { uVrms: 20, weighting: 'A' } }), headphones: [iem] }));
    expect(hissVerdict(noisy)).toEqual({ audible: true, aboveThresholdDb: noisy.hissAboveThresholdDb });
    expect(noisy.hissAboveThresholdDb).toBeGreaterThan(10);
    const quiet = listener(v3({ source: source({ noise: { uVrms: 0.5, weighting: 'A' } }), headphones: [resistiveHeadphone(300, 'hd600', 102)] }));
    expect(hissVerdict(quiet)?.audible).toBe(false);
    expect(hissVerdict({ hissAudible: null, hissAboveThresholdDb: null })).toBeNull();
  });
});
