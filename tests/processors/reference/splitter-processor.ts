/**
 * Reference (tests only; the product builds headroom-chain): `headroom-splitter`: 1 input (the driving stage's EMF, volts, stereo), N outputs
 * (N = plan.listeners.length, 1…8), 2 channels each: the splitter stage of
 * splitter-stage.ts (each listener's network, jack clip and output gain) with the
 * worklet host around it.
 *
 * Meters, ≤ 30 per second: { type: 'meters', frame, listeners: [{ peak: [l, r],
 * rms: [l, r], clips }] } over the frames since the last report; clips are base-rate
 * samples clipped by this listener's jack clip (upstream stages report their own).
 */
import { listenForPlans, MeterClock, OPTIONS_ROOT } from '../../../worklets/processors/messages.ts';
import { PlanChecker } from '../../../worklets/processors/plan-check.ts';
import { listenerSettings, SplitterStage, type ListenerReport } from '../../../worklets/processors/splitter-stage.ts';
import { contextFrame, contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from '../../../worklets/processors/worklet-scope.ts';

const NAME = 'headroom-splitter';
const BLOCK = 128;

export class HeadroomSplitterProcessor extends ProcessorBase {
  readonly latencySamples: number;
  /** Set by a { type: 'release' } message: process() returns false from then on. */
  private released = false;
  private readonly stage: SplitterStage;
  private readonly clock: MeterClock;
  private readonly meters: { type: string; frame: number; listeners: readonly ListenerReport[] };
  private readonly silence = new Float32Array(BLOCK);

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    const sampleRateHz = contextSampleRate();
    const checker = new PlanChecker(NAME, OPTIONS_ROOT);
    const plan = checker.plan(options?.processorOptions && (options.processorOptions as { plan?: unknown }).plan, sampleRateHz);
    const settings = listenerSettings(checker, plan, sampleRateHz);
    const outputs = options?.numberOfOutputs ?? 1;
    if (outputs !== settings.length) {
      checker.fail(`${OPTIONS_ROOT}.listeners has ${settings.length} entries but the node has ${outputs} outputs (numberOfOutputs must equal the listener count)`);
    }
    this.stage = new SplitterStage(sampleRateHz, settings);
    this.latencySamples = this.stage.latencySamples;
    this.clock = new MeterClock(sampleRateHz);
    this.meters = { type: 'meters', frame: 0, listeners: this.stage.reports };

    listenForPlans(this.port, NAME, (messageChecker, value) => {
      const next = listenerSettings(messageChecker, messageChecker.plan(value, sampleRateHz), sampleRateHz);
      if (next.length !== this.stage.listenerCount) {
        messageChecker.fail(`${messageChecker.root}.listeners has ${next.length} entries but this node has ${this.stage.listenerCount} outputs; create a new headroom-splitter for a different listener count`);
      }
      this.stage.set(next);
    }, () => (this.released = true));
    this.port.postMessage({ type: 'ready', latencySamples: this.latencySamples });
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.released) return false;
    const first = outputs[0];
    if (!first || first.length === 0) return true;
    const length = Math.min(first[0]!.length, BLOCK);
    const input = inputs[0];
    const left = input && input.length > 0 ? input[0]! : this.silence;
    const right = input && input.length > 1 ? input[1]! : left;
    this.stage.process(left, right, outputs, length);
    if (this.clock.tick(length)) {
      this.stage.takeReports();
      this.meters.frame = contextFrame();
      this.port.postMessage(this.meters);
    }
    return true;
  }
}
