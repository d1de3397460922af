/**
 * `headroom render` on broken and unusual WAV files, built byte by byte
 * (tests/support/bad-audio-files.ts), through the real bin in a child process. Every
 * refused file exits with status 2 and one stderr line that names the problem; the edge
 * rates render. Each child is killed after CHILD_TIMEOUT_MS, and the test checks it was
 * not: "never hangs" is a measured bound, not a hope.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import { BAD_SAMPLE_CHANNEL, BAD_SAMPLE_FRAME, rateFile, refusedFiles, wavBytes, pcm16, sine, float32 } from '../support/bad-audio-files.ts';
import { expectOneLineError, type Outcome } from '../support/cli.ts';

const BIN = fileURLToPath(new URL('../../bin/headroom.js', import.meta.url));
/**
 * tsx start-up is ~0.5 s and a refusal needs no rendering: 30 s allows a loaded 2-core machine.
 * A render of 0.1 s takes ~1 s, but node-web-audio-api's worklet thread can stall when both
 * cores are busy (measured here: over 30 s for the 384 kHz file under load): 120 s.
 */
const CHILD_TIMEOUT_MS = 30_000;
const RENDER_TIMEOUT_MS = 120_000;
const PRESET = 'phone-hd600';

interface TimedOutcome extends Outcome {
  killed: boolean;
  seconds: number;
}

function render(input: string, out: string, timeoutMs = CHILD_TIMEOUT_MS): Promise<TimedOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'render', '--preset', PRESET, input, '-o', out],
      { env: { ...process.env, NO_COLOR: '1' }, timeout: timeoutMs, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number; killed?: boolean }) | null;
        resolve({ code: e ? (e.code ?? -1) : 0, killed: e?.killed ?? false, stdout, stderr, seconds: (performance.now() - started) / 1000 });
      },
    );
  });
}

let dir: string;
const files = refusedFiles();
const extra = {
  mp3InWav: { name: 'mp3-in-wav.wav', bytes: wavBytes({ formatTag: 0x55, channels: 1, sampleRateHz: 44_100, bitsPerSample: 16, data: pcm16(441, 1, sine(1000, 44_100)) }) },
  float16: { name: 'float16.wav', bytes: wavBytes({ formatTag: 3, channels: 1, sampleRateHz: 48_000, bitsPerSample: 16, data: pcm16(480, 1, sine(1000, 48_000)) }) },
  // EXTENSIBLE with the float sub-format: the Inf must be found, not read as a 32-bit integer.
  extensibleFloatInf: {
    name: 'extensible-float-inf.wav',
    bytes: wavBytes({ formatTag: 0xfffe, subFormat: 3, channels: 2, sampleRateHz: 48_000, bitsPerSample: 32, data: float32(480, 2, (i, c) => (i === 7 && c === 0 ? Infinity : 0.1)) }),
  },
  sampleRate4k: rateFile(4000),
  sampleRate768k: rateFile(768_000),
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'headroom-bad-audio-'));
  for (const file of [...Object.values(files), ...Object.values(extra), rateFile(8000), rateFile(384_000)]) await writeFile(join(dir, file.name), file.bytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Exit 2, one line `headroom: <file>: <reason>`, no stack, and it finished on its own. */
async function expectRefused(file: { name: string }, reason: RegExp): Promise<void> {
  const outcome = await render(join(dir, file.name), join(dir, `out-${file.name}`));
  expect(outcome.killed, `${file.name}: the child was killed after ${CHILD_TIMEOUT_MS} ms`).toBe(false);
  const escaped = file.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expectOneLineError(outcome, new RegExp(`^headroom: .*${escaped}: ${reason.source}$`));
}

describe('headroom render refuses broken audio files: exit 2, one line naming the problem, in bounded time', () => {
  it('a file cut inside its samples', async () => expectRefused(files.truncatedData!, /truncated WAV file \(data chunk declares 19200 bytes, only 9200 present\)/), 40_000);
  it('a file cut inside its header', async () => expectRefused(files.truncatedHeader!, /not a readable WAV file \(its "fmt " chunk is cut short; only 30 bytes\)/), 40_000);
  it('a file that does not start with RIFF (an MP3 tag)', async () => expectRefused(files.wrongMagic!, /not a readable WAV file \(starts with "ID3\?", expected "RIFF"\)/), 40_000);
  it('a RIFF file that is not WAVE', async () => expectRefused(files.notWave!, /not a readable WAV file \(a RIFF file of type "AVI ", expected "WAVE"\)/), 40_000);
  it('a zero-length file', async () => expectRefused(files.empty!, /file is empty, expected a WAV file/), 40_000);
  it('a valid header with zero frames', async () => expectRefused(files.zeroFrames!, /WAV file has no samples/), 40_000);
  it('a header that claims hours of audio (data size 0xFFFFFFF0) in a 0.1 s file: refused before any allocation', async () => {
    await expectRefused(files.claimsHours!, /truncated WAV file \(data chunk declares 4294967280 bytes, only 19200 present\)/);
  }, 40_000);
  it('a NaN float sample: refused with its sample index, channel and time, never silently replaced', async () => {
    await expectRefused(files.nanSample!, new RegExp(`sample ${BAD_SAMPLE_FRAME} of channel ${BAD_SAMPLE_CHANNEL + 1} \\(at 0\\.026 s\\) is NaN; float samples must be finite numbers`));
  }, 40_000);
  it('an infinite float sample, also in a WAVE_FORMAT_EXTENSIBLE float file', async () => {
    await expectRefused(files.infSample!, new RegExp(`sample ${BAD_SAMPLE_FRAME} of channel ${BAD_SAMPLE_CHANNEL + 1} \\(at 0\\.026 s\\) is -Infinity; float samples must be finite numbers`));
    await expectRefused(extra.extensibleFloatInf, /sample 7 of channel 1 \(at 0\.000 s\) is Infinity; float samples must be finite numbers/);
  }, 60_000);
  it('32 channels', async () => expectRefused(files.channels32!, /has 32 channels; headroom renders mono or stereo files/), 40_000);
  it('an encoding other than PCM or float, whatever its bit depth says (MP3 in WAV, 16-bit float)', async () => {
    await expectRefused(extra.mp3InWav, /unsupported WAV encoding \(format tag 0x0055, MP3, 16 bits\); use 8-32 bit integer PCM or 32\/64-bit float/);
    await expectRefused(extra.float16, /unsupported WAV encoding \(16-bit float\); use 8-32 bit integer PCM or 32\/64-bit float/);
  }, 60_000);
  it('rates outside 8-384 kHz, with the supported range', async () => {
    await expectRefused(extra.sampleRate4k, /sample rate 4000 Hz is outside 8000-384000 Hz/);
    await expectRefused(extra.sampleRate768k, /sample rate 768000 Hz is outside 8000-384000 Hz/);
  }, 60_000);
});

describe('headroom render handles the edge rates', () => {
  // 0.1 s of a 1 kHz sine at a 0.25 peak (−12.04 dBFS): the model's 1 kHz SPL at that level.
  const setup = findPreset(PRESET)!.setup;
  const expectedDbfs = buildReport({ ...setup, signal: { levelDbfs: 20 * Math.log10(0.25) } }).headphones[0]!.splDb - 120;

  for (const rate of [8000, 384_000]) {
    it(`${rate / 1000} kHz renders at its own rate, at the model's level`, async () => {
      const file = rateFile(rate);
      const out = join(dir, `out-${file.name}`);
      const outcome = await render(join(dir, file.name), out, RENDER_TIMEOUT_MS);
      expect(outcome.killed, `killed after ${RENDER_TIMEOUT_MS} ms`).toBe(false);
      expect(outcome.code, outcome.stderr).toBe(0);
      const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
        input: { sampleRateHz: number; frames: number };
        listeners: { levelDbfs: number; clipCount: number }[];
      };
      expect(summary.input).toMatchObject({ sampleRateHz: rate, frames: rate / 10 });
      // Within 0.05 dB over the whole file, onset included (as tests/cli/render.test.ts measures at 48 kHz);
      // the 16-bit quantization of a −12 dBFS sine changes its RMS by < 0.001 dB.
      expect(Math.abs(summary.listeners[0]!.levelDbfs - expectedDbfs)).toBeLessThan(0.05);
      expect(summary.listeners[0]!.clipCount).toBe(0);
    }, RENDER_TIMEOUT_MS + 30_000);
  }
});
