/**
 * The app's file decoding (ListeningEngine.decodeFile) on the broken and unusual WAV files
 * that tests/cli/bad-audio-files.test.ts feeds to `headroom render`, byte for byte
 * (tests/support/bad-audio-files.ts), in real Chromium: each is refused with
 * `Cannot decode "<name>": <reason>` naming the problem, the current material, position and
 * duration stay, and nothing hangs (each decode is raced against a time limit); 8 kHz and
 * 384 kHz files decode at the context's rate and play at the right pitch and length.
 */
import { describe, expect, it } from 'vitest';
import { setup } from '../support/setups.ts';
import { BAD_SAMPLE_CHANNEL, BAD_SAMPLE_FRAME, rateFile, refusedFiles, type BadFile } from '../support/bad-audio-files.ts';
import { offlineEngine, RATE, sineMaterial } from './engine-harness.ts';

/** Chromium decodes 0.1 s of audio in milliseconds; 10 s allows a loaded machine. */
const DECODE_LIMIT_MS = 10_000;

const files = refusedFiles();
/**
 * Chromium's decodeAudioData resampler, measured here at 1 kHz: from 8 kHz within 0.001 dB,
 * from 384 kHz 0.39 dB low (reported: the CLI renders such a file at its own rate, so app and
 * CLI differ by that much). That is the browser's conversion; the bounds pin what it does today.
 */
const LEVEL_TOLERANCE_DB: Record<number, number> = { 8000: 0.05, 384_000: 0.5 };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const buffer = (file: BadFile): ArrayBuffer => file.bytes.slice().buffer;

async function settled<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: Error }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${DECODE_LIMIT_MS} ms`)), DECODE_LIMIT_MS)));
  try {
    return { ok: true, value: await Promise.race([promise, limit]) };
  } catch (error) {
    return { ok: false, error: error as Error };
  } finally {
    clearTimeout(timer);
  }
}

/** Expected reason per refused file (the same problem as in the CLI's message where the cause is the same). */
const reasons: Record<string, RegExp> = {
  truncatedData: /truncated WAV file \(data chunk declares 19200 bytes, only 9200 present\)/,
  truncatedHeader: /truncated or damaged WAV file \(no "data" chunk in its 30 bytes\)/,
  // Not RIFF: left to the browser, which cannot decode it.
  wrongMagic: /.+ \(not an audio format this browser can decode\)/,
  notWave: /.+ \(not an audio format this browser can decode\)/,
  empty: /the file is empty/,
  zeroFrames: /it holds no samples/,
  claimsHours: /truncated WAV file \(data chunk declares 4294967280 bytes, only 19200 present\)/,
  nanSample: new RegExp(`sample ${BAD_SAMPLE_FRAME} of channel ${BAD_SAMPLE_CHANNEL + 1} \\(at 0\\.026 s\\) is NaN; samples must be finite numbers`),
  infSample: new RegExp(`sample ${BAD_SAMPLE_FRAME} of channel ${BAD_SAMPLE_CHANNEL + 1} \\(at 0\\.026 s\\) is -Infinity; samples must be finite numbers`),
  // Chromium decodes all 32 channels; Headroom refuses them by count.
  channels32: /it has 32 channels; Headroom plays mono or stereo files/,
};

describe('decodeFile refuses broken audio files and keeps what was playing', () => {
  it('refuses each with "Cannot decode <name>: <reason>" in bounded time; material, position and duration stay', async () => {
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    const current = sineMaterial(440, -6, 2);
    engine.setMaterial(current);
    engine.seek(1.25);
    const seen: string[] = [];
    for (const [key, file] of Object.entries(files)) {
      const outcome = await settled(engine.decodeFile(buffer(file), file.name));
      expect(outcome.ok, `${file.name} was accepted`).toBe(false);
      const message = outcome.ok ? '' : outcome.error.message;
      seen.push(message);
      expect(message, key).toMatch(new RegExp(`^Cannot decode "${escape(file.name)}": ${reasons[key]!.source}$`));
      expect(engine.material).toBe(current);
      expect(engine.position).toBe(1.25);
      expect(engine.duration).toBe(2);
    }
    console.info(`bad audio files in Chromium:\n  ${seen.join('\n  ')}`);
    await engine.dispose();
  });
});

describe('decodeFile handles the edge rates', () => {
  it('8 kHz and 384 kHz files decode at the context rate, 0.1 s long, a 1 kHz sine at its level, and load as material', async () => {
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    for (const rate of [8000, 384_000]) {
      const file = rateFile(rate);
      const outcome = await settled(engine.decodeFile(buffer(file), file.name));
      expect(outcome.ok, outcome.ok ? '' : outcome.error.message).toBe(true);
      if (!outcome.ok) continue;
      const material = outcome.value;
      expect(material.sampleRate).toBe(RATE);
      expect(material.channels).toHaveLength(1);
      // decodeAudioData resamples to the context's rate: the length in seconds is kept (within a sample).
      expect(Math.abs(material.channels[0]!.length - RATE / 10)).toBeLessThanOrEqual(1);
      // Away from the resampler's edges: the 1 kHz sine's RMS over 48 whole cycles, and its frequency,
      // 96 zero crossings in 48 ms (1 kHz has 2 per ms).
      const middle = material.channels[0]!.subarray(RATE / 100, RATE / 100 + (48 * RATE) / 1000);
      const rmsDb = 10 * Math.log10(middle.reduce((sum, v) => sum + v * v, 0) / middle.length / (0.25 ** 2 / 2));
      console.info(`${file.name}: 1 kHz level ${rmsDb.toFixed(3)} dB re the file's`);
      expect(Math.abs(rmsDb)).toBeLessThan(LEVEL_TOLERANCE_DB[rate]!);
      let crossings = 0;
      for (let i = 1; i < middle.length; i++) if (middle[i - 1]! < 0 !== middle[i]! < 0) crossings++;
      expect(Math.abs(crossings - 96)).toBeLessThanOrEqual(1);
      engine.setMaterial(material);
      expect(engine.material).toBe(material);
      expect(engine.duration).toBeCloseTo(0.1, 3);
    }
    await engine.dispose();
  });
});
