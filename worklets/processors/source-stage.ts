/**
 * The source stage, host-free (headroom-source and headroom-chain run it). Per channel
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
 */
import type { Plan } from '../../src/model/compile.ts';
import type { BiquadSections } from '../dsp/analog-to-digital.ts';
import { BiquadCascade } from '../dsp/biquad-cascade.ts';
import type { Samples } from '../dsp/samples.ts';
import { ClipSection, RAMP_MS } from './clip-section.ts';
import { designNetwork } from './networks.ts';
import type { PlanChecker } from './plan-check.ts';

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
}

/** Checks and reads what the source stage needs from a plan that passed `checker.plan`. */
export function sourceSettings(checker: PlanChecker, plan: Plan, sampleRateHz: number): SourceSettings {
  checker.source(plan);
  checker.amp(plan, false);
  let network = IDENTITY;
  if (plan.amp) {
    const input = plan.amp.input;
    network = checker.realise(`${checker.root}.amp.input`, () => designNetwork(input, sampleRateHz, 1).sections);
    if (network.count > MAX_INPUT_SECTIONS) checker.fail(`${checker.root}.amp.input has ${network.count} sections; at most ${MAX_INPUT_SECTIONS}`);
  }
  const { limitedBy, clipPeakVolts, voltsPerFullScale } = plan.source;
  // The rail is reached only beyond digital full scale (clipPeakVolts ≥ voltsPerFullScale then).
  const railVolts = limitedBy === 'rail' ? clipPeakVolts : Number.POSITIVE_INFINITY;
  const threshold = limitedBy === 'current' ? clipPeakVolts : Number.POSITIVE_INFINITY;
  return { gain: voltsPerFullScale, threshold, railVolts, network };
}

export class SourceStage {
  readonly latencySamples: number;
  private readonly clip: ClipSection;
  private readonly network: BiquadCascade;
  private railVolts: number;

  constructor(sampleRateHz: number, channelCount: number, block: number, settings: SourceSettings) {
    this.clip = new ClipSection({ sampleRateHz, channelCount, maxBlockLength: block, gain: settings.gain, threshold: settings.threshold });
    this.railVolts = settings.railVolts;
    this.network = new BiquadCascade({ maxSections: MAX_INPUT_SECTIONS, channelCount, maxBlockLength: block, sampleRateHz, warmupMs: RAMP_MS, crossfadeMs: RAMP_MS });
    this.network.setSections(settings.network, true);
    this.latencySamples = this.clip.latencySamples;
  }

  /** A new plan, applied click-free (ramps and crossfades of 20 ms). */
  set(settings: SourceSettings): void {
    this.clip.setPlan(settings.gain, settings.threshold);
    this.railVolts = settings.railVolts;
    this.network.setSections(settings.network);
  }

  /** Digital samples in, volts out; returns the base-rate samples clipped (rail or current). */
  process(inputs: readonly Samples[], outputs: readonly Float64Array[], length: number): number {
    this.clip.process(inputs, outputs, length);
    const railed = saturate(outputs, length, this.railVolts);
    this.network.process(outputs, length);
    return (railed + this.clip.takeClipCount()) | 0;
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
