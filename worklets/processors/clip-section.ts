/**
 * The clipping part of a stage (source, amp, or an independent amp jack), per channel:
 *
 *   x ─ finite? ─ · gain (ramped) ─┬─ clean lane: delay of L samples ────────────────────┬─ y
 *                                  └─ clip lane: ↑8 ─ ADAA clip ±t ─ ↓8 (OversampledStage) ┘
 *
 * Both lanes delay by the same whole number of base-rate samples L (the clip lane's
 * latency) and have the same linear-phase response: the clip lane's half-band filters
 * are symmetric FIRs, so below the threshold it equals the clean lane to within their
 * ripple (±0.0001 dB) and the droop compensation's residual (< 0.001 dB at 8×). The
 * costly clip lane runs only for blocks that can reach the threshold:
 *
 *   hot block:  peak_n |gain·x[n]| · INTERSAMPLE_MARGIN ≥ t
 *
 * over the block's base-rate samples (the margin of 2, 6 dB, covers inter-sample peaks,
 * which the 8× clip lane sees and base samples do not). While the threshold ramps after
 * a plan change the decision uses the lower of the old and new thresholds.
 *
 * Switching on (a hot block while the clean lane is heard) is exact: the clip lane is
 * FIR throughout (half-band interpolators and decimators, ADAA's two-tap mean, the 6-tap
 * droop FIR, a pad), so its state is a function of its last W inputs only, W = 2L + 8
 * base samples (its impulse response spans 2L + 1). The lane restarts from zero and is
 * run, unheard, over the W previous inputs kept in the clean lane's delay line; its state
 * is then exactly what it would have been had it never stopped. The hot block itself is
 * then processed, and the output crossfades from the clean to the clip lane over the
 * first F = L samples (raised cosine). Those F output samples come from inputs of the
 * previous (cold) block, where both lanes agree, so nothing the clip lane clips is ever
 * heard through the clean lane.
 *
 * Switching off: after HOLD_MS of cold blocks (hysteresis; far longer than the lane's
 * 2L-sample memory, so the clip lane's output is again the clean one), one more block
 * runs through both lanes and the output crossfades back over its first F samples.
 *
 * A chain that cannot clip therefore costs a delay line here, and a chain that clips
 * now and then pays for the clip lane only around the hot blocks, plus one block of
 * warm-up (W ≤ 2·128 samples) per switch-on.
 *
 * Clip counts are taken from the clip lane while it runs (never from the warm-up), as
 * base-rate samples: ⌈clip-rate samples / 8⌉ of the channel that clipped most.
 */
import { fillRaisedCosineRamp } from '../../src/math/raised-cosine.ts';
import { DENORMAL_FLOOR } from '../dsp/denormal.ts';
import { OversampledStage } from '../dsp/oversampled-stage.ts';
import type { OversamplingFactor } from '../dsp/oversampler.ts';
import type { Samples } from '../dsp/samples.ts';
import { CosineSmoother } from '../dsp/smoother.ts';

/** Inter-sample overshoot allowance when predicting whether a threshold can be reached. */
export const INTERSAMPLE_MARGIN = 2;
export const RAMP_MS = 20;
/** Cold time before the clip lane stops (hysteresis against switching every block). */
export const HOLD_MS = 50;

const INPUT_PEAK = 0;
const OUTPUT_PEAK = 1;

export interface ClipSectionOptions {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly maxBlockLength?: number;
  readonly clipFactor?: OversamplingFactor;
  readonly gain: number;
  readonly threshold: number;
}

export class ClipSection {
  readonly latencySamples: number;
  readonly clipFactor: number;
  /** Previous inputs the clip lane is run over when it starts (see the file comment). */
  readonly warmupSamples: number;
  private readonly channelCount: number;
  private readonly stage: OversampledStage;
  private readonly gain: CosineSmoother;
  private readonly gainBuffer: Float64Array;
  /** Per channel: the last `historyLength` gained inputs, then the current block. */
  private readonly lines: Float64Array[] = [];
  private readonly historyLength: number;
  /** The current block's gained input: views of `lines` at historyLength. */
  private readonly current: Float64Array[] = [];
  /** Warm-up input chunks (views of `lines`), each ≤ maxBlockLength, and their lengths. */
  private readonly warmupChunks: Float64Array[][] = [];
  private readonly warmupLengths: number[] = [];
  private readonly clipped: Float64Array[] = [];
  /** The clean lane's output for a whole block: views of `lines` L samples before `current`. */
  private readonly delayed: Float64Array[] = [];
  private readonly fadeCurve: Float64Array;
  private readonly holdSamples: number;
  private readonly rampSamples: number;
  private threshold: number;
  /** The lower of the old and new thresholds while the clip lane's threshold ramps. */
  private decisionThreshold: number;
  private rampLeft = 0;
  private clipOn = false;
  private coldSamples = 0;
  private clipRateCount = 0;
  /** [the last block's input peak, the bound on its output (see outputPeakBound)]: doubles in a typed array, so storing them never allocates. */
  private readonly peaks = new Float64Array(2);
  private previousLength = 0;

  constructor(options: ClipSectionOptions) {
    const maxBlockLength = options.maxBlockLength ?? 128;
    this.channelCount = options.channelCount;
    this.clipFactor = options.clipFactor ?? 8;
    this.stage = new OversampledStage({
      sampleRateHz: options.sampleRateHz,
      channelCount: options.channelCount,
      maxBlockLength,
      clipFactor: options.clipFactor ?? 8,
      networkFactor: 1,
      maxSections: 1,
      rampMs: RAMP_MS,
      gain: 1,
      threshold: options.threshold,
    });
    const l = this.stage.latencySamples;
    this.latencySamples = l;
    this.warmupSamples = 2 * l + 8;
    this.historyLength = this.warmupSamples;
    for (let c = 0; c < this.channelCount; c++) {
      const line = new Float64Array(this.historyLength + maxBlockLength);
      this.lines.push(line);
      this.current.push(line.subarray(this.historyLength));
      this.clipped.push(new Float64Array(maxBlockLength));
    }
    const delayedFrom = this.historyLength - this.latencySamples;
    for (const line of this.lines) this.delayed.push(line.subarray(delayedFrom, delayedFrom + maxBlockLength));
    for (let start = 0; start < this.warmupSamples; start += maxBlockLength) {
      const n = Math.min(maxBlockLength, this.warmupSamples - start);
      const from = this.historyLength - this.warmupSamples + start;
      this.warmupChunks.push(this.lines.map((line) => line.subarray(from, from + n)));
      this.warmupLengths.push(n);
    }
    this.gain = new CosineSmoother(options.sampleRateHz, RAMP_MS, options.gain);
    this.gainBuffer = new Float64Array(maxBlockLength);
    this.fadeCurve = fillRaisedCosineRamp(new Float64Array(l), l);
    this.holdSamples = Math.max(Math.round((HOLD_MS * options.sampleRateHz) / 1000), this.warmupSamples + l);
    this.rampSamples = Math.round((RAMP_MS * options.sampleRateHz) / 1000);
    this.threshold = options.threshold;
    this.decisionThreshold = options.threshold;
  }

  /** True when the clip lane is running (heard or being faded out). */
  get clipLaneRunning(): boolean {
    return this.clipOn;
  }

  /** New gain and threshold (ramped over 20 ms unless `immediate`). */
  setPlan(gain: number, threshold: number, immediate = false): void {
    this.gain.setTarget(gain, immediate);
    // An idle clip lane takes the new threshold at once (its warm-up starts from it).
    const ramped = !immediate && this.clipOn;
    this.stage.setThreshold(threshold, !ramped);
    this.decisionThreshold = ramped ? Math.min(this.threshold, threshold, this.decisionThreshold) : threshold;
    this.rampLeft = ramped ? this.rampSamples : 0;
    this.threshold = threshold;
    if (immediate) {
      this.clipOn = false;
      this.coldSamples = 0;
      for (let c = 0; c < this.channelCount; c++) this.lines[c]!.fill(0);
    }
  }

  /** Base-rate samples clipped since the last call (see the file comment). */
  takeClipCount(): number {
    // `| 0`: an int32 is returned as a Smi; Math.ceil's result is a double, which
    // a call that is not inlined returns boxed, i.e. allocated, once per block.
    const count = Math.ceil(this.clipRateCount / this.clipFactor) | 0;
    this.clipRateCount = 0;
    return count;
  }

  /**
   * `inputs[c]` may repeat one array (mono); `outputs[c]` are distinct and none is another
   * channel's input (channel c's output is written before channel c + 1 is read).
   */
  process(inputs: readonly Samples[], outputs: readonly Float64Array[], length: number): void {
    // A settled gain multiplies in the pass below; a ramping one first, into the line (the
    // pass below then multiplies by 1, which is exact). Most blocks: no gain buffer at all.
    let gain = this.gain.value;
    let sources = inputs;
    if (!this.gain.isSettled) {
      const ramp = this.gainBuffer;
      this.gain.fill(ramp, length);
      for (let c = 0; c < this.channelCount; c++) {
        const source = inputs[c]!;
        const current = this.current[c]!;
        for (let i = 0; i < length; i++) current[i] = source[i]! * ramp[i]!;
      }
      gain = 1;
      sources = this.current;
    }
    const h = this.historyLength;
    // With the clip lane idle, the clean lane's output (line[from + i]: this block's input
    // for i ≥ L, an earlier block's for i < L) is copied out at once, one builtin copy per
    // channel instead of a second pass over the block. A block that turns out hot overwrites
    // it (writeClip). Measured in docs/decisions.md, "Render speed: one pass per stage".
    const from = h - this.latencySamples;
    const clean = !this.clipOn;
    let peak = 0;
    for (let c = 0; c < this.channelCount; c++) {
      const source = sources[c]!;
      const line = this.lines[c]!;
      for (let i = 0; i < length; i++) {
        const v = source[i]! * gain;
        const magnitude = Math.abs(v);
        // NaN fails both comparisons; Infinity fails the second. Math.abs and Math.max
        // compile without branches: `v < 0 ? -v : v` and `if (m > peak)` mispredict on
        // noise (measured 3.3 → 1.8 ns per sample in Node 20).
        const kept = magnitude >= DENORMAL_FLOOR && magnitude < Infinity ? v : 0;
        line[h + i] = kept;
        peak = Math.max(peak, Math.abs(kept));
      }
      if (clean) {
        const to = outputs[c]!;
        if (length === this.delayed[c]!.length) to.set(this.delayed[c]!);
        else for (let i = 0; i < length; i++) to[i] = line[from + i]!;
      }
    }
    const hot = peak * INTERSAMPLE_MARGIN >= this.decisionThreshold;
    if (this.rampLeft > 0) {
      this.rampLeft -= length;
      if (this.rampLeft <= 0) this.decisionThreshold = this.threshold;
    }
    this.coldSamples = hot ? 0 : this.coldSamples + length;
    // The clean output spans this block's first length − L inputs and the previous block's last L.
    this.peaks[OUTPUT_PEAK] = clean && !hot && this.previousLength >= this.latencySamples ? Math.max(peak, this.peaks[INPUT_PEAK]!) : Infinity;
    this.peaks[INPUT_PEAK] = peak;
    this.previousLength = length;

    if (clean && hot) {
      this.warmUp();
      this.clipOn = true;
      this.runClipLane(outputs, length, 1);
    } else if (!clean) {
      // 1 = fading in (clean → clip), −1 = fading out, 0 = clip lane heard.
      let fade = 0;
      if (this.coldSamples >= this.holdSamples) {
        this.clipOn = false;
        fade = -1;
      }
      this.runClipLane(outputs, length, fade);
    }
    for (let c = 0; c < this.channelCount; c++) this.lines[c]!.copyWithin(0, length, length + h);
  }

  /**
   * Largest |sample| of the last block's output when it came from the clean lane alone, else
   * Infinity: the stage after it skips its own limit when this is within it.
   */
  get outputPeakBound(): number {
    return this.peaks[OUTPUT_PEAK]!;
  }

  private runClipLane(outputs: readonly Float64Array[], length: number, fade: number): void {
    this.stage.process(this.current, this.clipped, length);
    const a = this.stage.takeClipCount(0);
    const b = this.channelCount > 1 ? this.stage.takeClipCount(1) : 0;
    this.clipRateCount += a > b ? a : b;
    this.writeClip(outputs, length, fade);
  }

  /** Runs the idle clip lane, unheard, over the last W inputs (exact restart, see the file comment). */
  private warmUp(): void {
    // The stage's threshold is settled here: set at once by setPlan while the lane is
    // idle, and a ramp (RAMP_MS) always ends within the HOLD_MS before a switch-off.
    this.stage.reset();
    for (let k = 0; k < this.warmupChunks.length; k++) this.stage.process(this.warmupChunks[k]!, this.clipped, this.warmupLengths[k]!);
    for (let c = 0; c < this.channelCount; c++) this.stage.takeClipCount(c);
  }

  private writeClip(outputs: readonly Float64Array[], length: number, fade: number): void {
    const from = this.historyLength - this.latencySamples;
    const curve = this.fadeCurve;
    const fadeLength = fade === 0 ? 0 : Math.min(curve.length, length);
    for (let c = 0; c < this.channelCount; c++) {
      const line = this.lines[c]!;
      const clip = this.clipped[c]!;
      const to = outputs[c]!;
      for (let i = 0; i < fadeLength; i++) {
        const clean = line[from + i]!;
        const w = fade > 0 ? curve[i]! : 1 - curve[i]!;
        to[i] = clean + w * (clip[i]! - clean);
      }
      if (fade < 0) for (let i = fadeLength; i < length; i++) to[i] = line[from + i]!;
      else for (let i = fadeLength; i < length; i++) to[i] = clip[i]!;
    }
  }
}
