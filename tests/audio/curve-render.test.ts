/**
 * Measured curves, heard: chains whose headphones are given as impedance curves, rendered
 * through the real processors (node-web-audio-api, the `headroom render` path), against the
 * report, which works from the curves themselves (log-interpolated). The sound runs each curve
 * as its fitted rational model (src/model/curve-fit.ts), so this checks the fit and the DSP together.
 *
 * Bars (issue 16): the 1 kHz level within ±0.1 dB of the report's SPL; the response within
 * ±0.15 dB of the report's in every 1/3-octave band from 20 Hz to 20 kHz (band power of the
 * multisine transfer against the same bins of the model, both re the 1 kHz band).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOffline } from '../../src/cli/render-offline.ts';
import { headphones } from '../../src/model/catalog/headphones.ts';
import { abs } from '../../src/model/complex.ts';
import { compile } from '../../src/model/compile.ts';
import { parseImpedanceCurve } from '../../src/model/curve-import.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Headphone, Setup } from '../../src/model/setup.ts';
import { solveChain } from '../../src/model/solver.ts';
import { BAND_1K, concat, multisine, sine, sineLevelDb, THIRD_OCTAVE_CENTRES_HZ, thirdOctaveBandsDb } from './signals.ts';
import { magnitudeSpectrum } from '../dsp/spectrum.ts';

const RATE = 48_000;
const CALIBRATION_DB_SPL = 120;
const PERIOD = 16_384;
const MULTISINE_RMS = 10 ** (-30 / 20);
const TONE_DBFS = -20;

const curveFile = (name: string): Headphone['impedance'] => ({ curve: parseImpedanceCurve(readFileSync(new URL(`../fixtures/curves/${name}`, import.meta.url), 'utf8'), name).curve });
const dt1990 = headphones.find((entry) => entry.id === 'beyerdynamic-dt-1990-pro')!.part;

function chain(sourceOhms: number, listeners: Headphone[], splitter: Setup['splitter'] = null): Setup {
  return {
    format: 'headroom/setup@1',
    signal: { levelDbfs: TONE_DBFS },
    source: { name: `${sourceOhms} Ω source`, outputImpedanceOhms: sourceOhms, maxOutputVrms: 2, volumeDb: 0 },
    amp: null,
    splitter,
    headphones: listeners,
  };
}

const CASES: [string, Setup][] = [
  ['a three-driver BA in-ear (REW export) on a 75 Ω laptop jack', chain(75, [{ name: 'three-way', sensitivity: { value: 110, unit: 'dB/V' }, impedance: curveFile('rew-three-way-iem.txt') }])],
  ['the catalog’s DT 1990 PRO curve on a 75 Ω source', chain(75, [dt1990])],
  [
    'a minimum-phase dynamic and a DATS planar on one 10 Ω output through a splitter',
    chain(10, [
      { name: 'dynamic', sensitivity: { value: 97, unit: 'dB/mW' }, impedance: curveFile('magnitude-only.csv') },
      { name: 'planar', sensitivity: { value: 94, unit: 'dB/mW' }, impedance: curveFile('dats-planar.zma') },
    ], { cableResistanceOhms: 0.2 }),
  ],
];

const worst = { level: 0, band: 0 };
afterAll(() => console.log(`curve renders: worst 1 kHz level ${worst.level.toFixed(4)} dB, worst 1/3-octave band ${worst.band.toFixed(4)} dB`));

describe.each(CASES)('%s', (_title, setup) => {
  let rendered: Awaited<ReturnType<typeof renderOffline>> | undefined;
  const settle = Math.round(0.1 * RATE);
  const toneFrames = Math.round(0.2 * RATE);
  const input = concat(multisine(PERIOD, MULTISINE_RMS, 2), sine(1000, 10 ** (TONE_DBFS / 20), settle + toneFrames, RATE));
  const render = async () => (rendered ??= await renderOffline({ plan: compile(setup, RATE, { calibrationDbSpl: CALIBRATION_DB_SPL }), channels: [input] }));
  const report = buildReport(setup);

  it('each listener’s 1 kHz level is the report’s SPL − calibration within ±0.1 dB', async () => {
    const result = await render();
    report.headphones.forEach((listener, i) => {
      const error = sineLevelDb(result.listeners[i]![0]!, 2 * PERIOD + settle, toneFrames) - (listener.splDb - CALIBRATION_DB_SPL);
      worst.level = Math.max(worst.level, Math.abs(error));
      expect(Math.abs(error)).toBeLessThan(0.1);
    });
  }, 120_000);

  it('each listener’s response is the report’s within ±0.15 dB in every 1/3-octave band, 20 Hz–20 kHz', async () => {
    const result = await render();
    const x = magnitudeSpectrum(input.subarray(PERIOD, 2 * PERIOD));
    setup.headphones.forEach((_, i) => {
      const y = magnitudeSpectrum(result.listeners[i]![0]!.subarray(PERIOD, 2 * PERIOD));
      const model = (k: number) => abs(solveChain(setup, (k * RATE) / PERIOD).headphones[i]!.loadVoltage) ** 2;
      const renderedBands = thirdOctaveBandsDb((k) => (y[k]! / x[k]!) ** 2, RATE, PERIOD);
      const modelBands = thirdOctaveBandsDb(model, RATE, PERIOD);
      renderedBands.forEach((level, b) => {
        const error = level - renderedBands[BAND_1K]! - (modelBands[b]! - modelBands[BAND_1K]!);
        worst.band = Math.max(worst.band, Math.abs(error));
        expect(Math.abs(error), `listener ${i}, ${THIRD_OCTAVE_CENTRES_HZ[b]!.toFixed(0)} Hz band`).toBeLessThan(0.15);
      });
    });
  }, 120_000);
});
