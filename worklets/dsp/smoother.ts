/**
 * Parameter ramps that reach their target exactly after a fixed time (default 20 ms).
 *
 * Why fixed-length ramps rather than a one-pole: a one-pole never arrives (its tail
 * decays towards denormals and keeps the "still moving" branch alive forever), and
 * its speed depends on the size of the jump's last few percent. A ramp of N samples
 * arrives exactly, changes by at most |Δ|/N per sample (−20 dB of gain over 20 ms at
 * 48 kHz is a step of 1e-4 per sample, far below zipper audibility), and then costs
 * nothing.
 *
 *   LinearSmoother:    v[k] = v0 + (v1 − v0)·k/N     gains (may reach 0)
 *   GeometricSmoother: v[k] = v0 · (v1/v0)^(k/N)     strictly positive quantities whose
 *                      ratio matters, such as a clip threshold moving by 40 dB: equal
 *                      steps in dB, so the audible change is spread evenly.
 *   CosineSmoother:    v[k] = v0 + (v1 − v0)·(½ − ½·cos(πk/N))
 *                      gains in series: its slope starts and ends at 0, so ramps of
 *                      several stages that start or end at different samples multiply
 *                      without a corner in the level (see CosineSmoother).
 * A new target during a ramp starts a new full-length ramp from the current value.
 */
import { fillRaisedCosineRamp } from '../../src/math/raised-cosine.ts';

/**
 * One concrete class for both laws: the per-sample step is a multiply or an add chosen
 * by a flag, not a virtual call (a non-inlined call returning a double boxes it, i.e.
 * allocates, on every sample of a ramp).
 */
class Ramp {
  protected current: number;
  protected goal: number;
  protected remaining = 0;
  protected step = 0;
  readonly rampSamples: number;
  private readonly multiplicative: boolean;

  constructor(sampleRateHz: number, rampMs: number, initial: number, multiplicative: boolean) {
    if (!(sampleRateHz > 0) || !(rampMs >= 0)) throw new RangeError(`need sampleRateHz > 0 and rampMs ≥ 0 (got ${sampleRateHz}, ${rampMs})`);
    this.rampSamples = Math.max(1, Math.round((rampMs * sampleRateHz) / 1000));
    this.multiplicative = multiplicative;
    this.validate(initial);
    this.current = initial;
    this.goal = initial;
  }

  get value(): number {
    return this.current;
  }

  get target(): number {
    return this.goal;
  }

  get isSettled(): boolean {
    return this.remaining === 0;
  }

  /** Sets a new target; `immediate` jumps there (e.g. before audio starts). */
  setTarget(target: number, immediate = false): void {
    this.validate(target);
    this.goal = target;
    if (immediate || target === this.current) {
      this.current = target;
      this.remaining = 0;
      return;
    }
    this.remaining = this.rampSamples;
    this.step = this.multiplicative
      ? Math.pow(target / this.current, 1 / this.rampSamples)
      : (target - this.current) / this.rampSamples;
  }

  /** Writes the next `length` values into `out` and advances. */
  fill(out: Float64Array, length: number): void {
    let i = 0;
    let value = this.current;
    let remaining = this.remaining;
    const step = this.step;
    const multiplicative = this.multiplicative;
    for (; i < length && remaining > 0; i++) {
      remaining--;
      value = remaining === 0 ? this.goal : multiplicative ? value * step : value + step;
      out[i] = value;
    }
    for (; i < length; i++) out[i] = value;
    this.current = value;
    this.remaining = remaining;
  }

  /** Returns the next value and advances by one sample. */
  next(): number {
    if (this.remaining > 0) {
      this.remaining--;
      const value = this.current;
      this.current = this.remaining === 0 ? this.goal : this.multiplicative ? value * this.step : value + this.step;
    }
    return this.current;
  }

  private validate(target: number): void {
    if (!Number.isFinite(target)) throw new RangeError(`smoother target must be finite (got ${target})`);
    if (this.multiplicative && !(target > 0)) throw new RangeError(`smoother target must be finite and > 0 (got ${target})`);
  }
}

export class LinearSmoother extends Ramp {
  constructor(sampleRateHz: number, rampMs: number, initial: number) {
    super(sampleRateHz, rampMs, initial, false);
  }
}

export class GeometricSmoother extends Ramp {
  constructor(sampleRateHz: number, rampMs: number, initial: number) {
    super(sampleRateHz, rampMs, initial, true);
  }
}

/**
 * A raised-cosine ramp of N samples for gains (may reach 0). Why not linear: a chain's gains
 * ramp in series — the source's, the amp's, each listener's output gain — and their 20 ms
 * ramps start at slightly different samples (each stage's latency) and may move in opposite
 * directions. The product of linear ramps then has corners wherever one ramp starts or stops
 * while another still moves: a step in the level's slope, which a steady tone shows as a
 * click. Measured in the hour's soak (tests/soak): a plan change that turned the source up
 * ×34, the amp ×2.1 and a listener's output gain down ×8 read −60.0 dBFS at the corner where
 * the listener's linear ramp stopped; with raised-cosine ramps, whose slope is 0 at both
 * ends, −71.6 dBFS. The peak slope is π/2 times a linear ramp's, still 20 ms long.
 */
export class CosineSmoother {
  readonly rampSamples: number;
  /** ½ − ½·cos(πk/N) for k = 1…N. */
  private readonly shape: Float64Array;
  // NaN first: V8 then gives these fields a double representation from the start. A field
  // first stored as a small integer (a gain of 1) is generalised to double the first time a
  // fraction arrives, which deoptimises every function that read it — late, inside a render.
  private current = NaN;
  private start = NaN;
  private goal = NaN;
  private remaining = 0;

  constructor(sampleRateHz: number, rampMs: number, initial: number) {
    if (!(sampleRateHz > 0) || !(rampMs >= 0)) throw new RangeError(`need sampleRateHz > 0 and rampMs ≥ 0 (got ${sampleRateHz}, ${rampMs})`);
    this.rampSamples = Math.max(1, Math.round((rampMs * sampleRateHz) / 1000));
    this.shape = fillRaisedCosineRamp(new Float64Array(this.rampSamples), this.rampSamples);
    validate(initial);
    this.current = initial;
    this.start = initial;
    this.goal = initial;
  }

  get value(): number {
    return this.current;
  }

  get target(): number {
    return this.goal;
  }

  get isSettled(): boolean {
    return this.remaining === 0;
  }

  /** Sets a new target; `immediate` jumps there (e.g. before audio starts). A new target during a ramp starts a new full ramp from the current value. */
  setTarget(target: number, immediate = false): void {
    validate(target);
    this.goal = target;
    this.start = this.current;
    this.remaining = immediate || target === this.current ? 0 : this.rampSamples;
    if (this.remaining === 0) {
      this.current = target;
      this.start = target;
    }
  }

  /** Writes the next `length` values into `out` and advances. */
  fill(out: Float64Array, length: number): void {
    let i = 0;
    let remaining = this.remaining;
    const n = this.rampSamples;
    const start = this.start;
    const delta = this.goal - start;
    let value = this.current;
    for (; i < length && remaining > 0; i++) {
      remaining--;
      value = remaining === 0 ? this.goal : start + delta * this.shape[n - remaining - 1]!;
      out[i] = value;
    }
    for (; i < length; i++) out[i] = value;
    this.current = value;
    this.remaining = remaining;
  }
}

function validate(target: number): void {
  if (!Number.isFinite(target)) throw new RangeError(`smoother target must be finite (got ${target})`);
}

