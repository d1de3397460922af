/**
 * The source stage, host-free (headroom-chain runs it). Per channel
 *
 *   x · source.voltsPerFullScale ─ clip ±source.clipPeakVolts (ClipSection, ADAA at 8×)
 *     ─ amp.input(s) when the chain has an amp (V at the amp input) ─→ volts
 *
 * amp.input(s) = Zin/(Zsrc + Zin) is at most first order (a coupling capacitor's
 * high-pass on a resistive divider), so it runs at the base rate, designed as the
 * listeners' networks are at 1× (networks.ts: the more accurate of the bilinear transform
 * and the magnitude fit). The fit matters for a coupling capacitor: the bilinear transform
 * pre-warped at 20 kHz moves a 5 Hz corner to 24 Hz at 44.1 kHz (3.3 dB low at 20 Hz);
 * the fit keeps the corner where it is (tests/dsp/magnitude-fit.test.ts).
 *
 * The source's voltage rail is its DAC's digital full scale (docs/decisions.md): as in
 * the model, a signal within ±1 never reaches it, and samples beyond it saturate in the
 * digital domain, at the base rate, as a real DAC's do. Only a source *current* limit,
 * which an analog output stage reaches, runs the oversampled ADAA clip.
 *
 * setup@3: the source's hiss (plan.source.noiseVoltsPerRootHz) is added after the clip, at
 * its EMF, independent in left and right (white-noise.ts), so everything after it shapes it as
 * it shapes the signal; and with a resistive sleeve the amp input network is stated for mid and
 * side (plan.amp.inputSide) and runs in that form (stereo-network.ts).
 */
import type { Plan } from '../../src/model/compile.ts';
import type { BiquadSections } from '../dsp/analog-to-digital.ts';
import type { Samples } from '../dsp/samples.ts';
import { StereoNetwork } from '../dsp/stereo-network.ts';
import { StereoHiss } from '../dsp/white-noise.ts';
import { ClipSection, RAMP_MS } from './clip-section.ts';
import { designNetwork } from './networks.ts';
import type { Network, PlanChecker } from './plan-check.ts';

/** amp.input is first order; room for the fit's extra zeros (networks.ts, MAX_EXTRA_ORDER). */
const MAX_INPUT_SECTIONS = 4;
const IDENTITY: BiquadSections = { count: 1, coefficients: Float64Array.of(1, 0, 0, 0, 0) };

export interface SourceSettings {
  gain: number;
  /** The oversampled clip's threshold: the current limit as an EMF, or Infinity. */
  threshold: number;
  /** Digital saturation of the EMF at the rail (peak volts). */
  railVolts: number;
  network: BiquadSections;
  /** amp.input for a side signal, or null (left and right independent). */
  sideNetwork: BiquadSections | null;
  /** The hiss's RMS per sample at the EMF, volts (0: none). */
  noiseSigma: number;
}

/** Seeds of the stages' hiss: any fixed, different numbers keep the two independent. */
export const SOURCE_HISS_SEED = 0x5eed_0001;

/** RMS per sample of white noise of flat density `voltsPerRootHz` from 0 to fs/2. */
export function noiseSigma(voltsPerRootHz: number | undefined, sampleRateHz: number): number {
  return (voltsPerRootHz ?? 0) * Math.sqrt(sampleRateHz / 2);
}

/** Checks and reads what the source stage needs from a plan that passed `checker.plan`. */
export function sourceSettings(checker: PlanChecker, plan: Plan, sampleRateHz: number): SourceSettings {
  checker.source(plan);
  checker.amp(plan, false);
  let network = IDENTITY;
  let sideNetwork: BiquadSections | null = null;
  const design = (field: 'input' | 'inputSide', analog: Network) => {
    const sections = checker.realise(`${checker.root}.amp.${field}`, () => designNetwork(analog, sampleRateHz, 1).sections);
    if (sections.count > MAX_INPUT_SECTIONS) checker.fail(`${checker.root}.amp.${field} has ${sections.count} sections; at most ${MAX_INPUT_SECTIONS}`);
    return sections;
  };
  if (plan.amp) {
    network = design('input', plan.amp.input);
    if (plan.amp.inputSide != null) sideNetwork = design('inputSide', plan.amp.inputSide);
  }
  const { limitedBy, clipPeakVolts, voltsPerFullScale } = plan.source;
  // The rail is reached only beyond digital full scale (clipPeakVolts ≥ voltsPerFullScale then).
  const railVolts = limitedBy === 'rail' ? clipPeakVolts : Number.POSITIVE_INFINITY;
  const threshold = limitedBy === 'current' ? clipPeakVolts : Number.POSITIVE_INFINITY;
  return { gain: voltsPerFullScale, threshold, railVolts, network, sideNetwork, noiseSigma: noiseSigma(plan.source.noiseVoltsPerRootHz, sampleRateHz) };
}

export class SourceStage {
  readonly latencySamples: number;
  private readonly clip: ClipSection;
  private readonly network: StereoNetwork;
  private readonly hiss: StereoHiss;
  private railVolts: number;

  /** `channelCount` must be 2: left and right (the hiss and shared returns couple them). */
  constructor(sampleRateHz: number, channelCount: number, block: number, settings: SourceSettings) {
    if (channelCount !== 2) throw new RangeError(`the source stage is stereo (channelCount 2, got ${channelCount})`);
    this.clip = new ClipSection({ sampleRateHz, channelCount, maxBlockLength: block, gain: settings.gain, threshold: settings.threshold });
    this.railVolts = settings.railVolts;
    this.network = new StereoNetwork({ maxSections: MAX_INPUT_SECTIONS, maxBlockLength: block, sampleRateHz, warmupMs: RAMP_MS, crossfadeMs: RAMP_MS });
    this.network.setSections(settings.network, settings.sideNetwork, true);
    this.hiss = new StereoHiss(sampleRateHz, RAMP_MS, block, SOURCE_HISS_SEED, settings.noiseSigma);
    this.latencySamples = this.clip.latencySamples;
  }

  /** A new plan, applied click-free (ramps and crossfades of 20 ms). */
  set(settings: SourceSettings): void {
    this.clip.setPlan(settings.gain, settings.threshold);
    this.railVolts = settings.railVolts;
    this.network.setSections(settings.network, settings.sideNetwork);
    this.hiss.setLevel(settings.noiseSigma);
  }

  /** Digital samples in, volts out; returns the base-rate samples clipped (rail or current). */
  process(inputs: readonly Samples[], outputs: readonly Float64Array[], length: number): number {
    this.clip.process(inputs, outputs, length);
    // A block from the clean lane whose peak is within the rail (every signal within digital
    // full scale) is left as it is: the saturation would change nothing.
    const railed = this.clip.outputPeakBound <= this.railVolts ? 0 : this.saturate(outputs, length);
    this.hiss.add(outputs[0]!, outputs[1]!, length);
    this.network.process(outputs, length);
    return (railed + this.clip.takeClipCount()) | 0;
  }

  /**
   * Digital saturation at ±railVolts; returns the number of samples (of the busiest channel) it
   * clipped. A method reading the rail from its field: a double passed to a call that is not
   * inlined is boxed, i.e. allocated, on every block (docs/decisions.md, "Render speed: one pass per stage").
   */
  private saturate(work: readonly Float64Array[], length: number): number {
    const limit = this.railVolts;
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
}
