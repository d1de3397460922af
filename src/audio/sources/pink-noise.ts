/**
 * Pink noise (power falling 3.01 dB per octave): Paul Kellet's "refined" filter (music-dsp
 * mailing list, 1999), six one-pole sections plus a direct path summed over white noise,
 * within ±0.05 dB of a 1/f power slope from 9.2 Hz to the top of the band at 44.1 kHz.
 * Its poles are fixed numbers, so at other rates the pink band scales with the rate: at
 * 48–96 kHz it still covers 20 Hz–20 kHz (the low corner moves up to 10–20 Hz).
 * The white noise comes from a seeded generator, so the same arguments give the same samples.
 */
import {
  TEST_SIGNAL_LEVEL_DBFS,
  checkLevel,
  checkSampleRate,
  checkSeconds,
  levelName,
  normalizeRms,
  sampleCount,
  seededUniform,
  type SourceMaterial,
} from './material.ts';

export interface PinkNoiseOptions {
  /** RMS level, dBFS (AES17); default −18 (see material.ts). */
  levelDbfs?: number;
  /** Seed of the white noise; default 1. */
  seed?: number;
}

/** Samples the filter runs before output starts, so its slowest pole (τ ≈ 880 samples) has settled. */
const WARM_UP = 8192;

/** Unscaled pink noise in double precision (mean removed). */
export function pinkNoiseRaw(length: number, seed: number): Float64Array {
  const white = seededUniform(seed);
  const out = new Float64Array(length);
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  let mean = 0;
  for (let i = -WARM_UP; i < length; i++) {
    const w = white();
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    const pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
    if (i >= 0) {
      out[i] = pink;
      mean += pink;
    }
  }
  mean /= length;
  for (let i = 0; i < length; i++) out[i]! -= mean;
  return out;
}

/** Mono pink noise whose RMS reads exactly `levelDbfs` (AES17). */
export function pinkNoise(sampleRate: number, seconds: number, options: PinkNoiseOptions = {}): SourceMaterial {
  const levelDbfs = options.levelDbfs ?? TEST_SIGNAL_LEVEL_DBFS;
  checkSampleRate(sampleRate);
  checkSeconds(seconds);
  checkLevel(levelDbfs);
  const raw = pinkNoiseRaw(sampleCount(sampleRate, seconds), options.seed ?? 1);
  return { name: `Pink noise ${levelName(levelDbfs)}`, sampleRate, channels: [normalizeRms(raw, levelDbfs)] };
}
