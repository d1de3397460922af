/**
 * A long file through `headroom render` in bounded memory: the real command in a child
 * process renders SOAK_SECONDS of stereo 48 kHz audio (the hour with `npm run soak`, 10
 * minutes in `npm test`) through a two-listener splitter, reading, rendering and writing a
 * chunk at a time. Its peak resident memory (VmHWM, read from /proc while it runs) must stay
 * under 300 MB: holding the hour would take 1.4 GB for the input alone, and 5.5 GB for the
 * two outputs. The outputs are checked for length, the summary for the frame count; the
 * files are removed afterwards. Measured figures: docs/decisions.md, "Long renders in
 * bounded memory".
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOAT_WAV_HEADER_BYTES } from '../../src/audio/engine/wav-export.ts';
import { wavBytes } from '../support/bad-audio-files.ts';
import { headroomMeasured } from '../support/measured-child.ts';
import { mulberry32 } from '../../src/math/random.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 3600);
const RATE = 48_000;
const MEMORY_LIMIT_MB = 300;
/** About 200× real time on the direct host here; a 20× floor for a loaded machine, plus start-up. */
const TIMEOUT_MS = (SECONDS / 20 + 60) * 1000;

let dir: string;
let input: string;

/** SECONDS of 16-bit stereo: a −20 dBFS sine on the left and noise on the right, written a second at a time. */
async function writeLongWav(path: string): Promise<void> {
  const frames = SECONDS * RATE;
  const header = wavBytes({ channels: 2, sampleRateHz: RATE, bitsPerSample: 16, data: new Uint8Array(0), declaredDataBytes: frames * 4 });
  const out = createWriteStream(path);
  const write = (bytes: Uint8Array) => new Promise<void>((resolve, reject) => out.write(bytes, (error) => (error ? reject(error) : resolve())));
  await write(header);
  const random = mulberry32(3600);
  const second = new Int16Array(RATE * 2);
  for (let s = 0; s < SECONDS; s++) {
    for (let i = 0; i < RATE; i++) {
      second[2 * i] = Math.round(3277 * Math.sin((2 * Math.PI * 1000 * i) / RATE));
      second[2 * i + 1] = Math.round(3277 * (2 * random() - 1));
    }
    await write(new Uint8Array(second.buffer));
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'headroom-long-render-'));
  input = join(dir, 'long.wav');
  await writeLongWav(input);
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(`headroom render of ${SECONDS} s of stereo 48 kHz audio`, () => {
  it(`renders every frame with a peak memory under ${MEMORY_LIMIT_MB} MB`, async () => {
    const out = join(dir, 'out');
    const outcome = await headroomMeasured(['render', '--preset', 'laptop-splitter-two-m50x', input, '-o', out, '--quiet'], { timeoutMs: TIMEOUT_MS });
    expect(outcome.killed, `killed after ${TIMEOUT_MS} ms`).toBe(false);
    expect(outcome.code, outcome.stderr).toBe(0);
    console.log(`long render: ${SECONDS} s of audio in ${outcome.seconds.toFixed(1)} s, peak memory ${outcome.peakMb?.toFixed(1) ?? 'unknown'} MB`);
    if (outcome.peakMb !== null) expect(outcome.peakMb).toBeLessThan(MEMORY_LIMIT_MB);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.input.frames).toBe(SECONDS * RATE);
    for (const listener of summary.listeners) {
      expect((await stat(join(out, listener.file))).size).toBe(FLOAT_WAV_HEADER_BYTES + SECONDS * RATE * 2 * 4);
      expect(listener.levelDbfs).toBeGreaterThan(-60);
    }
  }, TIMEOUT_MS + 30_000);
});
