/**
 * One way of running a listener's path, base rate in and out (see splitter-processor.ts):
 *
 *   kind 1×:   base EMF ─────────────────── network @1× ─────── pad ─→
 *   kind 2×:   shared ↑2 EMF ────────────── network @2× ─ ↓2 ── pad ─→
 *   kind 4×:   shared ↑4 EMF (+ shared pad) network @4× ─ ↓4 ── pad ─→
 *   kind clip: base EMF ─ OversampledStage (↑8, ADAA clip, ↓2, network @4×, ↓4) ─ pad ─→
 *
 * Every kind pads to the splitter's one latency, so lanes can be crossfaded.
 * Objects are allocated in `prepare` (plan handler), never in `process`.
 */
import type { BiquadSections } from '../dsp/analog-to-digital.ts';
import { BiquadCascade } from '../dsp/biquad-cascade.ts';
import type { HalfBandDesign } from '../dsp/half-band-design.ts';
import { OversampledStage } from '../dsp/oversampled-stage.ts';
import { DownsamplerChain } from '../dsp/oversampler.ts';
import { RAMP_MS } from './clip-section.ts';

export const KIND_1X = 0;
export const KIND_2X = 1;
export const KIND_4X = 2;
export const KIND_CLIP = 3;
export type LaneKind = 0 | 1 | 2 | 3;

/** Most sections a listener network may have (a 32nd-order network). */
export const MAX_SECTIONS = 16;

export interface LaneContext {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly block: number;
  readonly designs: readonly HalfBandDesign[];
  /** Base-rate pad per kind, making every kind's delay the splitter's latency. */
  readonly pads: readonly number[];
}

export class ListenerLane {
  kind: LaneKind = KIND_1X;
  private readonly cascades: (BiquadCascade | null)[] = [null, null, null];
  private stage: OversampledStage | null = null;
  private readonly down2: DownsamplerChain[] = [];
  private readonly down4: DownsamplerChain[] = [];
  private readonly work: Float64Array[] = [];
  private readonly delays: Float64Array[] = [];
  /**
   * Per kind, per channel: the delay line from that kind's pad on. A kind's base-rate
   * result is written straight there (the 1× cascade filters it in place), so the pad
   * costs one copy out and a copyWithin, not two more passes.
   */
  private readonly tails: Float64Array[][] = [];
  private pad = 0;

  constructor(private readonly context: LaneContext) {
    const { channelCount, block, designs } = context;
    const maxPad = Math.max(...context.pads);
    for (let c = 0; c < channelCount; c++) {
      this.down2.push(new DownsamplerChain(designs, 1, 0, block));
      this.down4.push(new DownsamplerChain(designs, 2, 0, block));
      this.work.push(new Float64Array(4 * block));
      this.delays.push(new Float64Array(maxPad + block));
    }
    for (let kind = 0; kind < context.pads.length; kind++) {
      const pad = context.pads[kind]!;
      this.tails.push(this.delays.map((line) => line.subarray(pad, pad + block)));
    }
  }

  /** Allocates what `kind` needs (plan handler only). */
  prepare(kind: LaneKind, threshold: number): void {
    const { sampleRateHz, channelCount, block } = this.context;
    if (kind === KIND_CLIP) {
      this.stage ??= new OversampledStage({ sampleRateHz, channelCount, maxBlockLength: block, clipFactor: 8, networkFactor: 4, maxSections: MAX_SECTIONS, rampMs: RAMP_MS, gain: 1, threshold });
      return;
    }
    const factor = 2 ** kind;
    this.cascades[kind] ??= new BiquadCascade({
      maxSections: MAX_SECTIONS,
      channelCount,
      maxBlockLength: factor * block,
      sampleRateHz: sampleRateHz * factor,
      warmupMs: RAMP_MS,
      crossfadeMs: RAMP_MS,
    });
  }

  /** Starts this lane afresh as `kind` (state cleared); `prepare` must have run. */
  load(kind: LaneKind, sections: BiquadSections, threshold: number): void {
    this.kind = kind;
    this.pad = this.context.pads[kind]!;
    for (let c = 0; c < this.context.channelCount; c++) {
      this.delays[c]!.fill(0);
      this.down2[c]!.reset();
      this.down4[c]!.reset();
    }
    if (kind === KIND_CLIP) {
      const stage = this.stage!;
      stage.reset();
      stage.setThreshold(threshold, true);
      stage.setNetwork(sections, true);
    } else {
      this.cascades[kind]!.setSections(sections, true);
    }
  }

  /** Same kind, new network or threshold: ramped and crossfaded inside the kernels. */
  update(sections: BiquadSections, threshold: number): void {
    if (this.kind === KIND_CLIP) {
      this.stage!.setThreshold(threshold);
      this.stage!.setNetwork(sections);
    } else {
      this.cascades[this.kind]!.setSections(sections);
    }
  }

  takeClipCount(): number {
    if (this.kind !== KIND_CLIP) return 0;
    const a = this.stage!.takeClipCount(0);
    const b = this.context.channelCount > 1 ? this.stage!.takeClipCount(1) : 0;
    return a > b ? a : b;
  }

  process(base: readonly Float64Array[], twice: readonly Float64Array[], four: readonly Float64Array[], out: readonly Float64Array[], length: number): void {
    const channels = this.context.channelCount;
    const kind = this.kind;
    const tail = this.tails[kind]!;
    if (kind === KIND_CLIP) {
      this.stage!.process(base, tail, length);
    } else if (kind === KIND_1X) {
      for (let c = 0; c < channels; c++) {
        const from = base[c]!;
        const to = tail[c]!;
        for (let i = 0; i < length; i++) to[i] = from[i]!;
      }
      this.cascades[kind]!.process(tail, length);
    } else {
      const source = kind === KIND_2X ? twice : four;
      const n = (kind === KIND_2X ? 2 : 4) * length;
      for (let c = 0; c < channels; c++) {
        const from = source[c]!;
        const to = this.work[c]!;
        for (let i = 0; i < n; i++) to[i] = from[i]!;
      }
      this.cascades[kind]!.process(this.work, n);
      const down = kind === KIND_2X ? this.down2 : this.down4;
      for (let c = 0; c < channels; c++) down[c]!.process(this.work[c]!, length, tail[c]!);
    }
    const d = this.pad;
    for (let c = 0; c < channels; c++) {
      const line = this.delays[c]!;
      const to = out[c]!;
      for (let i = 0; i < length; i++) to[i] = line[i]!;
      line.copyWithin(0, length, length + d);
    }
  }
}
