/**
 * ITU-R BS.1770-4 K-weighting and the 100 ms hops of its 400 ms gating blocks, host-free.
 *
 * K-weighting is two biquads: a high shelf (+4 dB above ~1.5 kHz, the head's acoustic
 * effect) and a high-pass ("RLB", ~38 Hz). BS.1770-4 Tables 1 and 2 give the coefficients
 * only at 48 kHz. For any other rate we re-derive them from the analog prototypes those
 * tables come from, with the pre-warped bilinear transform (the derivation libebur128 and
 * pyloudnorm use); at 48 kHz it reproduces the tables to ~1e-8 (tests/engine/k-weighting).
 *
 *   shelf:     f0 = 1681.974450955533 Hz, G = 3.999843853973347 dB, Q = 0.7071752369554196
 *   high-pass: f0 = 38.13547087602444 Hz, Q = 0.5003270373238773
 *
 * The filter keeps its state in doubles: the high-pass pole pair sits 0.01 from z = 1 at
 * 48 kHz, where single precision would add noise to a −70 LUFS gate.
 */

export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export interface KWeightingCoefficients {
  shelf: Biquad;
  highPass: Biquad;
}

const SHELF_HZ = 1681.974450955533;
const SHELF_GAIN_DB = 3.999843853973347;
const SHELF_Q = 0.7071752369554196;
const HIGH_PASS_HZ = 38.13547087602444;
const HIGH_PASS_Q = 0.5003270373238773;

/** The two K-weighting biquads at `sampleRateHz` (a0 normalised to 1). */
export function kWeightingCoefficients(sampleRateHz: number): KWeightingCoefficients {
  if (!(sampleRateHz > 2 * SHELF_HZ)) throw new RangeError(`sampleRateHz must be > ${2 * SHELF_HZ} Hz (got ${sampleRateHz})`);
  const k1 = Math.tan((Math.PI * SHELF_HZ) / sampleRateHz);
  const vh = 10 ** (SHELF_GAIN_DB / 20);
  const vb = vh ** 0.4996667741545416;
  const d1 = 1 + k1 / SHELF_Q + k1 * k1;
  const shelf: Biquad = {
    b0: (vh + (vb * k1) / SHELF_Q + k1 * k1) / d1,
    b1: (2 * (k1 * k1 - vh)) / d1,
    b2: (vh - (vb * k1) / SHELF_Q + k1 * k1) / d1,
    a1: (2 * (k1 * k1 - 1)) / d1,
    a2: (1 - k1 / SHELF_Q + k1 * k1) / d1,
  };
  const k2 = Math.tan((Math.PI * HIGH_PASS_HZ) / sampleRateHz);
  const d2 = 1 + k2 / HIGH_PASS_Q + k2 * k2;
  // BS.1770 states the high-pass numerator as 1, −2, 1 (unnormalised); its gain in the
  // pass band is then 1/(1 − a1 + a2)·4 ≈ 1.0000 — kept as published so the 48 kHz
  // figures match the standard's table exactly.
  const highPass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (k2 * k2 - 1)) / d2, a2: (1 - k2 / HIGH_PASS_Q + k2 * k2) / d2 };
  return { shelf, highPass };
}

/** |H(e^jω)| of one biquad at `hz`. */
export function biquadMagnitude(q: Biquad, hz: number, sampleRateHz: number): number {
  const w = (2 * Math.PI * hz) / sampleRateHz;
  const c1 = Math.cos(w);
  const s1 = Math.sin(w);
  const c2 = Math.cos(2 * w);
  const s2 = Math.sin(2 * w);
  const nr = q.b0 + q.b1 * c1 + q.b2 * c2;
  const ni = -(q.b1 * s1 + q.b2 * s2);
  const dr = 1 + q.a1 * c1 + q.a2 * c2;
  const di = -(q.a1 * s1 + q.a2 * s2);
  return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
}

/** K-weighting gain in dB at `hz` (≈ +0.69 dB at 997 Hz: why BS.1770's formula subtracts 0.691). */
export function kWeightingGainDb(hz: number, sampleRateHz: number): number {
  const { shelf, highPass } = kWeightingCoefficients(sampleRateHz);
  return 20 * Math.log10(biquadMagnitude(shelf, hz, sampleRateHz) * biquadMagnitude(highPass, hz, sampleRateHz));
}

/** One channel's K-weighting filter (direct form I, double state). */
export class KWeightingFilter {
  private readonly s: Biquad;
  private readonly h: Biquad;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;
  private z1 = 0;
  private z2 = 0;

  constructor(sampleRateHz: number) {
    const { shelf, highPass } = kWeightingCoefficients(sampleRateHz);
    this.s = shelf;
    this.h = highPass;
  }

  /** Filters `length` samples and returns the sum of the squared K-weighted output. */
  sumOfSquares(input: ArrayLike<number>, length: number): number {
    const { b0, b1, b2, a1, a2 } = this.s;
    const h = this.h;
    let x1 = this.x1, x2 = this.x2, y1 = this.y1, y2 = this.y2, z1 = this.z1, z2 = this.z2;
    let sum = 0;
    for (let i = 0; i < length; i++) {
      const raw = input[i]!;
      const x = raw - raw === 0 ? raw : 0;
      const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      const z = h.b0 * y + h.b1 * y1 + h.b2 * y2 - h.a1 * z1 - h.a2 * z2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      z2 = z1;
      z1 = z;
      sum += z * z;
    }
    // Flush denormals: a filter fed silence decays towards the subnormal range.
    const tiny = 1e-30;
    if (y1 < tiny && y1 > -tiny && y2 < tiny && y2 > -tiny) y1 = y2 = 0;
    if (z1 < tiny && z1 > -tiny && z2 < tiny && z2 > -tiny) z1 = z2 = 0;
    this.x1 = x1; this.x2 = x2; this.y1 = y1; this.y2 = y2; this.z1 = z1; this.z2 = z2;
    return sum;
  }

  reset(): void {
    this.x1 = this.x2 = this.y1 = this.y2 = this.z1 = this.z2 = 0;
  }
}

/**
 * BS.1770's gating blocks: 400 ms long, 75 % overlap, i.e. a new block every 100 ms made of
 * the last four 100 ms hops. Feed the per-channel K-weighted sums of squares; after every
 * completed hop, `blockPower` is Σ over channels (weights G = 1, left and right) of the
 * mean square over the last 400 ms, once four hops exist (the standard's first block ends
 * at 400 ms).
 */
export class GatingBlocks {
  readonly hopSamples: number;
  private readonly hops = new Float64Array(4);
  private filled = 0;
  private next = 0;
  private inHop = 0;
  private sum = 0;
  /** Mean-square sum of the latest complete block, or −1 before the first. */
  blockPower = -1;

  constructor(sampleRateHz: number) {
    this.hopSamples = Math.round(sampleRateHz / 10);
  }

  /** Samples this hop still needs. */
  get remaining(): number {
    return this.hopSamples - this.inHop;
  }

  /** Adds `frames` samples whose (channel-summed) squares sum to `sumOfSquares`; true when a block completed. */
  add(sumOfSquares: number, frames: number): boolean {
    this.sum += sumOfSquares;
    this.inHop += frames;
    if (this.inHop < this.hopSamples) return false;
    this.hops[this.next] = this.sum;
    this.next = (this.next + 1) % 4;
    this.sum = 0;
    this.inHop = 0;
    if (this.filled < 4) this.filled++;
    if (this.filled < 4) return false;
    this.blockPower = (this.hops[0]! + this.hops[1]! + this.hops[2]! + this.hops[3]!) / (4 * this.hopSamples);
    return true;
  }
}
