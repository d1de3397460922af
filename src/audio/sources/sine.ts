/**
 * A loopable sine: a whole number of cycles over the material, so looping it is seamless
 * (sample N would equal sample 0). The phase of sample n is computed as the exact integer
 * (cycles·n mod N)/N, so the samples repeat bit for bit and sample 0 is exactly 0.
 *
 * The length is round(seconds·sampleRate) samples; the frequency is the requested one when
 * hz·N/sampleRate is whole (any whole hz over whole seconds), otherwise the nearest
 * frequency that fits a whole number of cycles (at most 1/(2·seconds) Hz away), reported
 * as `hz` on the result.
 */
import { TEST_SIGNAL_LEVEL_DBFS, checkLevel, checkSampleRate, checkSeconds, levelName, sampleCount, type SourceMaterial } from './material.ts';

export interface SineOptions {
  /** Frequency, Hz; default 1000. */
  hz?: number;
  /** Level, dBFS (AES17: amplitude 10^(L/20)); default −18 (see material.ts). */
  levelDbfs?: number;
}

export interface SineMaterial extends SourceMaterial {
  /** The frequency of the samples: cycles·sampleRate/length. */
  hz: number;
  cycles: number;
}

function formatHz(hz: number): string {
  return hz >= 1000 ? `${Number((hz / 1000).toFixed(3))} kHz` : `${Number(hz.toFixed(2))} Hz`;
}

export function sine(sampleRate: number, seconds: number, options: SineOptions = {}): SineMaterial {
  const hz = options.hz ?? 1000;
  const levelDbfs = options.levelDbfs ?? TEST_SIGNAL_LEVEL_DBFS;
  checkSampleRate(sampleRate);
  checkSeconds(seconds);
  checkLevel(levelDbfs);
  if (!Number.isFinite(hz) || hz <= 0 || hz >= sampleRate / 2) {
    throw new RangeError(`hz must be > 0 and below half the sample rate, ${sampleRate / 2} Hz (got ${hz})`);
  }
  const length = sampleCount(sampleRate, seconds);
  const cycles = Math.max(1, Math.round((hz * length) / sampleRate));
  const amplitude = 10 ** (levelDbfs / 20);
  const samples = new Float32Array(length);
  // phase index = cycles·n mod length, stepped so it stays an exact small integer at any length.
  for (let n = 0, index = 0; n < length; n++, index = (index + cycles) % length) samples[n] = amplitude * Math.sin((2 * Math.PI * index) / length);
  const actualHz = (cycles * sampleRate) / length;
  return { name: `Sine ${formatHz(actualHz)} ${levelName(levelDbfs)}`, sampleRate, channels: [samples], hz: actualHz, cycles };
}
