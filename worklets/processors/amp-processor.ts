/**
 * `headroom-amp`: 1 input (volts at the amp input, from headroom-source), 1 output, stereo:
 *
 *   x · amp.gain ─ clip ±amp.clipPeakVolts (ClipSection, ADAA at 8×) ─→ amp EMF, volts
 *
 * The oversampled clip lane runs only around blocks whose peak · 2 reaches the threshold
 * (clip-section.ts); below that the stage is a gain and a delay.
 */
import type { Plan } from '../../src/model/compile.ts';
import { ClipSection } from './clip-section.ts';
import { listenForPlans, OPTIONS_ROOT } from './messages.ts';
import { PlanChecker } from './plan-check.ts';
import { selectStereoInput, StageMeters, writeOutput } from './stage-io.ts';
import { contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from './worklet-scope.ts';

const NAME = 'headroom-amp';
const BLOCK = 128;
const CHANNELS = 2;

interface AmpSettings {
  gain: number;
  threshold: number;
}

function readAmp(checker: PlanChecker, value: unknown, sampleRateHz: number): AmpSettings {
  const plan: Plan = checker.plan(value, sampleRateHz);
  checker.amp(plan, true);
  checker.source(plan);
  const amp = plan.amp!;
  return { gain: amp.gain, threshold: amp.clipPeakVolts };
}

export class HeadroomAmpProcessor extends ProcessorBase {
  readonly latencySamples: number;
  private readonly clip: ClipSection;
  private readonly work: Float64Array[] = [];
  private readonly inputs: Float32Array[];
  private readonly silence = new Float32Array(BLOCK);
  private readonly meters: StageMeters;

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    const sampleRateHz = contextSampleRate();
    const settings = readAmp(new PlanChecker(NAME, OPTIONS_ROOT), options?.processorOptions && (options.processorOptions as { plan?: unknown }).plan, sampleRateHz);
    this.clip = new ClipSection({ sampleRateHz, channelCount: CHANNELS, maxBlockLength: BLOCK, ...settings });
    for (let c = 0; c < CHANNELS; c++) this.work.push(new Float64Array(BLOCK));
    this.inputs = [this.silence, this.silence];
    this.meters = new StageMeters(sampleRateHz);
    this.latencySamples = this.clip.latencySamples;
    listenForPlans(this.port, NAME, (checker, plan) => {
      const next = readAmp(checker, plan, sampleRateHz);
      this.clip.setPlan(next.gain, next.threshold);
    });
    this.port.postMessage({ type: 'ready', latencySamples: this.latencySamples });
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0];
    if (!out || out.length === 0) return true;
    const length = Math.min(out[0]!.length, BLOCK);
    selectStereoInput(inputs, this.silence, this.inputs);
    this.clip.process(this.inputs, this.work, length);
    writeOutput(this.work, out, length);
    this.meters.add(this.clip.takeClipCount());
    this.meters.afterBlock(length, this.port);
    return true;
  }
}
