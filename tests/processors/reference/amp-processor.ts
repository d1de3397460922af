/**
 * Reference (tests only; the product builds headroom-chain): `headroom-amp`: 1 input (volts at the amp input, from headroom-source), 1 output, stereo;
 * the amp stage of amp-stage.ts in the reference host (stage-processor.ts):
 *
 *   x · amp.gain ─ clip ±amp.clipPeakVolts (ClipSection, ADAA at 8×) ─→ amp EMF, volts
 *
 * Meters, ≤ 30 per second: { type: 'meters', frame, clips }.
 */
import { ampSettings, AmpStage, type AmpSettings } from '../../../worklets/processors/amp-stage.ts';
import type { ProcessorNodeOptions } from '../../../worklets/processors/worklet-scope.ts';
import { StageProcessor, type StageKind } from './stage-processor.ts';

const AMP: StageKind<AmpSettings> = {
  name: 'headroom-amp',
  settings: ampSettings,
  create: (sampleRateHz, channels, block, settings) => new AmpStage(sampleRateHz, channels, block, settings),
};

export class HeadroomAmpProcessor extends StageProcessor<AmpSettings> {
  constructor(options?: ProcessorNodeOptions) {
    super(AMP, options);
  }
}
