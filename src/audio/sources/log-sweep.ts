/**
 * Exponential (logarithmic) sine sweep after A. Farina, "Simultaneous measurement of impulse
 * response and distortion with a swept-sine technique" (AES 108th Convention, 2000):
 *
 *     x(t) = A·sin( 2π·f1·L·(e^{t/L} − 1) ),   L = T / ln(f2/f1)
 *
 * so the instantaneous frequency is f(t) = f1·e^{t/L} = f1·(f2/f1)^{t/T}: f1 at the start, the
 * geometric mean √(f1·f2) half-way, f2 at the end, and equal time per octave. It starts at
 * phase 0 (no click); the last `fadeOutSeconds` (default 10 ms, a raised-cosine) take it to
 * zero, so looping it does not click either. The fade does not move the frequency.
 */
import { raisedCosineAt } from '../../math/raised-cosine.ts';
import { TEST_SIGNAL_LEVEL_DBFS, checkLevel, checkSampleRate, checkSeconds, levelName, sampleCount, type SourceMaterial } from './material.ts';

export interface LogSweepOptions {
  /** Default 20 Hz. */
  startHz?: number;
  /** Default 20 kHz (capped below half the sample rate is an error, not a silent change). */
  endHz?: number;
  /** Level of the sweep's amplitude, dBFS (AES17); default −18 (see material.ts). */
  levelDbfs?: number;
  /** Raised-cosine fade at the end, s; default 0.01. */
  fadeOutSeconds?: number;
}

/** The sweep's instantaneous frequency at time t (s): the formula the samples follow. */
export function logSweepFrequency(t: number, seconds: number, startHz: number, endHz: number): number {
  return startHz * (endHz / startHz) ** (t / seconds);
}

export function logSweep(sampleRate: number, seconds: number, options: LogSweepOptions = {}): SourceMaterial {
  const startHz = options.startHz ?? 20;
  const endHz = options.endHz ?? 20_000;
  const levelDbfs = options.levelDbfs ?? TEST_SIGNAL_LEVEL_DBFS;
  const fadeOutSeconds = options.fadeOutSeconds ?? 0.01;
  checkSampleRate(sampleRate);
  checkSeconds(seconds);
  checkLevel(levelDbfs);
  if (!(startHz > 0 && startHz < endHz && endHz < sampleRate / 2)) {
    throw new RangeError(`sweep must satisfy 0 < startHz < endHz < sampleRate/2 = ${sampleRate / 2} Hz (got ${startHz}–${endHz} Hz)`);
  }
  if (!(fadeOutSeconds >= 0 && fadeOutSeconds <= seconds / 2)) {
    throw new RangeError(`fadeOutSeconds must be from 0 to half the length, ${seconds / 2} s (got ${fadeOutSeconds})`);
  }
  const length = sampleCount(sampleRate, seconds);
  const l = seconds / Math.log(endHz / startHz);
  const amplitude = 10 ** (levelDbfs / 20);
  const fade = Math.round(fadeOutSeconds * sampleRate);
  const samples = new Float32Array(length);
  for (let n = 0; n < length; n++) {
    const t = n / sampleRate;
    let gain = amplitude;
    const fromEnd = length - 1 - n;
    if (fromEnd < fade) gain *= raisedCosineAt(fromEnd, fade);
    samples[n] = gain * Math.sin(2 * Math.PI * startHz * l * Math.expm1(t / l));
  }
  const name = `Log sweep ${startHz}–${endHz} Hz ${levelName(levelDbfs)}`;
  return { name, sampleRate, channels: [samples] };
}
