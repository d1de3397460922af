/**
 * Built-in sound material: plain sample arrays, ready for an AudioBuffer or a WAV.
 *
 * Levels use the project's one convention (as `headroom render` and the model's signal level):
 * dBFS is RMS relative to a full-scale sine (AES17), so a sine of amplitude 1 reads 0 dBFS and
 * a sine at L dBFS has amplitude 10^(L/20). Noise at L dBFS has RMS 10^(L/20)/√2.
 *
 * Default levels, and why:
 * - sine, log sweep, pink noise, speech-band noise: −18 dBFS. The EBU R68 alignment level
 *   (−18 dBFS ≙ 0 dBu), so a test signal sits where program material averages and
 *   all built-in test signals are about equally loud when switching. Pink noise at −18 dBFS
 *   RMS peaks at −7.9 dBFS over 20 s (crest factor 13 dB over its plain RMS of −21 dBFS),
 *   far from clipping the source.
 * - demo track: peak −3 dBFS. Music is normalized by its peak; 3 dB below full scale leaves room
 *   for inter-sample peaks and resampling without clipping, and its RMS (measured −16.7 dBFS
 *   AES17) lands within 2 dB of the test signals'.
 * With the default calibration (0 dBFS ↔ 120 dB SPL) −18 dBFS stands for 102 dB SPL: the
 * app's listening-level control, not the material, sets what reaches the ears.
 */
import { mulberry32 } from '../../math/random.ts';
export interface SourceMaterial {
  /** Readable name, e.g. "Pink noise −18 dBFS". */
  name: string;
  sampleRate: number;
  /** One array per channel, all the same length; mono material has one. */
  channels: Float32Array[];
}

/** The default level of the built-in test signals (EBU R68 alignment level). */
export const TEST_SIGNAL_LEVEL_DBFS = -18;

export function checkSampleRate(sampleRate: number): void {
  if (!Number.isFinite(sampleRate) || sampleRate < 8000 || sampleRate > 384_000) {
    throw new RangeError(`sampleRate must be from 8000 to 384000 Hz (got ${sampleRate})`);
  }
}

/** Material is held in memory and looped: 2 minutes is plenty and bounds the memory it takes. */
export function checkSeconds(seconds: number, max = 120): void {
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > max) {
    throw new RangeError(`seconds must be > 0 and ≤ ${max} (got ${seconds})`);
  }
}

export function checkLevel(levelDbfs: number): void {
  if (!Number.isFinite(levelDbfs) || levelDbfs < -120 || levelDbfs > 0) {
    throw new RangeError(`levelDbfs must be from −120 to 0 dBFS (got ${levelDbfs})`);
  }
}

/** Sample count for a length in seconds (at least 1). */
export function sampleCount(sampleRate: number, seconds: number): number {
  return Math.max(1, Math.round(sampleRate * seconds));
}

/** RMS level in dBFS (AES17: a full-scale sine reads 0 dBFS). */
export function rmsDbfs(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return 20 * Math.log10(Math.sqrt(sum / samples.length) * Math.SQRT2);
}

/** Peak level in dBFS (0 dBFS = |sample| of 1). */
export function peakDbfs(channels: readonly ArrayLike<number>[]): number {
  let peak = 0;
  for (const ch of channels) for (let i = 0; i < ch.length; i++) peak = Math.max(peak, Math.abs(ch[i]!));
  return 20 * Math.log10(peak);
}

/** Scales `samples` in place (computed in double precision) so its RMS reads `levelDbfs`. */
export function normalizeRms(samples: Float64Array, levelDbfs: number): Float32Array {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  const rms = Math.sqrt(sum / samples.length);
  const gain = rms > 0 ? 10 ** (levelDbfs / 20) / Math.SQRT2 / rms : 0;
  return Float32Array.from(samples, (s) => s * gain);
}

/** Name fragment: −18 dBFS with a true minus. */
export function levelName(levelDbfs: number): string {
  return `${levelDbfs < 0 ? '\u2212' : ''}${Math.abs(Math.round(levelDbfs * 10) / 10)} dBFS`;
}

/** Uniform numbers in [−1, 1) from a seeded PRNG (mulberry32): deterministic noise. */
export function seededUniform(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() * 2 - 1;
}
