/**
 * setup@3 heard: hiss and crosstalk rendered through the real processors (node-web-audio-api,
 * the `headroom render` path), against the report.
 *
 * Bars (issue 16): level ±0.1 dB and response ±0.15 dB in 1/3-octave bands (a signal in both
 * channels, the report's mid signal); hiss ±1 dB A-weighted; crosstalk ±0.3 dB (a signal in
 * the left channel only, the right channel's level re the left's, at 1 kHz and per 1/3-octave
 * band of a multisine).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOffline } from '../../src/cli/render-offline.ts';
import { aWeightingGain } from '../../src/model/a-weighting.ts';
import { abs, add, scale, sub } from '../../src/model/complex.ts';
import { compile } from '../../src/model/compile.ts';
import { sourceTransfer } from '../../src/model/crosstalk.ts';
import { buildReport, type ReportV3 } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { solveChain } from '../../src/model/solver.ts';
import { magnitudeSpectrum } from '../dsp/spectrum.ts';
import { BAND_1K, concat, multisine, sine, sineLevelDb, THIRD_OCTAVE_CENTRES_HZ, thirdOctaveBandsDb } from './signals.ts';

const RATE = 48_000;
const CALIBRATION_DB_SPL = 120;
const PERIOD = 16_384;
const MULTISINE_RMS = 10 ** (-30 / 20);

const fixture = (name: string): Setup => JSON.parse(readFileSync(new URL(`../fixtures/ngspice/${name}.setup.json`, import.meta.url), 'utf8')) as Setup;

const worst = { level: 0, band: 0, hiss: 0, crosstalk: 0 };
afterAll(() => console.log(`gear renders: worst level ${worst.level.toFixed(4)} dB, band ${worst.band.toFixed(4)} dB, hiss ${worst.hiss.toFixed(3)} dB(A), crosstalk ${worst.crosstalk.toFixed(4)} dB`));

/** The 1 kHz tone after the multisine: settle 0.1 s, measure 0.2 s (200 cycles). */
const SETTLE = Math.round(0.1 * RATE);
const TONE = Math.round(0.2 * RATE);

function render(setup: Setup, left: Float32Array, right: Float32Array = left) {
  return renderOffline({ plan: compile(setup, RATE, { calibrationDbSpl: CALIBRATION_DB_SPL }), channels: [left, right] });
}

/** Multisine (settle one period, measure the next), then a 1 kHz sine at `toneDbfs`. */
const probe = (toneDbfs: number): Float32Array => concat(multisine(PERIOD, MULTISINE_RMS, 2), sine(1000, 10 ** (toneDbfs / 20), SETTLE + TONE, RATE));
const silence = (frames: number): Float32Array => new Float32Array(frames);

const CROSSTALK_CASES: [string, Setup][] = [
  ['a 16 Ω in-ear on a 2 Ω phone jack with 0.15 Ω of shared return', fixture('crosstalk-one-headphone')],
  ['four listeners of mixed impedance on a Y splitter behind an amp', fixture('crosstalk-splitter-four-amp')],
  [
    'independent, current-limited amp outputs (mid/side clip lanes) with their own returns',
    (() => {
      const s = fixture('crosstalk-independent-outputs');
      // A limit the bound can reach (the jacks run their clip lanes) but the probe stays 6 dB under.
      return { ...s, amp: { ...s.amp!, maxOutputCurrentMa: 20 } };
    })(),
  ],
];

describe.each(CROSSTALK_CASES)('%s', (_title, setup) => {
  const report = buildReport(setup) as ReportV3;
  const toneDbfs = Math.min(setup.signal.levelDbfs, report.clipping.limitedBy === 'none' ? 0 : report.clipping.atSignalDbfs - 6);
  const input = probe(toneDbfs);
  let both: Awaited<ReturnType<typeof render>> | undefined;
  let leftOnly: Awaited<ReturnType<typeof render>> | undefined;
  const renderBoth = async () => (both ??= await render(setup, input));
  const renderLeft = async () => (leftOnly ??= await render(setup, input, silence(input.length)));

  it('a signal in both channels: the 1 kHz level within ±0.1 dB and the response within ±0.15 dB per 1/3 octave of the report', async () => {
    const result = await renderBoth();
    const x = magnitudeSpectrum(input.subarray(PERIOD, 2 * PERIOD));
    report.headphones.forEach((listener, i) => {
      for (const channel of result.listeners[i]!) {
        const error = sineLevelDb(channel, 2 * PERIOD + SETTLE, TONE) - (listener.splDb + (toneDbfs - setup.signal.levelDbfs) - CALIBRATION_DB_SPL);
        worst.level = Math.max(worst.level, Math.abs(error));
        expect(Math.abs(error)).toBeLessThan(0.1);
      }
      const y = magnitudeSpectrum(result.listeners[i]![0]!.subarray(PERIOD, 2 * PERIOD));
      const rendered = thirdOctaveBandsDb((k) => (y[k]! / x[k]!) ** 2, RATE, PERIOD);
      const model = thirdOctaveBandsDb((k) => abs(solveChain(setup, (k * RATE) / PERIOD).headphones[i]!.loadVoltage) ** 2, RATE, PERIOD);
      rendered.forEach((level, b) => {
        const error = level - rendered[BAND_1K]! - (model[b]! - model[BAND_1K]!);
        worst.band = Math.max(worst.band, Math.abs(error));
        expect(Math.abs(error), `listener ${i}, ${THIRD_OCTAVE_CENTRES_HZ[b]!.toFixed(0)} Hz`).toBeLessThan(0.15);
      });
    });
  }, 120_000);

  it('a signal in the left channel only leaks into the right at the report’s crosstalk: at 1 kHz and per 1/3 octave within ±0.3 dB', async () => {
    const result = await renderLeft();
    report.headphones.forEach((listener, i) => {
      const [left, right] = result.listeners[i]!;
      const at1k = sineLevelDb(right!, 2 * PERIOD + SETTLE, TONE) - sineLevelDb(left!, 2 * PERIOD + SETTLE, TONE);
      worst.crosstalk = Math.max(worst.crosstalk, Math.abs(at1k - listener.crosstalkDb!));
      expect(Math.abs(at1k - listener.crosstalkDb!)).toBeLessThan(0.3);
      const yl = magnitudeSpectrum(left!.subarray(PERIOD, 2 * PERIOD));
      const yr = magnitudeSpectrum(right!.subarray(PERIOD, 2 * PERIOD));
      const rendered = thirdOctaveBandsDb((k) => yr[k]! ** 2, RATE, PERIOD).map((db, b) => db - thirdOctaveBandsDb((k) => yl[k]! ** 2, RATE, PERIOD)[b]!);
      // The model's left-only transfers: (H_mid ± H_side)/2 from the source's EMF.
      const transfer = (k: number, sign: 1 | -1) => {
        const hz = (k * RATE) / PERIOD;
        const mid = sourceTransfer(solveChain(setup, hz), i);
        const side = sourceTransfer(solveChain(setup, hz, { mode: 'side' }), i);
        return abs(scale(sign === 1 ? add(mid, side) : sub(mid, side), 0.5)) ** 2;
      };
      const self = thirdOctaveBandsDb((k) => transfer(k, 1), RATE, PERIOD);
      const model = thirdOctaveBandsDb((k) => transfer(k, -1), RATE, PERIOD).map((db, b) => db - self[b]!);
      rendered.forEach((db, b) => {
        worst.crosstalk = Math.max(worst.crosstalk, Math.abs(db - model[b]!));
        expect(Math.abs(db - model[b]!), `listener ${i}, ${THIRD_OCTAVE_CENTRES_HZ[b]!.toFixed(0)} Hz`).toBeLessThan(0.3);
      });
    });
  }, 120_000);
});

/**
 * A-weighted level of `frames` samples from `from`, in dB re a full-scale sine: the power
 * spectrum of 16 384-point segments (Parseval, no window: the hiss is broadband) weighted by
 * |A(f)|² from 20 Hz to 20 kHz, averaged over the segments.
 */
function aWeightedDbfs(signal: Float32Array, from: number, frames: number): number {
  const n = PERIOD;
  const segments = Math.floor(frames / n);
  let power = 0;
  for (let s = 0; s < segments; s++) {
    const x = magnitudeSpectrum(signal.subarray(from + s * n, from + (s + 1) * n));
    for (let k = 1; k < n / 2; k++) {
      const hz = (k * RATE) / n;
      if (hz < 20 || hz > 20_000) continue;
      power += (2 * (x[k]! * aWeightingGain(hz)) ** 2) / (n * n);
    }
  }
  return 10 * Math.log10((power / segments) * 2);
}

const HISS_CASES: [string, Setup][] = [
  [
    'a laptop’s 14 µV(A) hiss into a 134.5 dB/V multi-driver in-ear',
    {
      format: 'headroom/setup@3',
      signal: { levelDbfs: -10 },
      source: { name: 'laptop', outputImpedanceOhms: 1, maxOutputVrms: 1, volumeDb: 0, noise: { dynamicRangeDb: 97, weighting: 'A' } },
      amp: null,
      splitter: null,
      headphones: [{ name: 'in-ear', sensitivity: { value: 114, unit: 'dB/mW' }, impedance: { nominalOhms: 9 } }],
    },
  ],
  [
    'a noisy source through an amp that adds its own, shaped by a 75 Ω output into a BA in-ear network',
    {
      format: 'headroom/setup@3',
      signal: { levelDbfs: -10 },
      source: { name: 'dac', outputImpedanceOhms: 10, maxOutputVrms: 2, volumeDb: 0, noise: { uVrms: 20, weighting: 'unweighted' } },
      amp: { name: 'amp', inputImpedanceOhms: 10_000, gainDb: 6, outputImpedanceOhms: 75, maxOutputVrms: 7, outputs: 'shared', noise: { uVrms: 8, weighting: 'A' } },
      splitter: null,
      headphones: [{ name: 'BA', sensitivity: { value: 110, unit: 'dB/mW' }, impedance: { network: { reOhms: 17, leMh: 0.05, motional: { rOhms: 12, lMh: 0.5, cUf: 2.2 } } } }],
    },
  ],
  [
    'hiss with shared returns on a splitter: each channel hears its own noise and the other’s',
    { ...fixture('crosstalk-splitter-four'), source: { ...fixture('crosstalk-splitter-four').source, noise: { uVrms: 10, weighting: 'A' } } },
  ],
];

describe.each(HISS_CASES)('%s', (_title, setup) => {
  it('the hiss with no signal (it stays when the music stops) is the report’s dB(A) within ±1 dB in each channel, and left and right are independent', async () => {
    const report = buildReport(setup) as ReportV3;
    // One second of a tone, then silence: the hiss is measured in the silence.
    const tone = sine(1000, 0.1, RATE, RATE);
    const result = await render(setup, concat(tone, silence(3 * RATE)));
    report.headphones.forEach((listener, i) => {
      const [left, right] = result.listeners[i]!;
      for (const channel of [left!, right!]) {
        const spl = aWeightedDbfs(channel, Math.round(1.5 * RATE), 2 * RATE) + CALIBRATION_DB_SPL;
        worst.hiss = Math.max(worst.hiss, Math.abs(spl - listener.hissDbSplA!));
        expect(Math.abs(spl - listener.hissDbSplA!), `listener ${i}`).toBeLessThan(1);
      }
      // Independent noises: the channels' correlation is that of the leak alone, far below 0.1.
      let lr = 0;
      let ll = 0;
      let rr = 0;
      for (let k = Math.round(1.5 * RATE); k < 3.5 * RATE; k++) {
        lr += left![k]! * right![k]!;
        ll += left![k]! ** 2;
        rr += right![k]! ** 2;
      }
      expect(Math.abs(lr / Math.sqrt(ll * rr))).toBeLessThan(0.1);
    });
  }, 120_000);
});
