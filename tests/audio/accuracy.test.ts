/**
 * Whole chains, rendered through the real worklet processors in node-web-audio-api's
 * OfflineAudioContext (the `headroom render` path, in process), against the model's
 * report: for every preset at 44.1 and 48 kHz.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { renderOffline, type OfflineRenderResult } from '../../src/cli/render-offline.ts';
import { presets, type Preset } from '../../src/model/catalog/presets.ts';
import { compile } from '../../src/model/compile.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { atHz, concat, multisine, sine, sineLevelDb, transferDb } from './signals.ts';

const RATES = [44_100, 48_000];
const CALIBRATION_DB_SPL = 120;
/** One multisine period: 2.7–2.9 Hz bins, 0.34–0.37 s. */
const PERIOD = 16_384;
/** Multisine RMS: peaks near −24 dBFS, far below every preset's clipping point. */
const MULTISINE_RMS = 10 ** (-30 / 20);

interface Measured {
  preset: Preset;
  rate: number;
  input: Float32Array;
  result: OfflineRenderResult;
  toneFrom: number;
  toneFrames: number;
  toneDbfs: number;
}

const worst = new Map<string, number>();
function record(check: string, rate: number, errorDb: number): void {
  const key = `${check} @ ${rate} Hz`;
  worst.set(key, Math.max(worst.get(key) ?? 0, Math.abs(errorDb)));
}
afterAll(() => {
  console.log([...worst].map(([key, value]) => `worst ${key}: ${value.toFixed(4)} dB`).join('\n'));
});

function withoutHiss(setup: Setup): Setup {
  return { ...setup, source: { ...setup.source, noise: null }, amp: setup.amp && { ...setup.amp, noise: null } };
}

/** Signal level of the 1 kHz tone: the preset's own, kept 3 dB under its clipping point. */
function toneLevelDbfs(preset: Preset): number {
  const clipping = buildReport(preset.setup).clipping;
  return Math.min(preset.setup.signal.levelDbfs, clipping.limitedBy === 'none' ? 0 : clipping.atSignalDbfs - 3);
}

/** Multisine (settle one period, measure the next), then a 1 kHz tone (settle 0.1 s, measure 0.2 s = 200 cycles). */
async function measure(preset: Preset, rate: number): Promise<Measured> {
  const toneDbfs = toneLevelDbfs(preset);
  const settle = Math.round(0.1 * rate);
  const toneFrames = Math.round(0.2 * rate);
  const input = concat(multisine(PERIOD, MULTISINE_RMS, 2), sine(1000, 10 ** (toneDbfs / 20), settle + toneFrames, rate));
  // Level and response are the signal's: a preset's hiss (setup@3, tests/audio/gear-render.test.ts
  // checks it) would only add a noise floor to the multisine's bins.
  const plan = compile(withoutHiss(preset.setup), rate, { calibrationDbSpl: CALIBRATION_DB_SPL });
  const result = await renderOffline({ plan, channels: [input] });
  return { preset, rate, input, result, toneFrom: 2 * PERIOD + settle, toneFrames, toneDbfs };
}

describe.each(RATES)('rendered chains at %i Hz agree with the model', (rate) => {
  describe.each(presets.map((p) => [p.id, p] as const))('%s', (_id, preset) => {
    let measured: Measured;
    const rendered = async () => (measured ??= await measure(preset, rate));
    const report = buildReport(preset.setup);

    it('each listener’s 1 kHz level is the report’s SPL − calibration within ±0.05 dB', async () => {
      const m = await rendered();
      report.headphones.forEach((listener, i) => {
        for (const channel of m.result.listeners[i]!) {
          const expected = listener.splDb + (m.toneDbfs - preset.setup.signal.levelDbfs) - CALIBRATION_DB_SPL;
          const error = sineLevelDb(channel, m.toneFrom, m.toneFrames) - expected;
          record('1 kHz level', rate, error);
          // The bar of issue 4; the processors' flat-band error is far smaller (~0.001 dB).
          expect(Math.abs(error)).toBeLessThan(0.05);
        }
      });
    }, 60_000);

    it('each listener’s response from 20 Hz to 20 kHz is the report’s within ±0.1 dB', async () => {
      const m = await rendered();
      report.headphones.forEach((listener, i) => {
        const transfer = transferDb(m.input, m.result.listeners[i]![0]!, PERIOD, PERIOD);
        const at1k = atHz(transfer, 1000, rate, PERIOD);
        let worstError = 0;
        listener.response.hz.forEach((hz, k) => {
          const error = atHz(transfer, hz, rate, PERIOD) - at1k - listener.response.db[k]!;
          if (Math.abs(error) > Math.abs(worstError)) worstError = error;
        });
        record('response', rate, worstError);
        // Issue 4's bar. Measured 0.029 dB (44.1 kHz) and 0.015 dB (48 kHz): every preset's networks run at 1× (docs/dsp.md §1).
        expect(Math.abs(worstError)).toBeLessThan(0.1);
      });
    }, 60_000);
  });
});

/** Listeners whose clean limit lies below 0 dBFS, with that limit in dBFS. */
function clippingListeners(preset: Preset): { index: number; atDbfs: number }[] {
  const report = buildReport(preset.setup);
  return report.headphones
    .map((h, index) => ({ index, atDbfs: h.maxCleanSplDb - h.splDb + preset.setup.signal.levelDbfs }))
    .filter((l) => l.atDbfs < -0.2);
}

const clipping = presets.filter((p) => clippingListeners(p).length > 0);

describe.each(RATES)('clipping starts where the model says at %i Hz', (rate) => {
  it('some presets clip below full scale (otherwise this block tests nothing)', () => {
    expect(clipping.length).toBeGreaterThan(0);
  });

  describe.each(clipping.map((p) => [p.id, p] as const))('%s', (_id, preset) => {
    const plan = compile(preset.setup, rate, { calibrationDbSpl: CALIBRATION_DB_SPL });
    const clipsAt = async (dbfs: number) => {
      const result = await renderOffline({ plan, channels: [sine(1000, 10 ** (dbfs / 20), Math.round(0.3 * rate), rate)] });
      return result.clipCounts;
    };

    it('a 1 kHz sine 0.2 dB under a listener’s limit does not clip it; 0.2 dB over does', async () => {
      for (const { index, atDbfs } of clippingListeners(preset)) {
        // ±0.2 dB is issue 4's bar for where clipping starts.
        const under = await clipsAt(atDbfs - 0.2);
        const over = await clipsAt(atDbfs + 0.2);
        expect(under[index], `listener ${index} at ${(atDbfs - 0.2).toFixed(2)} dBFS`).toBe(0);
        expect(over[index], `listener ${index} at ${(atDbfs + 0.2).toFixed(2)} dBFS`).toBeGreaterThan(0);
      }
    }, 120_000);
  });
});
