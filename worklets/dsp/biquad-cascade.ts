/**
 * A cascade of second-order sections in transposed direct form II, one double-precision
 * state pair per section and channel, processed in place; coefficient changes are
 * click-free.
 *
 * Per section (a0 = 1):
 *   y[n]  = b0·x[n] + s1
 *   s1   ← b1·x[n] − a1·y[n] + s2
 *   s2   ← b2·x[n] − a2·y[n]
 * TDF-II has only two state variables per section and, in double precision, a noise
 * floor far below anything audible even for poles within 1e-6 of z = 1 (a 0.1 Hz
 * coupling-capacitor corner at 384 kHz).
 *
 * Coefficient changes: a new plan may pair and order roots differently, so the old
 * state means nothing to the new sections, and interpolating coefficients of
 * differently factored cascades is neither meaningful nor guaranteed stable. Instead:
 *   1. warm-up (default 20 ms): the new cascade runs from zero state on the same input
 *      beside the old one, whose output is still heard, so the new filter's start-up
 *      transient (dominated by its fastest modes) has died before it becomes audible;
 *   2. crossfade (default 20 ms): output = (1 − w)·old + w·new with the raised-cosine
 *      w = ½ − ½cos(πk/N), whose slope is zero at both ends (no corner in the envelope).
 * Both filters are stable (checked on entry), so every step is a bounded mix of two
 * bounded signals: stable by construction, and click-free because the mix weight moves
 * by at most π/(2N) per sample (≈ 8e-5 at 20 ms and 192 kHz). Slow modes (a coupling
 * capacitor's sub-hertz corner) are not settled after the warm-up; their residual
 * transient is bounded by the filter's low-frequency deviation from 1 and is faded in.
 * A change that arrives during a transition waits in a single "latest wins" slot and
 * starts when the running one ends, so a slider dragged at 60 Hz produces a chain of
 * smooth transitions rather than a pile-up.
 *
 * No allocation after construction: coefficient banks, state and the one scratch
 * block are allocated for `maxSections` × `channelCount` × `maxBlockLength` up front.
 */
import { fillRaisedCosineRamp } from '../../src/math/raised-cosine.ts';
import type { BiquadSections } from './analog-to-digital.ts';
import { finiteOrZero, flushDenormals } from './denormal.ts';
import type { Samples } from './samples.ts';

export interface BiquadCascadeOptions {
  readonly maxSections: number;
  readonly channelCount: number;
  readonly maxBlockLength: number;
  readonly sampleRateHz: number;
  /** Warm-up of a new filter before it is heard; default 20 ms. */
  readonly warmupMs?: number;
  /** Crossfade from the old to the new filter; default 20 ms. */
  readonly crossfadeMs?: number;
}

const IDLE = 0;
const WARMUP = 1;
/** Index of the pending sections' entry in `pureGain`. */
const PENDING = 2;
const CROSSFADE = 2;

export class BiquadCascade {
  readonly maxSections: number;
  readonly channelCount: number;
  readonly maxBlockLength: number;
  /** Always 0: the cascade adds no delay beyond its own phase response. */
  readonly latencySamples = 0;

  /** Two banks of coefficients [b0 b1 b2 a1 a2] × maxSections; `active` is heard. */
  private readonly coefficients: [Float64Array, Float64Array];
  private readonly sectionCounts = new Int32Array(2);
  /**
   * Per bank (0, 1), then for `pending` (PENDING): b0 when the sections are one pure-gain
   * section (no state, a multiply), else NaN. Worked out in setSections (the plan handler)
   * and moved into a bank with copyWithin: reading it in `load`, which runs inside process()
   * but too rarely to be optimised, would box the double (an allocation per plan change).
   */
  private readonly pureGain = new Float64Array([NaN, NaN, NaN]);
  /** state[bank][channel·2·maxSections + 2·section + {0,1}] */
  private readonly state: [Float64Array, Float64Array];
  private readonly pending: Float64Array;
  private pendingCount = 0;
  private hasPending = false;
  private active: 0 | 1 = 0;
  private phase = IDLE;
  /** Samples elapsed in the current phase. */
  private position = 0;
  private readonly warmupSamples: number;
  private readonly fadeCurve: Float64Array;
  private readonly scratch: Float64Array;

  constructor(options: BiquadCascadeOptions) {
    const { maxSections, channelCount, maxBlockLength, sampleRateHz } = options;
    requirePositiveInteger('maxSections', maxSections);
    requirePositiveInteger('channelCount', channelCount);
    requirePositiveInteger('maxBlockLength', maxBlockLength);
    if (!(sampleRateHz > 0)) throw new RangeError(`sampleRateHz must be > 0 (got ${sampleRateHz})`);
    this.maxSections = maxSections;
    this.channelCount = channelCount;
    this.maxBlockLength = maxBlockLength;
    this.coefficients = [new Float64Array(5 * maxSections), new Float64Array(5 * maxSections)];
    this.state = [new Float64Array(2 * maxSections * channelCount), new Float64Array(2 * maxSections * channelCount)];
    this.pending = new Float64Array(5 * maxSections);
    this.warmupSamples = Math.round(((options.warmupMs ?? 20) * sampleRateHz) / 1000);
    const fadeSamples = Math.max(1, Math.round(((options.crossfadeMs ?? 20) * sampleRateHz) / 1000));
    this.fadeCurve = fillRaisedCosineRamp(new Float64Array(fadeSamples), fadeSamples);
    this.scratch = new Float64Array(maxBlockLength);
    // Until told otherwise the cascade is the identity: one section b0 = 1.
    this.coefficients[0][0] = 1;
    this.sectionCounts[0] = 1;
    this.pureGain[0] = 1;
  }

  /** True while a warm-up or crossfade is running or one is waiting. */
  get isTransitioning(): boolean {
    return this.phase !== IDLE || this.hasPending;
  }

  /**
   * Installs new sections. `immediate` replaces the filter at once and clears its state
   * (use before audio starts); otherwise the change is warmed up and crossfaded.
   * Throws RangeError for too many sections, non-finite or unstable coefficients.
   */
  setSections(sections: BiquadSections, immediate = false): void {
    validateSections(sections, this.maxSections);
    const k = sections.coefficients;
    this.pureGain[PENDING] = sections.count === 1 && k[1] === 0 && k[2] === 0 && k[3] === 0 && k[4] === 0 ? k[0]! : NaN;
    if (immediate) {
      this.phase = IDLE;
      this.hasPending = false;
      this.active = 0;
      this.load(0, sections.coefficients, sections.count);
      this.state[0].fill(0);
      return;
    }
    copyCoefficients(sections.coefficients, this.pending, sections.count);
    this.pendingCount = sections.count;
    this.hasPending = true;
  }

  /** Zeroes all filter state (both banks). */
  reset(): void {
    this.state[0].fill(0);
    this.state[1].fill(0);
  }

  /**
   * Filters `length` samples of every channel (channels.length = channelCount): in place, or
   * from `sources` (one per channel) into `channels`, which saves the caller a copy.
   */
  process(channels: readonly Samples[], length: number, sources: readonly Samples[] = channels): void {
    if (this.phase === IDLE && this.hasPending) this.beginTransition();
    const active = this.active;
    if (this.phase === IDLE) {
      const gain = this.pureGain[active]!;
      if (gain === gain) {
        // One section with b1 = b2 = a1 = a2 = 0 (a flat network, or the identity): no state.
        for (let c = 0; c < this.channelCount; c++) scaleInto(sources[c]!, channels[c]!, gain, length);
        return;
      }
      const left = channels[0]!;
      const right = this.channelCount === 2 ? channels[1]! : left;
      if (right !== left) {
        runSectionsStereo(this.coefficients[active], this.sectionCounts[active]!, this.state[active], 2 * this.maxSections, sources[0]!, sources[1]!, left, right, length);
      } else {
        for (let c = 0; c < this.channelCount; c++) {
          runSections(this.coefficients[active], this.sectionCounts[active]!, this.state[active], c * 2 * this.maxSections, sources[c]!, channels[c]!, length);
        }
      }
      this.flushState(active);
      return;
    }
    if (sources !== channels) for (let c = 0; c < this.channelCount; c++) scaleInto(sources[c]!, channels[c]!, 1, length);
    const incoming = other(active);
    const scratch = this.scratch;
    for (let c = 0; c < this.channelCount; c++) {
      const block = channels[c]!;
      for (let i = 0; i < length; i++) scratch[i] = block[i]!;
      const offset = c * 2 * this.maxSections;
      runSections(this.coefficients[active], this.sectionCounts[active]!, this.state[active], offset, block, block, length);
      runSections(this.coefficients[incoming], this.sectionCounts[incoming]!, this.state[incoming], offset, scratch, scratch, length);
      let phase = this.phase;
      let position = this.position;
      for (let i = 0; i < length; i++) {
        if (phase === WARMUP) {
          if (++position >= this.warmupSamples) {
            phase = CROSSFADE;
            position = 0;
          }
          continue;
        }
        if (phase === CROSSFADE) {
          const w = this.fadeCurve[position]!;
          block[i] = block[i]! + w * (scratch[i]! - block[i]!);
          if (++position >= this.fadeCurve.length) phase = IDLE;
        } else {
          block[i] = scratch[i]!;
        }
      }
      if (c === this.channelCount - 1) {
        this.phase = phase;
        this.position = position;
      }
    }
    this.flushState(0);
    this.flushState(1);
    if (this.phase === IDLE) this.active = incoming;
  }

  /** Read-only view of the heard bank's state (tests: denormal and reset checks). */
  stateOf(channel: number): Float64Array {
    const offset = channel * 2 * this.maxSections;
    return this.state[this.active].subarray(offset, offset + 2 * this.sectionCounts[this.active]!);
  }

  /**
   * Flushes the bank's state in use: each channel's first 2 · count entries (the rest of the
   * bank is zero from the load that cleared it, and unused). 4 entries per channel for one
   * section, where the whole bank is 2 · maxSections.
   */
  private flushState(bank: 0 | 1): void {
    const state = this.state[bank];
    const used = 2 * this.sectionCounts[bank]!;
    for (let c = 0; c < this.channelCount; c++) flushDenormals(state, used, c * 2 * this.maxSections);
  }

  private beginTransition(): void {
    const incoming = other(this.active);
    this.load(incoming, this.pending, this.pendingCount);
    this.state[incoming].fill(0);
    this.hasPending = false;
    this.phase = this.warmupSamples > 0 ? WARMUP : CROSSFADE;
    this.position = 0;
  }

  private load(bank: 0 | 1, source: Float64Array, count: number): void {
    const target = this.coefficients[bank];
    if (source.length === target.length) {
      // `pending` → bank, at process time: one builtin copy. An element loop here would
      // run in the interpreter (this code is too cold to be optimised) and box every
      // coefficient it reads: 16 bytes of heap per coefficient, on every plan change.
      target.set(source);
    } else {
      target.fill(0);
      copyCoefficients(source, target, count);
    }
    this.sectionCounts[bank] = count;
    // setSections worked it out for these sections (see `pureGain`).
    this.pureGain.copyWithin(bank, PENDING, PENDING + 1);
  }
}

const other = (bank: 0 | 1): 0 | 1 => (bank === 0 ? 1 : 0);

/** Element copy: `set(subarray(…))` would allocate a view object on every plan change. */
function copyCoefficients(source: Float64Array, target: Float64Array, count: number): void {
  for (let i = 0; i < 5 * count; i++) target[i] = source[i]!;
}

/** Runs `count` sections from `source` into `block` (may be the same array), section by section (state stays in registers). */
function runSections(k: Float64Array, count: number, state: Float64Array, offset: number, source: Samples, block: Samples, length: number): void {
  let from = source;
  for (let s = 0; s < count; s++) {
    const b0 = k[5 * s]!;
    const b1 = k[5 * s + 1]!;
    const b2 = k[5 * s + 2]!;
    const a1 = k[5 * s + 3]!;
    const a2 = k[5 * s + 4]!;
    let s1 = state[offset + 2 * s]!;
    let s2 = state[offset + 2 * s + 1]!;
    for (let i = 0; i < length; i++) {
      const x = from[i]!;
      const y = b0 * x + s1;
      s1 = b1 * x - a1 * y + s2;
      s2 = b2 * x - a2 * y;
      block[i] = y;
    }
    from = block;
    // A non-finite state can only come from non-finite input; restart from silence.
    if (s1 - s1 !== 0 || s2 - s2 !== 0) {
      s1 = 0;
      s2 = 0;
    }
    state[offset + 2 * s] = s1;
    state[offset + 2 * s + 1] = s2;
  }
}

/**
 * The same recursion for two channels at once, two sections per pass: four independent
 * recursions per loop iteration (left and right, section pair a → b). Section by
 * section, each sample waits for the previous one's y (a multiply and two adds, about
 * 12 cycles); interleaving independent chains lets the CPU overlap them. The gain is
 * modest, because typed-array loads and stores set most of the cost (measured: docs/dsp.md
 * §2, "Stereo kernel"). The arithmetic per sample and section is unchanged, so the
 * output is bit-identical to runSections. Channel 1's state starts at `rightOffset`.
 */
function runSectionsStereo(k: Float64Array, count: number, state: Float64Array, rightOffset: number, sourceLeft: Samples, sourceRight: Samples, left: Samples, right: Samples, length: number): void {
  // The first pass reads the sources, later ones the output in place.
  let fromLeft = sourceLeft;
  let fromRight = sourceRight;
  let s = 0;
  for (; s + 1 < count; s += 2) {
    const p = 5 * s;
    const ab0 = k[p]!;
    const ab1 = k[p + 1]!;
    const ab2 = k[p + 2]!;
    const aa1 = k[p + 3]!;
    const aa2 = k[p + 4]!;
    const bb0 = k[p + 5]!;
    const bb1 = k[p + 6]!;
    const bb2 = k[p + 7]!;
    const ba1 = k[p + 8]!;
    const ba2 = k[p + 9]!;
    const l = 2 * s;
    const r = rightOffset + 2 * s;
    let la1 = state[l]!;
    let la2 = state[l + 1]!;
    let lb1 = state[l + 2]!;
    let lb2 = state[l + 3]!;
    let ra1 = state[r]!;
    let ra2 = state[r + 1]!;
    let rb1 = state[r + 2]!;
    let rb2 = state[r + 3]!;
    for (let i = 0; i < length; i++) {
      const xl = fromLeft[i]!;
      const xr = fromRight[i]!;
      const yl = ab0 * xl + la1;
      const yr = ab0 * xr + ra1;
      la1 = ab1 * xl - aa1 * yl + la2;
      ra1 = ab1 * xr - aa1 * yr + ra2;
      la2 = ab2 * xl - aa2 * yl;
      ra2 = ab2 * xr - aa2 * yr;
      const zl = bb0 * yl + lb1;
      const zr = bb0 * yr + rb1;
      lb1 = bb1 * yl - ba1 * zl + lb2;
      rb1 = bb1 * yr - ba1 * zr + rb2;
      lb2 = bb2 * yl - ba2 * zl;
      rb2 = bb2 * yr - ba2 * zr;
      left[i] = zl;
      right[i] = zr;
    }
    state[l] = finiteOrZero(la1);
    state[l + 1] = finiteOrZero(la2);
    state[l + 2] = finiteOrZero(lb1);
    state[l + 3] = finiteOrZero(lb2);
    state[r] = finiteOrZero(ra1);
    state[r + 1] = finiteOrZero(ra2);
    state[r + 2] = finiteOrZero(rb1);
    state[r + 3] = finiteOrZero(rb2);
    fromLeft = left;
    fromRight = right;
  }
  if (s < count) {
    const p = 5 * s;
    const b0 = k[p]!;
    const b1 = k[p + 1]!;
    const b2 = k[p + 2]!;
    const a1 = k[p + 3]!;
    const a2 = k[p + 4]!;
    const l = 2 * s;
    const r = rightOffset + 2 * s;
    let l1 = state[l]!;
    let l2 = state[l + 1]!;
    let r1 = state[r]!;
    let r2 = state[r + 1]!;
    for (let i = 0; i < length; i++) {
      const xl = fromLeft[i]!;
      const xr = fromRight[i]!;
      const yl = b0 * xl + l1;
      const yr = b0 * xr + r1;
      l1 = b1 * xl - a1 * yl + l2;
      r1 = b1 * xr - a1 * yr + r2;
      l2 = b2 * xl - a2 * yl;
      r2 = b2 * xr - a2 * yr;
      left[i] = yl;
      right[i] = yr;
    }
    state[l] = finiteOrZero(l1);
    state[l + 1] = finiteOrZero(l2);
    state[r] = finiteOrZero(r1);
    state[r + 1] = finiteOrZero(r2);
  }
}

function validateSections(sections: BiquadSections, maxSections: number): void {
  const { count, coefficients } = sections;
  if (!Number.isInteger(count) || count < 1 || count > maxSections) {
    throw new RangeError(`section count must be an integer in 1..${maxSections} (got ${count})`);
  }
  if (coefficients.length < 5 * count) {
    throw new RangeError(`coefficients must hold 5 × ${count} values (got ${coefficients.length})`);
  }
  for (let s = 0; s < count; s++) {
    for (let j = 0; j < 5; j++) {
      const value = coefficients[5 * s + j]!;
      if (!Number.isFinite(value)) throw new RangeError(`section ${s} coefficient ${j} must be finite (got ${value})`);
    }
    const a1 = coefficients[5 * s + 3]!;
    const a2 = coefficients[5 * s + 4]!;
    // Stability triangle of 1 + a1 z⁻¹ + a2 z⁻²: both poles strictly inside |z| = 1.
    if (!(Math.abs(a2) < 1 && Math.abs(a1) < 1 + a2)) {
      throw new RangeError(`section ${s} is unstable: a1 = ${a1}, a2 = ${a2} (need |a2| < 1 and |a1| < 1 + a2)`);
    }
  }
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer ≥ 1 (got ${value})`);
}

/** to[i] = gain·from[i] (a copy when gain is 1 and the arrays differ; nothing when they are the same). */
function scaleInto(from: Samples, to: Samples, gain: number, length: number): void {
  if (gain === 1) {
    if (from !== to) for (let i = 0; i < length; i++) to[i] = from[i]!;
    return;
  }
  for (let i = 0; i < length; i++) to[i] = gain * from[i]!;
}
