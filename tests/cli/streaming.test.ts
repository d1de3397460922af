/**
 * `headroom render` streams: a render of many chunks (input read ahead, outputs written
 * while the next chunk renders) writes exactly the samples the same chain gives when the
 * whole input is rendered in memory, in order, at the right offsets.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOAT_WAV_HEADER_BYTES } from '../../src/audio/engine/wav-export.ts';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { compile } from '../../src/model/compile.ts';
import { pcm16, wavBytes } from '../support/bad-audio-files.ts';
import { headroom } from '../support/cli.ts';
import { mulberry32 } from '../../src/math/random.ts';
import { renderArrays } from '../support/render-arrays.ts';

const RATE = 8000;
/** 80 s at 8 kHz: 640 000 frames, twenty chunks of the direct host (a twentieth of the render each) and a partial last block. */
const FRAMES = 80 * RATE;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'headroom-streaming-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a long render through the CLI', () => {
  it('writes the in-memory render’s samples exactly, for every listener, across chunk boundaries', async () => {
    const random = mulberry32(80);
    const pcm = pcm16(FRAMES, 1, (i) => 0.3 * Math.sin(i / 7) + 0.1 * (2 * random() - 1));
    await writeFile(join(dir, 'long.wav'), wavBytes({ channels: 1, sampleRateHz: RATE, bitsPerSample: 16, data: pcm }));
    const preset = 'laptop-splitter-two-m50x';
    const outcome = await headroom('render', '--preset', preset, join(dir, 'long.wav'), '-o', join(dir, 'out'), '--quiet');
    expect(outcome.code, outcome.stderr).toBe(0);

    const input = new Float32Array(FRAMES);
    const view = new DataView(pcm.buffer);
    for (let i = 0; i < FRAMES; i++) input[i] = view.getInt16(2 * i, true) / 32768;
    const expected = await renderArrays(compile(findPreset(preset)!.setup, RATE), [input], 'direct');
    const summary = JSON.parse(await readFile(join(dir, 'out', 'summary.json'), 'utf8')) as { listeners: { file: string }[] };
    for (const [i, listener] of summary.listeners.entries()) {
      const bytes = await readFile(join(dir, 'out', listener.file));
      expect(bytes.length).toBe(FLOAT_WAV_HEADER_BYTES + FRAMES * 2 * 4);
      const samples = new Float32Array(new Uint8Array(bytes.subarray(FLOAT_WAV_HEADER_BYTES)).buffer);
      let mismatches = 0;
      for (let k = 0; k < FRAMES; k++) {
        if (samples[2 * k] !== expected.listeners[i]![0]![k] || samples[2 * k + 1] !== expected.listeners[i]![1]![k]) mismatches++;
      }
      expect(mismatches).toBe(0);
    }
  }, 120_000);
});
