/**
 * The CLI's WAV reader (src/cli/wav-input.ts), read in small chunks as a render reads it:
 * every accepted encoding gives the samples the file holds, full scale = ±1.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWav } from '../../src/cli/wav-input.ts';
import { wavBytes } from '../support/bad-audio-files.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'headroom-wav-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FRAMES = 1000;
/** A stereo test signal: left a ramp from −1 to just under +1, right its negative. */
const value = (i: number, c: number) => (c === 0 ? 1 : -1) * (-1 + (2 * i) / FRAMES);

/** Interleaved samples of `width` bytes, written by `put(view, at, x)`. */
function samples(width: number, put: (view: DataView, at: number, x: number) => void): Uint8Array {
  const bytes = new Uint8Array(FRAMES * 2 * width);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < FRAMES; i++) for (let c = 0; c < 2; c++) put(view, (i * 2 + c) * width, value(i, c));
  return bytes;
}

const clampInt = (x: number, bits: number) => Math.max(-(2 ** (bits - 1)), Math.min(2 ** (bits - 1) - 1, Math.round(x * 2 ** (bits - 1))));

const cases: { what: string; spec: Parameters<typeof wavBytes>[0]; format: string; step: number }[] = [
  { what: '8-bit integer (offset binary)', spec: { channels: 2, sampleRateHz: 8000, bitsPerSample: 8, data: samples(1, (v, at, x) => v.setUint8(at, clampInt(x, 8) + 128)) }, format: '8-bit integer', step: 1 / 128 },
  { what: '16-bit integer', spec: { channels: 2, sampleRateHz: 44_100, bitsPerSample: 16, data: samples(2, (v, at, x) => v.setInt16(at, clampInt(x, 16), true)) }, format: '16-bit integer', step: 1 / 32768 },
  {
    what: '24-bit integer',
    spec: {
      channels: 2,
      sampleRateHz: 48_000,
      bitsPerSample: 24,
      data: samples(3, (v, at, x) => {
        const n = clampInt(x, 24) & 0xffffff;
        v.setUint8(at, n & 0xff);
        v.setUint8(at + 1, (n >> 8) & 0xff);
        v.setUint8(at + 2, (n >> 16) & 0xff);
      }),
    },
    format: '24-bit integer',
    step: 1 / 8388608,
  },
  { what: '32-bit integer', spec: { channels: 2, sampleRateHz: 96_000, bitsPerSample: 32, data: samples(4, (v, at, x) => v.setInt32(at, clampInt(x, 32), true)) }, format: '32-bit integer', step: 1e-7 },
  { what: '32-bit float', spec: { formatTag: 3, channels: 2, sampleRateHz: 48_000, bitsPerSample: 32, data: samples(4, (v, at, x) => v.setFloat32(at, x, true)) }, format: '32-bit float', step: 1e-7 },
  { what: '64-bit float', spec: { formatTag: 3, channels: 2, sampleRateHz: 192_000, bitsPerSample: 64, data: samples(8, (v, at, x) => v.setFloat64(at, x, true)) }, format: '64-bit float', step: 1e-7 },
  { what: 'WAVE_FORMAT_EXTENSIBLE, 24-bit integer', spec: { formatTag: 0xfffe, subFormat: 1, channels: 2, sampleRateHz: 48_000, bitsPerSample: 24, data: samples(3, (v, at, x) => { const n = clampInt(x, 24) & 0xffffff; v.setUint8(at, n & 0xff); v.setUint8(at + 1, (n >> 8) & 0xff); v.setUint8(at + 2, (n >> 16) & 0xff); }) }, format: '24-bit integer', step: 1 / 8388608 },
  { what: 'WAVE_FORMAT_EXTENSIBLE, 32-bit float', spec: { formatTag: 0xfffe, subFormat: 3, channels: 2, sampleRateHz: 48_000, bitsPerSample: 32, data: samples(4, (v, at, x) => v.setFloat32(at, x, true)) }, format: '32-bit float', step: 1e-7 },
];

describe('the CLI reads every accepted WAV encoding, chunk by chunk', () => {
  it.each(cases.map((c) => [c.what, c] as const))('%s', async (_what, { spec, format, step }) => {
    const path = join(dir, `${format.replace(/\W+/g, '-')}-${spec.formatTag ?? 1}.wav`);
    await writeFile(path, wavBytes(spec));
    const wav = await openWav(path);
    try {
      expect(wav).toMatchObject({ sampleRateHz: spec.sampleRateHz, channelCount: 2, frames: FRAMES, format, isFile: true });
      const left = new Float32Array(FRAMES);
      const right = new Float32Array(FRAMES);
      // Odd chunk sizes: the reader must carry nothing over wrongly between reads.
      for (let at = 0, n = 77; at < FRAMES; at += n) {
        const count = Math.min(n, FRAMES - at);
        await wav.read([left.subarray(at, at + count), right.subarray(at, at + count)], count);
      }
      let worst = 0;
      for (let i = 0; i < FRAMES; i++) worst = Math.max(worst, Math.abs(left[i]! - value(i, 0)), Math.abs(right[i]! - value(i, 1)));
      // Within one quantization step of the format, or float32's rounding (2^-24 relative) where that is coarser.
      expect(worst).toBeLessThanOrEqual(step);
    } finally {
      await wav.close();
    }
  });
});
