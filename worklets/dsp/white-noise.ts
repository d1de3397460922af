/**
 * A stage's hiss: Gaussian white noise, independent in left and right, added to a stereo
 * signal at an RMS level per sample (docs/model.md 14.3: a flat density N V²/Hz is
 * σ = √(N·fs/2) per sample, white from 0 to fs/2).
 *
 * Uniform 32-bit numbers from xoshiro128** (D. Blackman & S. Vigna, "Scrambled linear
 * pseudorandom number generators", 2018; seeded through splitmix32), one per sample and
 * channel, so left and right are independent. Each picks, by its top 13 bits, one of 8192
 * equiprobable normal values: the standard normal quantiles at (k + ½)/8192 (Acklam's inverse
 * normal CDF), scaled to unit RMS. The samples are independent, so the noise is white; their
 * distribution is the normal one to 1/8192 in probability, cut at ±3.8σ, which no ear tells from
 * Gaussian hiss. It costs a table read per sample where Box–Muller (G. E. P. Box & M. E. Muller,
 * 1958) costs a log, a square root, a sine and a cosine per pair: measured in docs/dsp.md §6a. A new level ramps over 20 ms on a raised cosine (CosineSmoother); at
 * level 0 the stage adds nothing and costs one check. No allocation after construction.
 */
import { CosineSmoother } from './smoother.ts';

/** 2^-32: maps a 32-bit integer plus ½ into (0, 1). */
const UNIT = 1 / 4294967296;
const TABLE_BITS = 13;
const TABLE_SIZE = 1 << TABLE_BITS;

/**
 * Φ⁻¹(p), the standard normal quantile, by P. J. Acklam's rational approximation (relative
 * error below 1.15e-9), at table-building time only.
 */
function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

let normalTable: Float64Array | null = null;
/** The 8192 equiprobable normal values, scaled to unit RMS (built once per scope). */
function normals(): Float64Array {
  if (normalTable) return normalTable;
  const table = new Float64Array(TABLE_SIZE);
  let power = 0;
  for (let k = 0; k < TABLE_SIZE; k++) {
    table[k] = normalQuantile((k + 0.5) / TABLE_SIZE);
    power += table[k]! * table[k]!;
  }
  const scale = 1 / Math.sqrt(power / TABLE_SIZE);
  for (let k = 0; k < TABLE_SIZE; k++) table[k] = table[k]! * scale;
  normalTable = table;
  return table;
}

export class StereoHiss {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private readonly level: CosineSmoother;
  private readonly levels: Float64Array;
  private readonly normals = normals();

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

  /** The next 32-bit output of xoshiro128**, as an unsigned integer. */
  private next(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform number in (0, 1). */
  uniform(): number {
    return (this.next() + 0.5) * UNIT;
  }

  /** Adds the hiss to `length` samples of both channels. */
  add(left: Float64Array, right: Float64Array, length: number): void {
    if (this.silent) return;
    const levels = this.levels;
    const table = this.normals;
    this.level.fill(levels, length);
    const shift = 32 - TABLE_BITS;
    for (let i = 0; i < length; i++) {
      const sigma = levels[i]!;
      left[i] = left[i]! + sigma * table[this.next() >>> shift]!;
      right[i] = right[i]! + sigma * table[this.next() >>> shift]!;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
