/**
 * A sample of catalog headphones rendered through the real worklet processors (the
 * `headroom render` path, in process) on the 120 Ω IEC output, where a headphone's impedance
 * shapes its response most, at 44.1 and 48 kHz: the 1 kHz level and the response from 20 Hz
 * to 20 kHz agree with the report within the bars of tests/audio/accuracy.test.ts.
 *
 * The sample spans the catalog: the least and most sensitive, the lowest and highest
 * impedance, every network fitted to published points, a balanced-armature network, plain
 * in-ears and the measured curve (compiled as its rational fit).
 */
import { describe, expect, it } from 'vitest';
import { renderArrays } from '../support/render-arrays.ts';
import { sensitivityDbPerVolt, impedanceMagnitudeAt1kHz } from '../../src/model/acoustics.ts';
import { catalog, dataNetworkFits } from '../../src/model/catalog/full.ts';
import { compile } from '../../src/model/compile.ts';
import { buildReport } from '../../src/model/report.ts';
import { SETUP_FORMAT, type Setup } from '../../src/model/setup.ts';
import { atHz, concat, multisine, sine, sineLevelDb, transferDb } from './signals.ts';

const RATES = [44_100, 48_000];
const CALIBRATION_DB_SPL = 120;
const PERIOD = 16_384;
const MULTISINE_RMS = 10 ** (-30 / 20);

const SAMPLE = [
  'tang-diy-gold-2-pro', // least sensitive (89.7 dB/V)
  'shure-se846', // most sensitive (134.5 dB/V)
  'hidizs-md4', // lowest impedance (8 Ω)
  'beyerdynamic-t1-2nd', // highest nominal impedance (600 Ω)
  'beyerdynamic-dt-880-600', // a built-in network, 614 Ω
  'focal-utopia-2016', // networks fitted to published |Z| points
  'sennheiser-hd620s',
  'sennheiser-hd660s',
  'etymotic-hf5', // a balanced armature's rising impedance
  'etymotic-er-4p',
  'beyerdynamic-dt-1990-pro', // the measured curve
];

const entries = SAMPLE.map((id) => catalog.headphones.find((h) => h.id === id)!);
const iec = catalog.sources.find((s) => s.id === 'iec-61938-reference')!.part;

function onIec(index: number): Setup {
  return { format: SETUP_FORMAT, signal: { levelDbfs: -20 }, source: { ...iec, volumeDb: 0 }, amp: null, splitter: null, headphones: [entries[index]!.part] };
}

describe('the sample spans the catalog', () => {
  it('holds the extremes of sensitivity and impedance and every network fitted to published points', () => {
    expect(entries.every((e) => e !== undefined)).toBe(true);
    const dbv = (e: (typeof catalog.headphones)[number]) => sensitivityDbPerVolt(e.part);
    const z = (e: (typeof catalog.headphones)[number]) => impedanceMagnitudeAt1kHz(e.part);
    const playable = catalog.headphones.filter((e) => e.part.impedance.curve == null);
    const extreme = (f: (e: (typeof playable)[number]) => number, sign: 1 | -1) => [...playable].sort((a, b) => sign * (f(a) - f(b)))[0]!;
    for (const e of [extreme(dbv, 1), extreme(dbv, -1), extreme(z, -1)]) expect(SAMPLE, e.id).toContain(e.id);
    expect(Math.min(...entries.map(z))).toBe(z(extreme(z, 1)));
    for (const id of Object.keys(dataNetworkFits)) expect(SAMPLE).toContain(id);
    expect(entries.some((e) => e.part.impedance.curve)).toBe(true);
  });
});

describe.each(RATES)('catalog headphones rendered at %i Hz agree with the model', (rate) => {
  describe.each(SAMPLE.map((id, index) => [id, index] as const))('%s', (_id, index) => {
    const setup = onIec(index);
    const render = async () => {
      const clipping = buildReport(setup).clipping;
      const toneDbfs = Math.min(setup.signal.levelDbfs, clipping.limitedBy === 'none' ? 0 : clipping.atSignalDbfs - 3);
      const settle = Math.round(0.1 * rate);
      const toneFrames = Math.round(0.2 * rate);
      const input = concat(multisine(PERIOD, MULTISINE_RMS, 2), sine(1000, 10 ** (toneDbfs / 20), settle + toneFrames, rate));
      const plan = compile(setup, rate, { calibrationDbSpl: CALIBRATION_DB_SPL });
      const result = await renderArrays(plan, [input], 'direct');
      return { input, output: result.listeners[0]!, toneDbfs, toneFrom: 2 * PERIOD + settle, toneFrames };
    };
    let rendered: ReturnType<typeof render> | undefined;

    it('the 1 kHz level is the report’s SPL − calibration within ±0.05 dB, and the response within ±0.1 dB', async () => {
      const m = await (rendered ??= render());
      const listener = buildReport(setup).headphones[0]!;
      for (const channel of m.output) {
        const expected = listener.splDb + (m.toneDbfs - setup.signal.levelDbfs) - CALIBRATION_DB_SPL;
        expect(Math.abs(sineLevelDb(channel, m.toneFrom, m.toneFrames) - expected)).toBeLessThan(0.05);
      }
      const transfer = transferDb(m.input, m.output[0]!, PERIOD, PERIOD);
      const at1k = atHz(transfer, 1000, rate, PERIOD);
      let worst = 0;
      listener.response.hz.forEach((hz, k) => {
        const error = atHz(transfer, hz, rate, PERIOD) - at1k - listener.response.db[k]!;
        if (Math.abs(error) > Math.abs(worst)) worst = error;
      });
      expect(Math.abs(worst)).toBeLessThan(0.1);
    }, 60_000);
  });
});
