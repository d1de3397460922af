/**
 * Speech-band noise: the pink noise of pink-noise.ts band-limited to the telephone band,
 * 300 Hz–3.4 kHz (ITU-T G.712), by 4th-order Butterworth high- and low-pass filters (two
 * cascaded RBJ-cookbook biquads each, Q 0.5412 and 1.3066), then set to its RMS level.
 */
import { TEST_SIGNAL_LEVEL_DBFS, checkLevel, checkSampleRate, checkSeconds, levelName, normalizeRms, sampleCount, type SourceMaterial } from './material.ts';
import { pinkNoiseRaw } from './pink-noise.ts';

export interface SpeechBandNoiseOptions {
  /** RMS level, dBFS (AES17); default −18. */
  levelDbfs?: number;
  seed?: number;
  lowHz?: number;
  highHz?: number;
}

/** Q of the two sections of a 4th-order Butterworth filter: 1/(2 cos(π/8)), 1/(2 cos(3π/8)). */
const BUTTERWORTH4_Q = [0.5411961, 1.3065630];

function biquadInPlace(x: Float64Array, kind: 'low' | 'high', hz: number, q: number, sampleRate: number): void {
  const w0 = (2 * Math.PI * hz) / sampleRate;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const b1 = kind === 'low' ? 1 - cos : -(1 + cos);
  const b0 = kind === 'low' ? b1 / 2 : (1 + cos) / 2;
  const a0 = 1 + alpha;
  const [nb0, nb1, nb2, na1, na2] = [b0 / a0, b1 / a0, b0 / a0, (-2 * cos) / a0, (1 - alpha) / a0];
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const x0 = x[i]!;
    const y0 = nb0 * x0 + nb1 * x1 + nb2 * x2 - na1 * y1 - na2 * y2;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
    x[i] = y0;
  }
}

export function speechBandNoise(sampleRate: number, seconds: number, options: SpeechBandNoiseOptions = {}): SourceMaterial {
  const levelDbfs = options.levelDbfs ?? TEST_SIGNAL_LEVEL_DBFS;
  const lowHz = options.lowHz ?? 300;
  const highHz = options.highHz ?? 3400;
  checkSampleRate(sampleRate);
  checkSeconds(seconds);
  checkLevel(levelDbfs);
  if (!(lowHz > 0 && lowHz < highHz && highHz < sampleRate / 2)) {
    throw new RangeError(`speech band must satisfy 0 < lowHz < highHz < sampleRate/2 (got ${lowHz}–${highHz} Hz at ${sampleRate} Hz)`);
  }
  // Filter a longer stretch and drop the start, so the filters' transient is not in the loop.
  const settle = Math.round(sampleRate * 0.05);
  const length = sampleCount(sampleRate, seconds);
  const x = pinkNoiseRaw(length + settle, options.seed ?? 1);
  for (const q of BUTTERWORTH4_Q) {
    biquadInPlace(x, 'high', lowHz, q, sampleRate);
    biquadInPlace(x, 'low', highHz, q, sampleRate);
  }
  return { name: `Speech-band noise ${levelName(levelDbfs)}`, sampleRate, channels: [normalizeRms(x.subarray(settle), levelDbfs)] };
}
