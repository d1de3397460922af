/**
 * Reference (tests only; the product builds headroom-chain): `headroom-amp`: 1 input (volts at the amp input, from headroom-source), 1 output, stereo;
 * the amp stage of amp-stage.ts with the worklet host around it:
 *
 *   x · amp.gain ─ clip ±amp.clipPeakVolts (ClipSection, ADAA at 8×) ─→ amp EMF, volts
 *
 * Meters, ≤ 30 per second: { type: 'meters', frame, clips }.
 */
import { ampSettings, AmpStage } from '../../../worklets/processors/amp-stage.ts';
import { listenForPlans, OPTIONS_ROOT } from '../../../worklets/processors/messages.ts';
import { PlanChecker } from '../../../worklets/processors/plan-check.ts';
import { selectStereoInput } from '../../../worklets/processors/stage-io.ts';
import { StageMeters, writeOutput } from './stage-io.ts';
import { contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from '../../../worklets/processors/worklet-scope.ts';

const NAME = 'headroom-amp';
const BLOCK = 128;
const CHANNELS = 2;

export class HeadroomAmpProcessor extends ProcessorBase {
  readonly latencySamples: number;
  /** Set by a { type: 'release' } message: process() returns false from then on. */
  private released = false;
  private readonly stage: AmpStage;
  private readonly work: Float64Array[] = [];
  private readonly inputs: Float32Array[];
  private readonly silence = new Float32Array(BLOCK);
  private readonly meters: StageMeters;

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    const sampleRateHz = contextSampleRate();
    const checker = new PlanChecker(NAME, OPTIONS_ROOT);
    const plan = checker.plan(options?.processorOptions && (options.processorOptions as { plan?: unknown }).plan, sampleRateHz);
    this.stage = new AmpStage(sampleRateHz, CHANNELS, BLOCK, ampSettings(checker, plan));
    for (let c = 0; c < CHANNELS; c++) this.work.push(new Float64Array(BLOCK));
    this.inputs = [this.silence, this.silence];
    this.meters = new StageMeters(sampleRateHz);
    this.latencySamples = this.stage.latencySamples;
    listenForPlans(this.port, NAME, (messageChecker, value) => {
      this.stage.set(ampSettings(messageChecker, messageChecker.plan(value, sampleRateHz)));
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
