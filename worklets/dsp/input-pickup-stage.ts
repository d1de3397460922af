/**
 * How headroom-input-pickup runs its filter: an OversampledStage used as a linear stage (no
 * clip threshold), its network at 8× (docs/decisions.md, "The pickup filter runs at 8×").
 * Shared with the main thread, which needs the stage's latency before the processor reports
 * it: the microphone path is delayed by it so that A/B between instrument and microphone stays
 * aligned, and that delay must be in place before the first render quantum (an offline render
 * may start before the processor's 'ready' message arrives).
 */
import { OversampledStage, type OversampledStageOptions } from './oversampled-stage.ts';

const NETWORK_FACTOR = 8;

export function pickupStageOptions(sampleRateHz: number, channelCount: number): OversampledStageOptions {
  return { sampleRateHz, channelCount, clipFactor: NETWORK_FACTOR, networkFactor: NETWORK_FACTOR, maxSections: 2 };
}

/** The pickup stage's latency in samples at `sampleRateHz` (it depends on the rate only). */
export function pickupLatencySamples(sampleRateHz: number): number {
  return new OversampledStage(pickupStageOptions(sampleRateHz, 1)).latencySamples;
}
