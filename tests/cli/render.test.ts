/** The real `headroom render` command, spawned as a user runs it, on WAV files made here. */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import wavefile from 'wavefile';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import { expectOneLineError, headroom } from '../support/cli.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';

/** A WAV written by wavefile, as any tool would write it; samples in the format's integer or float scale. */
function wav(channels: number, rate: number, bitDepth: string, samples: number[][] | number[]): Uint8Array {
  const file = new wavefile.WaveFile();
  file.fromScratch(channels, rate, bitDepth, samples);
  return file.toBuffer();
}

function readFloatWav(bytes: Uint8Array): { rate: number; bitDepth: string; channels: Float64Array[] } {
  const file = new wavefile.WaveFile(bytes);
  const samples = file.getSamples(false, Float64Array) as unknown as Float64Array[];
  return { rate: (file.fmt as { sampleRate: number }).sampleRate, bitDepth: file.bitDepth, channels: samples };
}

const sineSamples = (hz: number, peak: number, frames: number, rate: number, scale = 1) =>
  Array.from({ length: frames }, (_, i) => Math.round(peak * scale * Math.sin((2 * Math.PI * hz * i) / rate)));

let dir: string;
const twoListeners = setup({
  source: source({ name: 'Laptop', outputImpedanceOhms: 10 }),
  splitter: { cableResistanceOhms: 0 },
  headphones: [resistiveHeadphone(32, 'Ana’s HD 25 (left)'), resistiveHeadphone(300, 'Bo / 300 Ω')],
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'headroom-render-'));
  await writeFile(join(dir, 'two.json'), JSON.stringify(twoListeners));
  await writeFile(join(dir, 'one.json'), JSON.stringify(setup()));
  // 0.25 s of a 1 kHz sine at −10 dBFS, 16-bit mono at 48 kHz.
  await writeFile(join(dir, 'mono16.wav'), wav(1, 48_000, '16', sineSamples(1000, 10 ** (-10 / 20), 12_000, 48_000, 32767)));
  const left = sineSamples(1000, 0.25, 11_025, 44_100, 8_388_607);
  await writeFile(join(dir, 'stereo24.wav'), wav(2, 44_100, '24', [left, left.map(() => 0)]));
  await writeFile(join(dir, 'float32.wav'), wav(1, 96_000, '32f', sineSamples(1000, 0.1, 9_600, 96_000).map((_, i) => 0.1 * Math.sin((2 * Math.PI * 1000 * i) / 96_000))));
  await writeFile(join(dir, 'eight.wav'), wav(1, 8000, '8', Array.from({ length: 2000 }, (_, i) => 128 + Math.round(50 * Math.sin(i / 3)))));
  await writeFile(join(dir, 'not-a.wav'), 'this is text, not audio\n'.repeat(20));
  const good = wav(2, 48_000, '16', [sineSamples(500, 0.5, 4800, 48_000, 32767), sineSamples(500, 0.5, 4800, 48_000, 32767)]);
  await writeFile(join(dir, 'truncated.wav'), good.slice(0, good.length - 1000));
  await writeFile(join(dir, 'zero.wav'), wav(1, 48_000, '16', []));
  await writeFile(join(dir, 'empty.wav'), '');
  await writeFile(join(dir, 'three.wav'), wav(3, 48_000, '16', [[1, 2], [3, 4], [5, 6]]));
  await writeFile(join(dir, 'mulaw.wav'), wav(1, 8000, '8m', [1, 2, 3, 4]));
  await writeFile(join(dir, 'slow.wav'), wav(1, 4000, '16', [1, 2, 3, 4]));
  // 10.5 s at 8 kHz: long enough for progress, cheap to render.
  await writeFile(join(dir, 'long.wav'), wav(1, 8000, '16', sineSamples(440, 0.1, 84_000, 8000, 32767)));
});

describe('headroom render writes one 32-bit float WAV per listener and summary.json', () => {
  it('names files <n>-<slug>.wav in listener order, at the input rate and length, mono heard on both channels', async () => {
    const out = join(dir, 'out-two');
    const outcome = await headroom('render', join(dir, 'two.json'), join(dir, 'mono16.wav'), '-o', out);
    expect(outcome.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['1-ana-s-hd-25-left.wav', '2-bo-300.wav', 'summary.json']);
    for (const name of ['1-ana-s-hd-25-left.wav', '2-bo-300.wav']) {
      const file = readFloatWav(await readFile(join(out, name)));
      expect(file.rate).toBe(48_000);
      expect(file.bitDepth).toBe('32f');
      expect(file.channels).toHaveLength(2);
      expect(file.channels[0]!.length).toBe(12_000);
      expect(file.channels[1]).toEqual(file.channels[0]);
    }
    expect(outcome.stdout).toContain('summary.json');
  }, 60_000);

  it('summary.json gives per listener the level the model predicts (a 0 dBFS sine = the calibration SPL), peak and clip count', async () => {
    const out = join(dir, 'out-summary');
    expect((await headroom('render', join(dir, 'two.json'), join(dir, 'mono16.wav'), '-o', out, '--calibration-db-spl', '110')).code).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.calibrationDbSpl).toBe(110);
    expect(summary.input).toMatchObject({ sampleRateHz: 48_000, channels: 1, frames: 12_000, format: '16-bit integer' });
    const report = buildReport({ ...twoListeners, signal: { levelDbfs: -10 } });
    summary.listeners.forEach((listener: { name: string; file: string; levelDbfs: number; peakDbfs: number; clipCount: number }, i: number) => {
      expect(listener.name).toBe(twoListeners.headphones[i]!.name);
      expect(listener.file).toBe(['1-ana-s-hd-25-left.wav', '2-bo-300.wav'][i]);
      // The whole file, including the first block's onset: within 0.05 dB of the model's 1 kHz SPL.
      expect(listener.levelDbfs + 110).toBeCloseTo(report.headphones[i]!.splDb, 1);
      expect(listener.peakDbfs).toBeGreaterThanOrEqual(listener.levelDbfs - 0.01);
      expect(listener.clipCount).toBe(0);
    });
  }, 60_000);

  it('--ab renders both chains under a/ and b/, and --preset takes a built-in setup', async () => {
    const out = join(dir, 'out-ab');
    const outcome = await headroom('render', '--preset', 'laptop-splitter-two-m50x', join(dir, 'stereo24.wav'), '-o', out, '--ab', join(dir, 'one.json'));
    expect(outcome.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['a', 'b', 'summary.json']);
    expect((await readdir(join(out, 'a'))).sort()).toEqual(['1-audio-technica-ath-m50x.wav', '2-audio-technica-ath-m50x.wav']);
    expect(await readdir(join(out, 'b'))).toEqual(['1-32-ohm.wav']);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.a.setup).toBe('preset:laptop-splitter-two-m50x');
    expect(summary.a.listeners.map((l: { file: string }) => l.file)).toEqual(['a/1-audio-technica-ath-m50x.wav', 'a/2-audio-technica-ath-m50x.wav']);
    expect(summary.b.listeners[0].file).toBe('b/1-32-ohm.wav');
    // Stereo input stays stereo: the right channel was silent.
    const b = readFloatWav(await readFile(join(out, 'b', '1-32-ohm.wav')));
    expect(Math.max(...b.channels[1]!.map(Math.abs))).toBe(0);
    expect(Math.max(...b.channels[0]!.map(Math.abs))).toBeGreaterThan(0.01);
  }, 60_000);

  it('reads 32-bit float at 96 kHz and 8-bit at 8 kHz', async () => {
    for (const name of ['float32.wav', 'eight.wav']) {
      const out = join(dir, `out-${name}`);
      expect((await headroom('render', join(dir, 'one.json'), join(dir, name), '-o', out)).code).toBe(0);
      const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
      expect(summary.listeners[0].levelDbfs).toBeGreaterThan(-60);
    }
  }, 60_000);

  it('a clipping chain reports clipped samples from the processors’ meters', async () => {
    // A 4-listener K371 splitter on a phone clips 4.6 dB under full scale; this input peaks at −1 dBFS.
    const preset = findPreset('phone-four-k371-splitter')!;
    expect(buildReport(preset.setup).clipping.atSignalDbfs).toBeLessThan(-3);
    await writeFile(join(dir, 'hot.wav'), wav(1, 48_000, '16', sineSamples(1000, 10 ** (-1 / 20), 9600, 48_000, 32767)));
    const out = join(dir, 'out-hot');
    expect((await headroom('render', '--preset', preset.id, join(dir, 'hot.wav'), '-o', out)).code).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    for (const listener of summary.listeners) expect(listener.clipCount).toBeGreaterThan(100);
  }, 60_000);

  it('a render of more than 2 s prints a line at every 10 % and a final line on a non-terminal stderr; --quiet prints nothing', async () => {
    const outcome = await headroom('render', join(dir, 'one.json'), join(dir, 'long.wav'), '-o', join(dir, 'out-long'));
    expect(outcome.code).toBe(0);
    const lines = outcome.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => `rendering ${join(dir, 'one.json')}: ${p}% of 10.5 s`));
    expect(lines.at(-1)).toMatch(/^rendering .*one\.json: 10\.5 s of audio in [\d.]+ s \([\d.]+x real time\)$/);
    const quiet = await headroom('render', join(dir, 'one.json'), join(dir, 'long.wav'), '-o', join(dir, 'out-long-quiet'), '--quiet');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  }, 60_000);

  it('a short input prints nothing on stderr', async () => {
    const outcome = await headroom('render', join(dir, 'one.json'), join(dir, 'mono16.wav'), '-o', join(dir, 'out-quiet'));
    expect(outcome.stderr).toBe('');
  }, 60_000);
});

describe('headroom render: bad input exits 2 with one clear line', () => {
  const render = (input: string, ...more: string[]) => headroom('render', join(dir, 'one.json'), join(dir, input), '-o', join(dir, 'out-bad'), ...more);

  it('a missing input file', async () => expectOneLineError(await render('nope.wav'), /nope\.wav: no such file$/), 20_000);
  it('a file that is not a WAV', async () => expectOneLineError(await render('not-a.wav'), /not-a\.wav: not a readable WAV file/), 20_000);
  it('a truncated WAV', async () => expectOneLineError(await render('truncated.wav'), /truncated\.wav: truncated WAV file \(data chunk declares 19200 bytes, only 18200 present\)$/), 20_000);
  it('a WAV with zero samples', async () => expectOneLineError(await render('zero.wav'), /zero\.wav: WAV file has no samples$/), 20_000);
  it('an empty file', async () => expectOneLineError(await render('empty.wav'), /empty\.wav: file is empty, expected a WAV file$/), 20_000);
  it('three channels', async () => expectOneLineError(await render('three.wav'), /three\.wav: has 3 channels; headroom renders mono or stereo files$/), 20_000);
  it('a compressed encoding (mu-law)', async () => expectOneLineError(await render('mulaw.wav'), /mulaw\.wav: unsupported WAV encoding \(format tag 0x0007, µ-law, 8 bits\)/), 20_000);
  it('a sample rate below 8 kHz', async () => expectOneLineError(await render('slow.wav'), /slow\.wav: sample rate 4000 Hz is outside 8000-384000 Hz$/), 20_000);
  it('a bad calibration', async () => expectOneLineError(await render('mono16.wav', '--calibration-db-spl', 'loud'), /--calibration-db-spl must be a number from 40 to 200 \(got "loud"\)$/), 20_000);

  it('missing arguments and a missing setup file', async () => {
    expectOneLineError(await headroom('render', join(dir, 'one.json'), join(dir, 'mono16.wav')), /render needs an output directory: -o <dir>$/);
    expectOneLineError(await headroom('render', join(dir, 'mono16.wav'), '-o', dir), /render needs a setup file and an input WAV/);
    expectOneLineError(await headroom('render', join(dir, 'nope.json'), join(dir, 'mono16.wav'), '-o', dir), /nope\.json: no such file$/);
  }, 30_000);
});
