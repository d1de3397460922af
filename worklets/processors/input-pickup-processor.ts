/**
 * `headroom-input-pickup`: a guitar pickup loaded by its cable and input, 1 input (the
 * pickup's EMF), 1 output (the voltage at the input), stereo.
 *
 * Options / message plan: { numerator, denominator } — H(s) from the model
 * (src/model/input/plan.ts `pickupPlan`), mapped by the pre-warped bilinear transform
 * (worklets/dsp/input-pickup.ts) at 8× the context rate and run as biquads between
 * half-band interpolators and decimators (OversampledStage with no clip threshold: a
 * linear stage, as a splitter branch); a new plan crossfades click-free.
 * Out: { type: 'ready', latencySamples } (the half-band filters' delay);
 *      { type: 'error', message } for a bad plan.
 */
import { pickupSections } from '../dsp/input-pickup.ts';
import { pickupStageOptions } from '../dsp/input-pickup-stage.ts';
import { OversampledStage } from '../dsp/oversampled-stage.ts';
import { copyInputToOutput, listenForPlans, numberArray, record } from './input-options.ts';
import { contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from './worklet-scope.ts';

const NAME = 'headroom-input-pickup';
const CHANNELS = 2;

export class HeadroomInputPickupProcessor extends ProcessorBase {
  private readonly stage: OversampledStage;
  /** Stands in for a missing right channel, so the stage always filters two distinct arrays. */
  private readonly spare = new Float32Array(128);
  /** Always two entries, overwritten per block (setting length = 0 and pushing would reallocate). */
  private readonly io: Float32Array[] = [this.spare, this.spare];

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    this.stage = new OversampledStage(pickupStageOptions(contextSampleRate(), CHANNELS));
    const processorOptions = record(NAME, 'processorOptions', options?.processorOptions);
    this.apply(processorOptions['plan'], true);
    listenForPlans(this.port, NAME, (plan) => this.apply(plan, false));
    this.port.postMessage({ type: 'ready', latencySamples: this.stage.latencySamples });
  }

  get latencySamples(): number {
    return this.stage.latencySamples;
  }

  /** The last design's pre-warp frequency and worst level error (for tests and tools). */
  design: { prewarpHz: number; worstErrorDb: number } = { prewarpHz: 0, worstErrorDb: 0 };

  private apply(value: unknown, immediate: boolean): void {
    const plan = record(NAME, 'plan', value);
    const numerator = numberArray(NAME, 'plan.numerator', plan['numerator'], 1, 3);
    const denominator = numberArray(NAME, 'plan.denominator', plan['denominator'], 2, 3);
    if (!denominator.every((c) => c > 0)) throw new RangeError(`${NAME}: plan.denominator must have positive coefficients, a stable low-pass (got ${JSON.stringify(denominator)})`);
    const design = pickupSections(numerator, denominator, this.stage.networkRateHz, contextSampleRate());
    this.design = { prewarpHz: design.prewarpHz, worstErrorDb: design.worstErrorDb };
    this.stage.setNetwork(design.sections, immediate);
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const length = copyInputToOutput(inputs, outputs);
    if (length === 0) return true;
    const out = outputs[0]!;
    this.io[0] = out[0]!;
    this.io[1] = out.length > 1 ? out[1]! : this.spare;
    this.stage.process(this.io, this.io, length);
    return true;
  }
}
