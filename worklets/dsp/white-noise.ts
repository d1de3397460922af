/**
 * A stage's hiss: Gaussian white noise, independent in left and right, added to a stereo
 * signal at an RMS level per sample (docs/model.md 13.3: a flat density N V²/Hz is
 * σ = √(N·fs/2) per sample, white from 0 to fs/2).
 *
 * Uniform 32-bit numbers from xoshiro128** (D. Blackman & S. Vigna, "Scrambled linear
 * pseudorandom number generators", 2018; seeded through splitmix32), turned into pairs of
 * normal samples by the Box–Muller transform (G. E. P. Box & M. E. Muller, 1958): one of each
 * pair for the left channel, the other for the right, so the channels are independent. A new
 * level ramps over 20 ms on a raised cosine (CosineSmoother); at level 0 the stage adds
 * nothing and costs one check. No allocation after construction.
 */
import { CosineSmoother } from './smoother.ts';

const TWO_PI = 2 * Math.PI;
/** 2^-32: maps a 32-bit integer plus ½ into (0, 1). */
const UNIT = 1 / 4294967296;

export class StereoHiss {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private readonly level: CosineSmoother;
  private readonly levels: Float64Array;

  constructor(sampleRateHz: number, rampMs: number, maxBlockLength: number, seed: number, sigma = 0) {
    // splitmix32 spreads the seed over the four words (never all zero).
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next() | 1;
    this.level = new CosineSmoother(sampleRateHz, rampMs, sigma);
    this.levels = new Float64Array(maxBlockLength);
  }

  /** The RMS per sample (volts); `immediate` jumps there (before audio starts). */
  setLevel(sigma: number, immediate = false): void {
    this.level.setTarget(sigma, immediate);
  }

  get silent(): boolean {
    return this.level.isSettled && this.level.value === 0;
  }

  /** A uniform number in (0, 1). */
  uniform(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return (result + 0.5) * UNIT;
  }

  /** Adds the hiss to `length` samples of both channels. */
  add(left: Float64Array, right: Float64Array, length: number): void {
    if (this.silent) return;
    const levels = this.levels;
    this.level.fill(levels, length);
    for (let i = 0; i < length; i++) {
      const radius = levels[i]! * Math.sqrt(-2 * Math.log(this.uniform()));
      const angle = TWO_PI * this.uniform();
      left[i] = left[i]! + radius * Math.cos(angle);
      right[i] = right[i]! + radius * Math.sin(angle);
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
