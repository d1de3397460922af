/**
 * Brickwall lookahead limiter, stereo-linked, host-free: |output| ≤ threshold always.
 *
 * Per sample n (x delayed by L − 1 samples on the way out):
 *   r[n] = min(1, T / max_c |x_c[n]|)                  gain this sample needs
 *   h[n] = min(r[n−L+1 … n])                           held over the lookahead (sliding min)
 *   e[n] = h[n] if h[n] < e[n−1], else e[n−1] + (h[n] − e[n−1])·(1 − ρ)    release
 *   g[n] = (1/L) Σ_{k<L} e[n−k]                        box smoothing: the attack
 *   y[n] = g[n] · x[n−L+1]
 * Every e[n−k] in g's window is ≤ h[n−k] ≤ r[n−L+1] (h's window covers n−L+1), so
 * |y[n]| ≤ T exactly in real arithmetic: a smooth attack over L samples that never lets a
 * peak through (the "hold then box-filter" construction, e.g. Signalsmith's limiter).
 * A final clamp at ±T guards against rounding in the running sum, and non-finite input is
 * replaced by silence, so nothing — no setup, no level, no NaN — can exceed T.
 *
 * Inter-sample (true) peaks after the listener's DAC are not limited: a −1 dBFS sample
 * ceiling leaves 1 dB for them, which covers all but pathological material.
 */
export interface LimiterOptions {
  sampleRateHz: number;
  /** Linear ceiling, e.g. 10^(−1/20). */
  threshold: number;
  channels: number;
  /** Attack and lookahead; 5 ms is inaudible as a delay and smooth enough to avoid clicks. */
  lookaheadSeconds?: number;
  /** Release time constant. */
  releaseSeconds?: number;
}

export class BrickwallLimiter {
  readonly latencySamples: number;
  readonly threshold: number;
  private readonly length: number;
  private readonly channels: number;
  private readonly delay: Float64Array[];
  private readonly dequeIndex: Int32Array;
  private readonly dequeValue: Float64Array;
  private head = 0;
  private tail = 0;
  private readonly box: Float64Array;
  private boxSum: number;
  private released = 1;
  private readonly releaseCoefficient: number;
  private position = 0;
  private sample = 0;
  /** Smallest gain applied since the last `takeMinGain()`. */
  private minGain = 1;

  constructor(options: LimiterOptions) {
    const { sampleRateHz, threshold, channels } = options;
    if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1] (got ${threshold})`);
    if (!(sampleRateHz > 0)) throw new RangeError(`sampleRateHz must be > 0 (got ${sampleRateHz})`);
    // The largest single-precision value ≤ threshold: the output buffers are float32, and
    // rounding a double at exactly T to float32 could land a hair above it.
    let ceiling = Math.fround(threshold);
    if (ceiling > threshold) ceiling = Math.fround(threshold * (1 - 2 ** -23));
    this.threshold = ceiling;
    this.channels = channels;
    this.length = Math.max(1, Math.round((options.lookaheadSeconds ?? 0.005) * sampleRateHz));
    this.latencySamples = this.length - 1;
    this.releaseCoefficient = Math.exp(-1 / ((options.releaseSeconds ?? 0.1) * sampleRateHz));
    this.delay = Array.from({ length: channels }, () => new Float64Array(this.length));
    this.dequeIndex = new Int32Array(this.length + 1);
    this.dequeValue = new Float64Array(this.length + 1);
    this.box = new Float64Array(this.length).fill(1);
    this.boxSum = this.length;
  }

  /** Limits `length` frames in place: `io[c]` holds channel c's input and receives its output. */
  process(io: Float32Array[], length: number): void {
    const L = this.length;
    const T = this.threshold;
    const cap = L + 1;
    for (let i = 0; i < length; i++) {
      let peak = 0;
      for (let c = 0; c < this.channels; c++) {
        const ch = io[c];
        const raw = ch ? ch[i]! : 0;
        const v = raw - raw === 0 ? raw : 0;
        this.delay[c]![this.position] = v;
        const m = v < 0 ? -v : v;
        if (m > peak) peak = m;
      }
      const r = peak > T ? T / peak : 1;
      // Sliding minimum over the last L values of r (monotonic deque in a ring).
      const n = this.sample++;
      while (this.tail !== this.head) {
        const last = (this.tail - 1 + cap) % cap;
        if (this.dequeValue[last]! < r) break;
        this.tail = last;
      }
      this.dequeIndex[this.tail] = n;
      this.dequeValue[this.tail] = r;
      this.tail = (this.tail + 1) % cap;
      if (n - this.dequeIndex[this.head]! >= L) this.head = (this.head + 1) % cap;
      const h = this.dequeValue[this.head]!;
      const e = h < this.released ? h : this.released + (h - this.released) * (1 - this.releaseCoefficient);
      this.released = e;
      const slot = this.position;
      this.boxSum += e - this.box[slot]!;
      this.box[slot] = e;
      const g = this.boxSum / L;
      if (g < this.minGain) this.minGain = g;
      // The oldest delayed sample: written L − 1 samples ago (the next slot in the ring).
      const out = (slot + 1) % L;
      for (let c = 0; c < this.channels; c++) {
        const ch = io[c];
        if (!ch) continue;
        let y = g * this.delay[c]![out]!;
        if (y > T) y = T;
        else if (y < -T) y = -T;
        ch[i] = y;
      }
      this.position = out;
    }
    // Re-sum the box now and then: the running sum would drift by rounding over hours.
    if (this.sample % (1 << 16) < length) {
      let s = 0;
      for (let k = 0; k < L; k++) s += this.box[k]!;
      this.boxSum = s;
    }
  }

  /** Smallest gain (linear) applied since the previous call; resets to 1. */
  takeMinGain(): number {
    const g = this.minGain;
    this.minGain = 1;
    return g;
  }
}
