/** Latency against its closed form: (input + output buffers) · N / fs + converter latency. */
import { describe, expect, it } from 'vitest';
import type { Latency } from '../../../src/model/input/contract.ts';
import { analyseLatency } from '../../../src/model/input/latency.ts';

const latency = (overrides: Partial<Latency> = {}): Latency => ({
  bufferSamples: 128,
  inputBuffers: 1,
  outputBuffers: 1,
  converterLatency: { value: 0, unit: 'samples' },
  monitoring: 'computer',
  ...overrides,
});

describe('latency', () => {
  it('round trip = (input + output buffers) · N / fs + converter latency, in samples and in ms', () => {
    for (const fs of [44_100, 48_000, 96_000]) {
      for (const n of [32, 64, 128, 256, 1024]) {
        for (const [inB, outB] of [[1, 1], [2, 2], [1, 3]] as const) {
          const a = analyseLatency(latency({ bufferSamples: n, inputBuffers: inB, outputBuffers: outB, converterLatency: { value: 40, unit: 'samples' } }), fs);
          expect(a.roundTripSamples).toBe((inB + outB) * n + 40);
          expect(a.roundTripMs).toBeCloseTo((((inB + outB) * n) / fs) * 1000 + (40 / fs) * 1000, 12);
        }
      }
    }
  });

  it('a 32-sample buffer at 48 kHz is 1.33 ms each way, a 1024-sample one 21.33 ms: 2.67 ms versus 42.67 ms round trip', () => {
    expect(analyseLatency(latency({ bufferSamples: 32 }), 48_000).roundTripMs).toBeCloseTo(64 / 48, 12);
    expect(analyseLatency(latency({ bufferSamples: 1024 }), 48_000).roundTripMs).toBeCloseTo(2048 / 48, 12);
  });

  it('converter latency in ms converts at the sample rate: 1.2 ms at 48 kHz is 57.6 samples', () => {
    const a = analyseLatency(latency({ converterLatency: { value: 1.2, unit: 'ms' } }), 48_000);
    expect(a.converterSamples).toBeCloseTo(57.6, 10);
    expect(a.roundTripMs).toBeCloseTo(256 / 48 + 1.2, 12);
  });

  it('monitoring: through the computer hears the round trip, the interface’s mixer only the converters, an analog path nothing', () => {
    const base = { converterLatency: { value: 40, unit: 'samples' as const } };
    expect(analyseLatency(latency({ ...base, monitoring: 'computer' }), 48_000).monitoringSamples).toBe(296);
    expect(analyseLatency(latency({ ...base, monitoring: 'direct-digital' }), 48_000).monitoringSamples).toBe(40);
    const analog = analyseLatency(latency({ ...base, monitoring: 'direct-analog' }), 48_000);
    expect(analog.monitoringSamples).toBe(0);
    expect(analog.firstCombNotchHz).toBeNull();
  });

  it('the direct sound plus a copy delayed by τ first cancels at 1/(2τ): 6.17 ms puts the notch at 81 Hz', () => {
    const a = analyseLatency(latency({ converterLatency: { value: 40, unit: 'samples' } }), 48_000);
    const tau = 296 / 48_000;
    expect(a.firstCombNotchHz).toBeCloseTo(1 / (2 * tau), 9);
    // Check the cancellation itself: |1 + e^(−j2πfτ)| = 0 at that frequency.
    const phase = 2 * Math.PI * a.firstCombNotchHz! * tau;
    expect(Math.hypot(1 + Math.cos(phase), Math.sin(phase))).toBeLessThan(1e-12);
  });
});
