/**
 * Reference (tests only; the product builds headroom-chain): the worklet host the reference
 * headroom-source and headroom-amp share around their stage: 1 input, 1 output, stereo; the
 * plan checked at construction and on each plan message, the stage's output written with a
 * finiteness guard, its clip count posted ≤ 30 times a second as { type: 'meters', frame, clips }.
 */
import { listenForPlans, OPTIONS_ROOT } from '../../../worklets/processors/messages.ts';
import { PlanChecker } from '../../../worklets/processors/plan-check.ts';
import { selectStereoInput } from '../../../worklets/processors/stage-io.ts';
import { contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from '../../../worklets/processors/worklet-scope.ts';
import type { Samples } from '../../../worklets/dsp/samples.ts';
import type { Plan } from '../../../src/model/compile.ts';
import { StageMeters, writeOutput } from './stage-io.ts';

const BLOCK = 128;
const CHANNELS = 2;

/** What the host needs of a stage (SourceStage and AmpStage). */
interface Stage<S> {
  readonly latencySamples: number;
  set(settings: S): void;
  process(inputs: readonly Samples[], outputs: readonly Float64Array[], length: number): number;
}

/** How one kind of stage is made and set from a checked plan. */
export interface StageKind<S> {
  readonly name: string;
  settings(checker: PlanChecker, plan: Plan, sampleRateHz: number): S;
  create(sampleRateHz: number, channels: number, block: number, settings: S): Stage<S>;
}

export abstract class StageProcessor<S> extends ProcessorBase {
  readonly latencySamples: number;
  /** Set by a { type: 'release' } message: process() returns false from then on. */
  private released = false;
  private readonly stage: Stage<S>;
  private readonly work: Float64Array[] = [];
  private readonly inputs: Float32Array[];
  private readonly silence = new Float32Array(BLOCK);
  private readonly meters: StageMeters;

  constructor(kind: StageKind<S>, options?: ProcessorNodeOptions) {
    super(options);
    const sampleRateHz = contextSampleRate();
    const checker = new PlanChecker(kind.name, OPTIONS_ROOT);
    const plan = checker.plan(options?.processorOptions && (options.processorOptions as { plan?: unknown }).plan, sampleRateHz);
    this.stage = kind.create(sampleRateHz, CHANNELS, BLOCK, kind.settings(checker, plan, sampleRateHz));
    for (let c = 0; c < CHANNELS; c++) this.work.push(new Float64Array(BLOCK));
    this.inputs = [this.silence, this.silence];
    this.meters = new StageMeters(sampleRateHz);
    this.latencySamples = this.stage.latencySamples;
    listenForPlans(this.port, kind.name, (messageChecker, value) => {
      this.stage.set(kind.settings(messageChecker, messageChecker.plan(value, sampleRateHz), sampleRateHz));
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
