/**
 * The amp stage, host-free (headroom-chain runs it), per channel:
 *
 *   x · amp.gain ─ clip ±amp.clipPeakVolts (ClipSection, ADAA at 8×) ─→ amp EMF, volts
 *
 * The oversampled clip lane runs only around blocks whose peak · 2 reaches the threshold
 * (clip-section.ts); below that the stage is a gain and a delay. setup@3: the amp's own hiss
 * (plan.amp.noiseVoltsPerRootHz) is added to its EMF after the clip; its input's hiss arrives
 * with the signal, through the gain.
 */
import type { Plan } from '../../src/model/compile.ts';
import type { Samples } from '../dsp/samples.ts';
import { StereoHiss } from '../dsp/white-noise.ts';
import { ClipSection, RAMP_MS } from './clip-section.ts';
import type { PlanChecker } from './plan-check.ts';
import { noiseSigma } from './source-stage.ts';

export interface AmpSettings {
  gain: number;
  threshold: number;
  /** The amp's own hiss, RMS per sample at its EMF, volts (0: none). */
  noiseSigma: number;
}

const AMP_HISS_SEED = 0x5eed_0002;

/** Checks and reads what the amp stage needs from a plan that passed `checker.plan` (it must have an amp). */
export function ampSettings(checker: PlanChecker, plan: Plan): AmpSettings {
  checker.amp(plan, true);
  checker.source(plan);
  const amp = plan.amp!;
  return { gain: amp.gain, threshold: amp.clipPeakVolts, noiseSigma: noiseSigma(amp.noiseVoltsPerRootHz, plan.sampleRateHz) };
}

export class AmpStage {
  readonly latencySamples: number;
  private readonly clip: ClipSection;
  private readonly hiss: StereoHiss;

  /** `channelCount` must be 2 (the hiss is independent in left and right). */
  constructor(sampleRateHz: number, channelCount: number, block: number, settings: AmpSettings) {
    if (channelCount !== 2) throw new RangeError(`the amp stage is stereo (channelCount 2, got ${channelCount})`);
    this.clip = new ClipSection({ sampleRateHz, channelCount, maxBlockLength: block, gain: settings.gain, threshold: settings.threshold });
    this.hiss = new StereoHiss(sampleRateHz, RAMP_MS, block, AMP_HISS_SEED, settings.noiseSigma);
    this.latencySamples = this.clip.latencySamples;
  }

  set(settings: AmpSettings): void {
    this.clip.setPlan(settings.gain, settings.threshold);
    this.hiss.setLevel(settings.noiseSigma);
  }

  /** Volts at the amp input in, the amp's EMF out; returns the base-rate samples clipped. */
  process(inputs: readonly Samples[], outputs: readonly Float64Array[], length: number): number {
    this.clip.process(inputs, outputs, length);
    this.hiss.add(outputs[0]!, outputs[1]!, length);
    return this.clip.takeClipCount();
  }
}
