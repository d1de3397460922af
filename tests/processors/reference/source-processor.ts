/**
 * Reference (tests only; the product builds headroom-chain): `headroom-source`: 1 input (digital samples), 1 output (volts), stereo; the source
 * stage of source-stage.ts with the worklet host around it:
 *
 *   x · source.voltsPerFullScale ─ clip ±source.clipPeakVolts ─ amp.input(s) when the chain has an amp ─→ volts
 *
 * Meters, ≤ 30 per second: { type: 'meters', frame, clips }.
 */
import { listenForPlans, OPTIONS_ROOT } from '../../../worklets/processors/messages.ts';
import { PlanChecker } from '../../../worklets/processors/plan-check.ts';
import { sourceSettings, SourceStage } from '../../../worklets/processors/source-stage.ts';
import { selectStereoInput } from '../../../worklets/processors/stage-io.ts';
import { StageMeters, writeOutput } from './stage-io.ts';
import { contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from '../../../worklets/processors/worklet-scope.ts';

const NAME = 'headroom-source';
const BLOCK = 128;
const CHANNELS = 2;

export class HeadroomSourceProcessor extends ProcessorBase {
  readonly latencySamples: number;
  /** Set by a { type: 'release' } message: process() returns false from then on. */
  private released = false;
  private readonly stage: SourceStage;
  private readonly work: Float64Array[] = [];
  private readonly inputs: Float32Array[];
  private readonly silence = new Float32Array(BLOCK);
  private readonly meters: StageMeters;

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    const sampleRateHz = contextSampleRate();
    const checker = new PlanChecker(NAME, OPTIONS_ROOT);
    const plan = checker.plan(options?.processorOptions && (options.processorOptions as { plan?: unknown }).plan, sampleRateHz);
    this.stage = new SourceStage(sampleRateHz, CHANNELS, BLOCK, sourceSettings(checker, plan, sampleRateHz));
    for (let c = 0; c < CHANNELS; c++) this.work.push(new Float64Array(BLOCK));
    this.inputs = [this.silence, this.silence];
    this.meters = new StageMeters(sampleRateHz);
    this.latencySamples = this.stage.latencySamples;
    listenForPlans(this.port, NAME, (messageChecker, value) => {
      this.stage.set(sourceSettings(messageChecker, messageChecker.plan(value, sampleRateHz), sampleRateHz));
    }, () => (this.released = true));
    this.port.postMessage({ type: 'ready', latencySamples: this.latencySamples });
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.released) return false;
    const out = outputs[0];
    if (!out || out.length === 0) return true;
    const length = Math.min(out[0]!.length, BLOCK);
    selectStereoInput(inputs, this.silence, this.inputs);
    this.meters.add(this.stage.process(this.inputs, this.work, length));
    writeOutput(this.work, out, length);
    this.meters.afterBlock(length, this.port);
    return true;
  }
}
