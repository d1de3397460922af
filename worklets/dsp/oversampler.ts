/**
 * Cascaded 2× half-band stages: 1× → 2× → 4× → 8× and back, one channel per object.
 *
 * Stage k (k = 1…3) runs between rates 2^(k−1)·fs and 2^k·fs and is designed at its
 * high rate with the 20 kHz passband (see half-band-design.ts). Later stages see a
 * far wider transition band (their images start at 2^(k−1)·fs − 20 kHz), so they are
 * short: at 48 kHz the three stages have 79, 27 and 23 taps for 100 dB (see
 * docs/dsp.md for the measured table). Cost is dominated by the first stage.
 *
 * Latency: stage k delays by M_k samples of its high rate in each direction, so a
 * full round trip 1× → 2^K× → 1× delays Σ_k 2·M_k / 2^k base-rate samples; each term
 * M_k·2^(1−k) is an integer only for k = 1, so the owner (OversampledStage) pads.
 */
import { audioPassbandEdge, designHalfBand, type HalfBandDesign } from './half-band-design.ts';
import { HalfBandDecimator, HalfBandInterpolator } from './half-band.ts';
import type { Samples } from './samples.ts';

export type OversamplingFactor = 1 | 2 | 4 | 8;

export interface OversamplingDesignOptions {
  readonly baseRateHz: number;
  /** Highest factor needed; designs are made for every stage up to it. */
  readonly factor: OversamplingFactor;
  readonly passbandHz?: number;
  readonly stopbandDb?: number;
}

export function factorLog2(factor: number): number {
  switch (factor) {
    case 1: return 0;
    case 2: return 1;
    case 4: return 2;
    case 8: return 3;
    default: throw new RangeError(`oversampling factor must be 1, 2, 4 or 8 (got ${factor})`);
  }
}

/**
 * Designs already made, by specification: every stage of every chain at one sample rate
 * shares them, so a second stage or a new plan costs no design time. Immutable once made.
 */
const designCache = new Map<string, HalfBandDesign[]>();

/** Half-band designs for stages 1…log2(factor); index 0 is the 1×↔2× stage. */
export function designOversamplingStages(options: OversamplingDesignOptions): HalfBandDesign[] {
  const key = `${options.baseRateHz}/${options.factor}/${options.passbandHz ?? ''}/${options.stopbandDb ?? ''}`;
  const cached = designCache.get(key);
  if (cached) return cached;
  const designs = makeDesigns(options);
  designCache.set(key, designs);
  return designs;
}

function makeDesigns(options: OversamplingDesignOptions): HalfBandDesign[] {
  const levels = factorLog2(options.factor);
  const designs: HalfBandDesign[] = [];
  for (let k = 1; k <= levels; k++) {
    const highRateHz = options.baseRateHz * 2 ** k;
    const spec = { passbandEdge: audioPassbandEdge(highRateHz, options.baseRateHz, options.passbandHz), stopbandDb: options.stopbandDb ?? 100 };
    designs.push(designHalfBand(spec));
  }
  return designs;
}

/** 1× → 2^K×. `process` returns an internal buffer holding length·2^K samples. */
export class UpsamplerChain {
  readonly factor: number;
  /** Delay in samples of the output (highest) rate. */
  readonly delayOutputRate: number;
  private readonly stages: HalfBandInterpolator[];
  private readonly buffers: Float64Array[];

  constructor(designs: readonly HalfBandDesign[], levels: number, maxInputLength: number) {
    if (levels > designs.length) throw new RangeError(`need ${levels} stage designs (got ${designs.length})`);
    this.factor = 2 ** levels;
    this.stages = designs.slice(0, levels).map((d, k) => new HalfBandInterpolator(d, maxInputLength * 2 ** k));
    this.buffers = [];
    for (let k = 0; k <= levels; k++) this.buffers.push(new Float64Array(maxInputLength * 2 ** k));
    let delay = 0;
    for (let k = 0; k < levels; k++) delay = 2 * delay + this.stages[k]!.delayHighRate;
    this.delayOutputRate = delay;
  }

  reset(): void {
    // Index loops: a reset runs inside process() when a lane restarts, and for…of would
    // allocate an iterator there in code too cold for the optimiser to remove it.
    for (let k = 0; k < this.stages.length; k++) this.stages[k]!.reset();
  }

  process(input: Samples, length: number): Float64Array {
    const first = this.buffers[0]!;
    for (let i = 0; i < length; i++) first[i] = input[i]!;
    let n = length;
    for (let k = 0; k < this.stages.length; k++) {
      this.stages[k]!.process(this.buffers[k]!, n, this.buffers[k + 1]!);
      n *= 2;
    }
    return this.buffers[this.stages.length]!;
  }
}

/**
 * 2^from× → 2^to× (from > to ≥ 0). `process` takes length·2^(from−to) input samples and
 * writes `length` samples of the output rate into `output`.
 */
export class DownsamplerChain {
  /** Delay in samples of the input (highest) rate. */
  readonly delayInputRate: number;
  private readonly stages: HalfBandDecimator[];
  private readonly buffers: Float64Array[];

  constructor(designs: readonly HalfBandDesign[], fromLevel: number, toLevel: number, maxOutputLength: number) {
    if (!(fromLevel >= toLevel && toLevel >= 0 && fromLevel <= designs.length)) {
      throw new RangeError(`need 0 ≤ toLevel ≤ fromLevel ≤ ${designs.length} (got ${fromLevel} → ${toLevel})`);
    }
    // Stage for the step from level k to k − 1 uses design k − 1; order high → low.
    this.stages = [];
    for (let k = fromLevel; k > toLevel; k--) this.stages.push(new HalfBandDecimator(designs[k - 1]!, maxOutputLength * 2 ** (k - 1 - toLevel)));
    this.buffers = [];
    // Intermediate results between stages (not needed after the last one).
    for (let k = fromLevel - 1; k > toLevel; k--) this.buffers.push(new Float64Array(maxOutputLength * 2 ** (k - toLevel)));
    let delay = 0;
    let weight = 1;
    for (const stage of this.stages) {
      delay += stage.delayHighRate * weight;
      weight *= 2;
    }
    this.delayInputRate = delay;
  }

  reset(): void {
    // Index loops: a reset runs inside process() when a lane restarts, and for…of would
    // allocate an iterator there in code too cold for the optimiser to remove it.
    for (let k = 0; k < this.stages.length; k++) this.stages[k]!.reset();
  }

  process(input: Float64Array, length: number, output: Samples): void {
    const count = this.stages.length;
    if (count === 0) {
      for (let i = 0; i < length; i++) output[i] = input[i]!;
      return;
    }
    let source = input;
    let n = length * 2 ** (count - 1);
    for (let k = 0; k < count; k++) {
      const target = k === count - 1 ? output : this.buffers[k]!;
      this.stages[k]!.process(source, n, target);
      if (k < count - 1) source = this.buffers[k]!;
      n /= 2;
    }
  }
}
