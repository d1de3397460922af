/**
 * The clipping part of a stage (source, amp, or an independent amp jack), per channel:
 *
 *   x ─ finite? ─ · gain (ramped) ─┬─ linear lane: delay of L samples ────────────────┬─ y
 *                                  └─ clip lane: ↑8 ─ ADAA clip ±t ─ ↓8 (OversampledStage) ┘
 *
 * Both lanes delay by the same whole number of base-rate samples L (the clip lane's
 * latency), so they are sample-aligned and, below the threshold, equal to within the
 * half-band ripple (±0.0001 dB). The costly clip lane runs only while the threshold can
 * be reached:
 *  - by the plan: max(current gain, new gain) · peakIn · INTERSAMPLE_MARGIN ≥ t, where
 *    peakIn bounds the input's base-rate samples (1.0 for the source: a digital full
 *    scale; the stage before's output bound for the others) and the margin of 2 (6 dB)
 *    covers inter-sample peaks, which the 8× clip lane sees and base samples do not;
 *  - or by the signal: a block whose base-rate peak · gain · margin reaches t while the
 *    linear lane is heard (input hotter than peakIn, e.g. a float file above 0 dBFS)
 *    switches to the clip lane until the next plan. This reaction takes 40 ms, during
 *    which peaks above t pass unclipped; it never happens for inputs within peakIn.
 * Switching lanes: the incoming lane runs for 20 ms unheard (the clip lane's filters
 * fill; the linear lane is always fed), then a 20 ms raised-cosine crossfade, the same
 * law as BiquadCascade's network changes. Lanes switch only between transitions.
 *
 * Clip counts are taken from the clip lane while it is heard, as base-rate samples:
 * ⌈clip-rate samples / 8⌉ of the channel that clipped most.
 */
import { DENORMAL_FLOOR } from '../dsp/denormal.ts';
import { OversampledStage } from '../dsp/oversampled-stage.ts';
import type { OversamplingFactor } from '../dsp/oversampler.ts';
import type { Samples } from '../dsp/samples.ts';
import { LinearSmoother } from '../dsp/smoother.ts';

/** Inter-sample overshoot allowance when predicting whether a threshold can be reached. */
export const INTERSAMPLE_MARGIN = 2;
export const RAMP_MS = 20;

const IDLE = 0;
const WARMUP = 1;
const CROSSFADE = 2;

export interface ClipSectionOptions {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly maxBlockLength?: number;
  readonly clipFactor?: OversamplingFactor;
  readonly gain: number;
  readonly threshold: number;
  readonly peakIn: number;
}

export class ClipSection {
  readonly latencySamples: number;
  readonly clipFactor: number;
  private readonly channelCount: number;
  private readonly stage: OversampledStage;
  private readonly gain: LinearSmoother;
  private readonly gainBuffer: Float64Array;
  private readonly gained: Float64Array[] = [];
  private readonly linear: Float64Array[] = [];
  private readonly clipped: Float64Array[] = [];
  private readonly delays: Float64Array[] = [];
  private readonly warmupSamples: number;
  private readonly fadeCurve: Float64Array;
  private threshold: number;
  private planWantsClip = false;
  private hot = false;
  /** The heard lane: true = clip lane. */
  private clipHeard = false;
  private phase = IDLE;
  private position = 0;
  private clipRateCount = 0;

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
    this.latencySamples = this.stage.latencySamples;
    for (let c = 0; c < this.channelCount; c++) {
      this.gained.push(new Float64Array(maxBlockLength));
      this.linear.push(new Float64Array(maxBlockLength));
      this.clipped.push(new Float64Array(maxBlockLength));
      this.delays.push(new Float64Array(this.latencySamples + maxBlockLength));
    }
    this.gain = new LinearSmoother(options.sampleRateHz, RAMP_MS, options.gain);
    this.gainBuffer = new Float64Array(maxBlockLength);
    this.warmupSamples = Math.round((RAMP_MS * options.sampleRateHz) / 1000);
    this.fadeCurve = new Float64Array(this.warmupSamples);
    for (let k = 0; k < this.warmupSamples; k++) this.fadeCurve[k] = 0.5 - 0.5 * Math.cos((Math.PI * (k + 1)) / this.warmupSamples);
    this.threshold = options.threshold;
    this.setPlan(options.gain, options.threshold, options.peakIn, true);
  }

  /** True when the clip lane is heard or being faded in or out. */
  get clipLaneRunning(): boolean {
    return this.clipHeard || this.phase !== IDLE;
  }

  /** New gain and threshold (ramped over 20 ms unless `immediate`); peakIn as in the file comment. */
  setPlan(gain: number, threshold: number, peakIn: number, immediate = false): void {
    const before = this.gain.value;
    this.gain.setTarget(gain, immediate);
    this.threshold = threshold;
    this.stage.setThreshold(threshold, immediate || !this.clipLaneRunning);
    this.hot = false;
    this.planWantsClip = Math.max(Math.abs(before), Math.abs(gain)) * peakIn * INTERSAMPLE_MARGIN >= threshold;
    if (immediate) {
      this.clipHeard = this.planWantsClip;
      this.phase = IDLE;
      this.stage.reset();
    }
  }

  /** Base-rate samples clipped since the last call (see the file comment). */
  takeClipCount(): number {
    const count = Math.ceil(this.clipRateCount / this.clipFactor);
    this.clipRateCount = 0;
    return count;
  }

  /** `inputs[c]` may repeat one array (mono); `outputs[c]` are distinct. */
  process(inputs: readonly Samples[], outputs: readonly Float64Array[], length: number): void {
    const gain = this.gainBuffer;
    this.gain.fill(gain, length);
    let peak = 0;
    for (let c = 0; c < this.channelCount; c++) {
      const source = inputs[c]!;
      const target = this.gained[c]!;
      for (let i = 0; i < length; i++) {
        const v = source[i]! * gain[i]!;
        const ok = v - v === 0 && (v >= DENORMAL_FLOOR || v <= -DENORMAL_FLOOR);
        target[i] = ok ? v : 0;
        if (ok && (v > peak || -v > peak)) peak = v > 0 ? v : -v;
      }
    }
    if (!this.clipHeard && !this.hot && peak * INTERSAMPLE_MARGIN >= this.threshold) this.hot = true;
    const wantsClip = this.planWantsClip || this.hot;
    if (this.phase === IDLE && wantsClip !== this.clipHeard) {
      if (wantsClip) {
        this.stage.reset();
        this.stage.setThreshold(this.threshold, true);
      }
      this.phase = WARMUP;
      this.position = 0;
    }

    for (let c = 0; c < this.channelCount; c++) this.delay(this.delays[c]!, this.gained[c]!, this.linear[c]!, length);
    const running = this.clipLaneRunning;
    if (running) {
      this.stage.process(this.gained, this.clipped, length);
      const a = this.stage.takeClipCount(0);
      const b = this.channelCount > 1 ? this.stage.takeClipCount(1) : 0;
      if (this.clipHeard || this.phase === CROSSFADE) this.clipRateCount += a > b ? a : b;
    }

    if (this.phase === IDLE) {
      const heard = this.clipHeard ? this.clipped : this.linear;
      for (let c = 0; c < this.channelCount; c++) {
        const from = heard[c]!;
        const to = outputs[c]!;
        for (let i = 0; i < length; i++) to[i] = from[i]!;
      }
      return;
    }
    const old = this.clipHeard ? this.clipped : this.linear;
    const incoming = this.clipHeard ? this.linear : this.clipped;
    let phase = this.phase;
    let position = this.position;
    for (let c = 0; c < this.channelCount; c++) {
      const a = old[c]!;
      const b = incoming[c]!;
      const to = outputs[c]!;
      phase = this.phase;
      position = this.position;
      for (let i = 0; i < length; i++) {
        if (phase === WARMUP) {
          to[i] = a[i]!;
          if (++position >= this.warmupSamples) {
            phase = CROSSFADE;
            position = 0;
          }
        } else if (phase === CROSSFADE) {
          const w = this.fadeCurve[position]!;
          to[i] = a[i]! + w * (b[i]! - a[i]!);
          if (++position >= this.fadeCurve.length) phase = IDLE;
        } else {
          to[i] = b[i]!;
        }
      }
    }
    this.phase = phase;
    this.position = position;
    if (phase === IDLE) this.clipHeard = !this.clipHeard;
  }

  /** Linear delay line: the block goes in after the last L samples; the oldest L + n come out. */
  private delay(line: Float64Array, input: Float64Array, output: Float64Array, length: number): void {
    const l = this.latencySamples;
    for (let i = 0; i < length; i++) line[l + i] = input[i]!;
    for (let i = 0; i < length; i++) output[i] = line[i]!;
    line.copyWithin(0, length, length + l);
  }
}
