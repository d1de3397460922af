/**
 * Reference (tests only; the product builds headroom-chain): `headroom-source`: 1 input (digital samples), 1 output (volts), stereo; the source
 * stage of source-stage.ts in the reference host (stage-processor.ts):
 *
 *   x · source.voltsPerFullScale ─ clip ±source.clipPeakVolts ─ amp.input(s) when the chain has an amp ─→ volts
 *
 * Meters, ≤ 30 per second: { type: 'meters', frame, clips }.
 */
import { sourceSettings, SourceStage, type SourceSettings } from '../../../worklets/processors/source-stage.ts';
import type { ProcessorNodeOptions } from '../../../worklets/processors/worklet-scope.ts';
import { StageProcessor, type StageKind } from './stage-processor.ts';

const SOURCE: StageKind<SourceSettings> = {
  name: 'headroom-source',
  settings: sourceSettings,
  create: (sampleRateHz, channels, block, settings) => new SourceStage(sampleRateHz, channels, block, settings),
};

export class HeadroomSourceProcessor extends StageProcessor<SourceSettings> {
  constructor(options?: ProcessorNodeOptions) {
    super(SOURCE, options);
  }
}
