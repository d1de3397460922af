/**
 * Latency of an audio interface: the host's buffers (each bufferSamples long, inputBuffers on
 * the way in and outputBuffers on the way out) plus the converters (ADC + DAC filters).
 *
 *   round trip = (inputBuffers + outputBuffers) · bufferSamples / fs + converter latency
 *
 * Monitoring through the computer hears the round trip; the interface's own digital mixer
 * hears the converters only; an analog direct-monitor path adds nothing. Hearing the direct
 * sound and a copy delayed by τ together (a comb filter) cancels at 1/(2τ), 3/(2τ), …
 */
import type { Latency } from './contract.ts';

export interface LatencyAnalysis {
  /** One buffer's duration. */
  bufferMs: number;
  converterSamples: number;
  converterMs: number;
  roundTripSamples: number;
  roundTripMs: number;
  /** What the performer hears with the chosen monitoring. */
  monitoringSamples: number;
  monitoringMs: number;
  /** First cancellation when the monitored copy mixes with the direct sound; null at zero delay. */
  firstCombNotchHz: number | null;
}

export function analyseLatency(latency: Latency, sampleRateHz: number): LatencyAnalysis {
  const toMs = (samples: number): number => (samples / sampleRateHz) * 1000;
  const converterSamples =
    latency.converterLatency.unit === 'samples' ? latency.converterLatency.value : (latency.converterLatency.value / 1000) * sampleRateHz;
  const roundTripSamples = (latency.inputBuffers + latency.outputBuffers) * latency.bufferSamples + converterSamples;
  const monitoringSamples =
    latency.monitoring === 'computer' ? roundTripSamples : latency.monitoring === 'direct-digital' ? converterSamples : 0;
  const monitoringMs = toMs(monitoringSamples);
  return {
    bufferMs: toMs(latency.bufferSamples),
    converterSamples,
    converterMs: toMs(converterSamples),
    roundTripSamples,
    roundTripMs: toMs(roundTripSamples),
    monitoringSamples,
    monitoringMs,
    firstCombNotchHz: monitoringSamples > 0 ? 1000 / (2 * monitoringMs) : null,
  };
}
