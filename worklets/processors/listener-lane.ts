/**
 * One way of running a listener's path, base rate in and out (see splitter-stage.ts):
 *
 *   kind 1×:   base EMF ─────────────── network @1× ───────────────── pad ─→
 *   kind 2×:   shared ↑2 EMF ────────── network @2× ─ every 2nd sample ─ pad ─→
 *   kind 4×:   shared ↑4 EMF ────────── network @4× ─ every 4th sample ─ pad ─→
 *   kind clip: base EMF ─ OversampledStage (↑8, ADAA clip, ↓2, network @4×, ↓4) ─ pad ─→
 *   kind clip, mid/side: the same twice, one stage with the mid network and one with the side
 *              network, both clipping left and right; out = (mid_L + mid_R)/2 ± (side_L − side_R)/2
 *
 * With shared ground returns (a side network in the plan) the linear kinds run their network
 * in mid/side form (stereo-network.ts): left and right are then no longer independent.
 * Why a linear lane needs no decimation filter. The shared interpolators leave
 * U(f) = X(f)·Hi(f): the input's band with its images at k·fs ± f attenuated by their
 * stopband, ≥ 100 dB for every image that folds into 0–20 kHz. The network is linear
 * and time-invariant, so taking every factor-th sample of N·U gives, for f ≤ 20 kHz,
 *
 *   Y(f) = X(f)·[N(f)·Hi(f) + Σ_k N(k·fs − f)·Hi(k·fs − f)] / factor
 *        = X(f)·N(f) · (1 + ε),   |ε| ≤ 10^(−100/20) · max|N| / |N(f)|
 *
 * A decimation FIR would only attenuate images that are already 100 dB down; it is
 * needed where something nonlinear makes new content above the base band (the clip
 * lane), not here. Picking the sample phase that matches the stream's lag makes the
 * lane's delay a whole number of base samples (splitter-stage.ts, pickFor).
 *
 * Every kind pads to the splitter's one latency, so lanes can be crossfaded. The pad is
 * the lane's delay line itself: a block is written `pad` samples in and read from the
 * front, so the output costs no copy.
 * Objects are allocated in `prepare` (plan handler), never in `process`.
 */
import type { BiquadSections } from '../dsp/analog-to-digital.ts';
import { OversampledStage } from '../dsp/oversampled-stage.ts';
import { StereoNetwork } from '../dsp/stereo-network.ts';
import { RAMP_MS } from './clip-section.ts';

export const KIND_1X = 0;
export const KIND_2X = 1;
export const KIND_4X = 2;
export const KIND_CLIP = 3;
/** The clip lane with a side network: two clipping stages, combined in mid/side. */
export const KIND_CLIP_MID_SIDE = 4;
export type LaneKind = 0 | 1 | 2 | 3 | 4;

/** Most sections a listener network may have (a 32nd-order network). */
export const MAX_SECTIONS = 16;

export interface LaneContext {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly block: number;
  /** Base-rate pad per kind, making every kind's delay the splitter's latency. */
  readonly pads: readonly number[];
  /** Per linear kind (1×, 2×, 4×): the phase of the samples the lane keeps (see the file comment). */
  readonly pickPhases: readonly number[];
}

export class ListenerLane {
  kind: LaneKind = KIND_1X;
  private readonly cascades: (StereoNetwork | null)[] = [null, null, null];
  private stage: OversampledStage | null = null;
  /** The side network's clipping stage (KIND_CLIP_MID_SIDE only). */
  private sideStage: OversampledStage | null = null;
  private readonly work: Float64Array[] = [];
  private readonly delays: Float64Array[] = [];
  /**
   * Per kind, per channel: the delay line from that kind's pad on. A kind's base-rate
   * result is written straight there (the 1× cascade filters from the shared input into it),
   * so the pad costs a copyWithin, not another pass.
   */
  private readonly tails: Float64Array[][] = [];
  /**
   * Per channel: the lane's output for the block just processed, the head of its delay
   * line (valid until the next `process`, which shifts the line first; a caller may
   * write into it, e.g. to crossfade).
   */
  readonly outputs: Float64Array[];
  private pad = 0;
  /** Length of the previous block: the line is shifted by it before the next one is written. */
  private shift = 0;

  constructor(private readonly context: LaneContext) {
    const { channelCount, block } = context;
    const maxPad = Math.max(...context.pads);
    for (let c = 0; c < channelCount; c++) {
      this.work.push(new Float64Array(4 * block));
      this.delays.push(new Float64Array(maxPad + block));
    }
    for (let kind = 0; kind < context.pads.length; kind++) {
      const pad = context.pads[kind]!;
      this.tails.push(this.delays.map((line) => line.subarray(pad, pad + block)));
    }
    this.outputs = this.delays.map((line) => line.subarray(0, block));
  }

  /** Allocates what `kind` needs (plan handler only). */
  prepare(kind: LaneKind, threshold: number): void {
    const { sampleRateHz, channelCount, block } = this.context;
    if (kind === KIND_CLIP || kind === KIND_CLIP_MID_SIDE) {
      const stage = () => new OversampledStage({ sampleRateHz, channelCount, maxBlockLength: block, clipFactor: 8, networkFactor: 4, maxSections: MAX_SECTIONS, rampMs: RAMP_MS, gain: 1, threshold });
      this.stage ??= stage();
      if (kind === KIND_CLIP_MID_SIDE) this.sideStage ??= stage();
      return;
    }
    const factor = 2 ** kind;
    this.cascades[kind] ??= new StereoNetwork({
      maxSections: MAX_SECTIONS,
      maxBlockLength: factor * block,
      sampleRateHz: sampleRateHz * factor,
      warmupMs: RAMP_MS,
      crossfadeMs: RAMP_MS,
    });
  }

  /** Starts this lane afresh as `kind` (state cleared); `prepare` must have run. */
  load(kind: LaneKind, sections: BiquadSections, sideSections: BiquadSections | null, threshold: number): void {
    this.kind = kind;
    this.pad = this.context.pads[kind]!;
    this.shift = 0;
    for (let c = 0; c < this.context.channelCount; c++) this.delays[c]!.fill(0);
    if (kind === KIND_CLIP || kind === KIND_CLIP_MID_SIDE) {
      loadStage(this.stage!, sections, threshold);
      if (kind === KIND_CLIP_MID_SIDE) loadStage(this.sideStage!, sideSections!, threshold);
    } else {
      this.cascades[kind]!.setSections(sections, sideSections, true);
    }
  }

  /** Same kind, new networks or threshold: ramped and crossfaded inside the kernels. */
  update(sections: BiquadSections, sideSections: BiquadSections | null, threshold: number): void {
    if (this.kind === KIND_CLIP || this.kind === KIND_CLIP_MID_SIDE) {
      this.stage!.setThreshold(threshold);
      this.stage!.setNetwork(sections);
      if (this.kind === KIND_CLIP_MID_SIDE) {
        this.sideStage!.setThreshold(threshold);
        this.sideStage!.setNetwork(sideSections!);
      }
    } else {
      this.cascades[this.kind]!.setSections(sections, sideSections);
    }
  }

  /** Clipped samples of the busiest channel (both stages of a mid/side clip lane clip alike: the mid one counts). */
  takeClipCount(): number {
    if (this.kind !== KIND_CLIP && this.kind !== KIND_CLIP_MID_SIDE) return 0;
    if (this.kind === KIND_CLIP_MID_SIDE) {
      this.sideStage!.takeClipCount(0);
      if (this.context.channelCount > 1) this.sideStage!.takeClipCount(1);
    }
    const a = this.stage!.takeClipCount(0);
    const b = this.context.channelCount > 1 ? this.stage!.takeClipCount(1) : 0;
    return a > b ? a : b;
  }

  /** One block into `outputs` (see there). */
  process(base: readonly Float64Array[], twice: readonly Float64Array[], four: readonly Float64Array[], length: number): void {
    const channels = this.context.channelCount;
    const kind = this.kind;
    const tail = this.tails[kind]!;
    // The previous block's output leaves the line; its last `pad` samples move to the front.
    const shift = this.shift;
    if (shift > 0) for (let c = 0; c < channels; c++) this.delays[c]!.copyWithin(0, shift, shift + this.pad);
    this.shift = length;
    if (kind === KIND_CLIP) {
      this.stage!.process(base, tail, length);
    } else if (kind === KIND_CLIP_MID_SIDE) {
      this.stage!.process(base, tail, length);
      this.sideStage!.process(base, this.work, length);
      combineMidSide(tail, this.work, length);
    } else if (kind === KIND_1X) {
      this.cascades[kind]!.process(tail, length, base);
    } else {
      const n = (kind === KIND_2X ? 2 : 4) * length;
      this.cascades[kind]!.process(this.work, n, kind === KIND_2X ? twice : four);
      const step = kind === KIND_2X ? 2 : 4;
      const phase = this.context.pickPhases[kind]!;
      for (let c = 0; c < channels; c++) {
        const from = this.work[c]!;
        const to = tail[c]!;
        for (let i = 0; i < length; i++) to[i] = from[step * i + phase]!;
      }
    }
  }
}

function loadStage(stage: OversampledStage, sections: BiquadSections, threshold: number): void {
  stage.reset();
  stage.setThreshold(threshold, true);
  stage.setNetwork(sections, true);
}

/**
 * Left and right from two clipped stereo outputs: `mid` ran the mid network and `side` the
 * side network on both channels, so (mid_L + mid_R)/2 is the mid signal through H_mid and
 * (side_L − side_R)/2 the side signal through H_side; written into `mid`.
 */
function combineMidSide(mid: readonly Float64Array[], side: readonly Float64Array[], length: number): void {
  const ml = mid[0]!;
  const mr = mid[1]!;
  const sl = side[0]!;
  const sr = side[1]!;
  for (let i = 0; i < length; i++) {
    const m = 0.5 * (ml[i]! + mr[i]!);
    const s = 0.5 * (sl[i]! - sr[i]!);
    ml[i] = m + s;
    mr[i] = m - s;
  }
}
