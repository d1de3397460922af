/**
 * The amp stage, host-free (headroom-amp and headroom-chain run it), per channel:
 *
 *   x · amp.gain ─ clip ±amp.clipPeakVolts (ClipSection, ADAA at 8×) ─→ amp EMF, volts
 *
 * The oversampled clip lane runs only around blocks whose peak · 2 reaches the threshold
 * (clip-section.ts); below that the stage is a gain and a delay.
 */
import type { Plan } from '../../src/model/compile.ts';
import type { Samples } from '../dsp/samples.ts';
import { ClipSection } from './clip-section.ts';
import type { PlanChecker } from './plan-check.ts';

export interface AmpSettings {
  gain: number;
  threshold: number;
}

/** Checks and reads what the amp stage needs from a plan that passed `checker.plan` (it must have an amp). */
export function ampSettings(checker: PlanChecker, plan: Plan): AmpSettings {
  checker.amp(plan, true);
  checker.source(plan);
  const amp = plan.amp!;
  return { gain: amp.gain, threshold: amp.clipPeakVolts };
}

export class AmpStage {
  readonly latencySamples: number;
  private readonly clip: ClipSection;

  constructor(sampleRateHz: number, channelCount: number, block: number, settings: AmpSettings) {
    this.clip = new ClipSection({ sampleRateHz, channelCount, maxBlockLength: block, ...settings });
    this.latencySamples = this.clip.latencySamples;
  }

  set(settings: AmpSettings): void {
    this.clip.setPlan(settings.gain, settings.threshold);
  }

  /** Volts at the amp input in, the amp's EMF out; returns the base-rate samples clipped. */
  process(inputs: readonly Samples[], outputs: readonly Float64Array[], length: number): number {
    this.clip.process(inputs, outputs, length);
    return this.clip.takeClipCount();
  }
}
