/**
 * `headroom-source`: 1 input, 1 output, stereo. Per channel
 *
 *   x · source.voltsPerFullScale ─ clip ±source.clipPeakVolts (ClipSection, ADAA at 8×)
 *     ─ amp.input(s) when the chain has an amp (V at the amp input) ─→ volts
 *
 * amp.input(s) = Zin/(Zsrc + Zin) is at most first order (a coupling capacitor's
 * high-pass on a resistive divider), so it runs at the base rate: the bilinear transform
 * errs by < 0.001 dB in the audio band for every preset (tests/processors).
 *
 * The source's voltage rail is its DAC's digital full scale (docs/decisions.md): as in
 * the model, a signal within ±1 never reaches it, and samples beyond it saturate in the
 * digital domain, at the base rate, as a real DAC's do. Only a source *current* limit,
 * which an analog output stage reaches, runs the oversampled ADAA clip.
 */
import type { Plan } from '../../src/model/compile.ts';
import { BiquadCascade } from '../dsp/biquad-cascade.ts';
import type { BiquadSections } from '../dsp/analog-to-digital.ts';
import { ClipSection, RAMP_MS } from './clip-section.ts';
import { listenForPlans, OPTIONS_ROOT } from './messages.ts';
import { designAt } from './networks.ts';
import { PlanChecker } from './plan-check.ts';
import { selectStereoInput, StageMeters, writeOutput } from './stage-io.ts';
import { contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from './worklet-scope.ts';

const NAME = 'headroom-source';
const BLOCK = 128;
const CHANNELS = 2;
/** amp.input is first order; room to spare. */
const MAX_INPUT_SECTIONS = 2;
const IDENTITY: BiquadSections = { count: 1, coefficients: Float64Array.of(1, 0, 0, 0, 0) };

interface SourceSettings {
  gain: number;
  /** The oversampled clip's threshold: the current limit as an EMF, or Infinity. */
  threshold: number;
  /** Digital saturation of the EMF at the rail (peak volts). */
  railVolts: number;
  network: BiquadSections;
}

function readSource(checker: PlanChecker, value: unknown, sampleRateHz: number): SourceSettings {
  const plan: Plan = checker.plan(value, sampleRateHz);
  checker.source(plan);
  checker.amp(plan, false);
  let network = IDENTITY;
  if (plan.amp) {
    const input = plan.amp.input;
    network = checker.realise(`${checker.root}.amp.input`, () => designAt(input, sampleRateHz, 1));
    if (network.count > MAX_INPUT_SECTIONS) checker.fail(`${checker.root}.amp.input has ${network.count} sections; at most ${MAX_INPUT_SECTIONS}`);
  }
  const { limitedBy, clipPeakVolts, voltsPerFullScale } = plan.source;
  // The rail is reached only beyond digital full scale (clipPeakVolts ≥ voltsPerFullScale then).
  const railVolts = limitedBy === 'rail' ? clipPeakVolts : Number.POSITIVE_INFINITY;
  const threshold = limitedBy === 'current' ? clipPeakVolts : Number.POSITIVE_INFINITY;
  return { gain: voltsPerFullScale, threshold, railVolts, network };
}

export class HeadroomSourceProcessor extends ProcessorBase {
  readonly latencySamples: number;
  private readonly clip: ClipSection;
  private readonly network: BiquadCascade;
  private readonly work: Float64Array[] = [];
  private readonly inputs: Float32Array[];
  private readonly silence = new Float32Array(BLOCK);
  private readonly meters: StageMeters;
  private railVolts: number;

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    const sampleRateHz = contextSampleRate();
    const settings = readSource(new PlanChecker(NAME, OPTIONS_ROOT), options?.processorOptions && (options.processorOptions as { plan?: unknown }).plan, sampleRateHz);
    this.clip = new ClipSection({ sampleRateHz, channelCount: CHANNELS, maxBlockLength: BLOCK, gain: settings.gain, threshold: settings.threshold });
    this.railVolts = settings.railVolts;
    this.network = new BiquadCascade({ maxSections: MAX_INPUT_SECTIONS, channelCount: CHANNELS, maxBlockLength: BLOCK, sampleRateHz, warmupMs: RAMP_MS, crossfadeMs: RAMP_MS });
    this.network.setSections(settings.network, true);
    for (let c = 0; c < CHANNELS; c++) this.work.push(new Float64Array(BLOCK));
    this.inputs = [this.silence, this.silence];
    this.meters = new StageMeters(sampleRateHz);
    this.latencySamples = this.clip.latencySamples;
    listenForPlans(this.port, NAME, (checker, plan) => {
      const next = readSource(checker, plan, sampleRateHz);
      this.clip.setPlan(next.gain, next.threshold);
      this.railVolts = next.railVolts;
      this.network.setSections(next.network);
    });
    this.port.postMessage({ type: 'ready', latencySamples: this.latencySamples });
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0];
    if (!out || out.length === 0) return true;
    const length = Math.min(out[0]!.length, BLOCK);
    selectStereoInput(inputs, this.silence, this.inputs);
    this.clip.process(this.inputs, this.work, length);
    this.meters.add(saturate(this.work, length, this.railVolts));
    this.network.process(this.work, length);
    writeOutput(this.work, out, length);
    this.meters.add(this.clip.takeClipCount());
    this.meters.afterBlock(length, this.port);
    return true;
  }
}

/** Digital saturation at ±limit; returns the number of samples (of the busiest channel) it clipped. */
function saturate(work: readonly Float64Array[], length: number, limit: number): number {
  if (limit === Number.POSITIVE_INFINITY) return 0;
  let most = 0;
  for (let c = 0; c < work.length; c++) {
    const channel = work[c]!;
    let count = 0;
    for (let i = 0; i < length; i++) {
      const v = channel[i]!;
      if (v > limit) {
        channel[i] = limit;
        count++;
      } else if (v < -limit) {
        channel[i] = -limit;
        count++;
      }
    }
    if (count > most) most = count;
  }
  return most;
}
