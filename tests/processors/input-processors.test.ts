/**
 * The input-side processors (worklets/processors/input-*.ts) under faked worklet globals,
 * process() called block by block, against the model's own figures (src/model/input).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Instrument, Latency, Microphone } from '../../src/model/input/contract.ts';
import { analyseMicrophone, quantizationNoiseDbfs } from '../../src/model/input/microphone.ts';
import { compileInput, converterPlan, monitorPlan, pickupPlan } from '../../src/model/input/plan.ts';
import { abs } from '../../src/model/complex.ts';
import { pickupCircuit, pickupTransfer } from '../../src/model/input/pickup.ts';
import { pickupLatencySamples } from '../../worklets/dsp/input-pickup-stage.ts';
import { heapGrowthBytes } from '../dsp/alloc.ts';
import { BLOCK, FakePort, installWorkletGlobals, registeredProcessors } from './harness.ts';

const FS = 48_000;

interface InputProcessor {
  port: FakePort;
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}
type Ctor = new (options?: { processorOptions?: unknown }) => InputProcessor;
let Pickup: Ctor;
let Converter: Ctor;
let Monitor: Ctor;

beforeAll(async () => {
  installWorkletGlobals(FS);
  Pickup = (await import('../../worklets/processors/input-pickup-processor.ts')).HeadroomInputPickupProcessor as unknown as Ctor;
  Converter = (await import('../../worklets/processors/input-converter-processor.ts')).HeadroomInputConverterProcessor as unknown as Ctor;
  Monitor = (await import('../../worklets/processors/input-monitor-processor.ts')).HeadroomInputMonitorProcessor as unknown as Ctor;
});

/** Runs a mono signal through a processor (stereo output), returning the left channel. */
function run(processor: InputProcessor, signal: Float64Array): Float64Array {
  const out = new Float64Array(signal.length);
  const input = new Float32Array(BLOCK);
  const outputs = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
  for (let start = 0; start + BLOCK <= signal.length; start += BLOCK) {
    for (let n = 0; n < BLOCK; n++) input[n] = signal[start + n]!;
    processor.process([[input]], outputs);
    out.set(outputs[0]![0]!, start);
  }
  return out;
}

const sine = (hz: number, peak: number, seconds: number): Float64Array =>
  Float64Array.from({ length: Math.round((seconds * FS) / BLOCK) * BLOCK }, (_, n) => peak * Math.sin((2 * Math.PI * hz * n) / FS));

/** Amplitude of the hz component over [from, from + whole periods), by correlation. */
function amplitude(x: Float64Array, hz: number, from: number): number {
  const periods = Math.floor(((x.length - from) * hz) / FS);
  const to = from + Math.floor((periods * FS) / hz);
  let c = 0;
  let s = 0;
  for (let n = from; n < to; n++) {
    c += x[n]! * Math.cos((2 * Math.PI * hz * n) / FS);
    s += x[n]! * Math.sin((2 * Math.PI * hz * n) / FS);
  }
  return (2 * Math.hypot(c, s)) / (to - from);
}

const powerDbfs = (x: Float64Array, from = 0): number => {
  let sum = 0;
  for (let n = from; n < x.length; n++) sum += x[n]! * x[n]!;
  return 10 * Math.log10(sum / (x.length - from) / 0.5);
};
const db = (ratio: number): number => 20 * Math.log10(ratio);

const strat = (inputType: 'hi-z' | 'line'): Instrument => ({
  pickup: { name: 'Strat', inductanceH: 2.4, resistanceOhms: 6500, capacitancePf: 100 },
  controlsLoadOhms: 125_000,
  cable: { capacitancePfPerM: 100, lengthM: 3 },
  inputType,
});

const mic = (overrides: Partial<Microphone> = {}): Microphone => ({
  name: 'Test',
  type: 'dynamic',
  sensitivityMvPerPa: 2,
  impedanceOhms: 200,
  phantomPower: false,
  preamp: { gainDb: 40, einDbu: -128, einMeasurement: '20Hz-20kHz', inputImpedanceOhms: 2000 },
  converter: { maxInputDbu: 18, bitDepth: 24, dither: false },
  ...overrides,
});

describe('headroom-input-pickup', () => {
  for (const inputType of ['hi-z', 'line'] as const) {
    it(`${inputType}: steady-state sine levels follow the model's |V_in/EMF| from 20 Hz to 20 kHz (8×, pre-warp searched)`, () => {
      const circuit = pickupCircuit(strat(inputType));
      let worst = 0;
      for (const hz of [20, 100, 1000, 3000, 4459, 6000, 10_000, 15_000, 20_000]) {
        const processor = new Pickup({ processorOptions: { plan: pickupPlan(strat(inputType)) } });
        const out = run(processor, sine(hz, 0.5, hz < 100 ? 1 : 0.25));
        const measured = db(amplitude(out, hz, FS / 8) / 0.5);
        worst = Math.max(worst, Math.abs(measured - db(abs(pickupTransfer(circuit, hz)))));
      }
      // Measured worst: 0.076 dB (hi-Z, 20 kHz) and 0.040 dB (line); the output side's bar is 0.1 dB.
      expect(worst).toBeLessThan(0.1);
    });
  }

  it('hits the hi-Z resonance peak within 0.01 dB (measured 0.0005 dB) and reports the half-band filters’ delay', () => {
    const plan = pickupPlan(strat('hi-z'));
    const processor = new Pickup({ processorOptions: { plan } });
    const hz = 4458.822043400687;
    const out = run(processor, sine(hz, 0.5, 0.25));
    expect(Math.abs(db(amplitude(out, hz, FS / 8) / 0.5) - db(abs(pickupTransfer(pickupCircuit(strat('hi-z')), hz))))).toBeLessThan(0.01);
    const ready = processor.port.ofType<{ latencySamples: number }>('ready')[0]!;
    expect(Number.isInteger(ready.latencySamples)).toBe(true);
    expect(ready.latencySamples).toBeGreaterThan(0);
    // The main thread's advance figure (it aligns the microphone path before the first quantum).
    expect(ready.latencySamples).toBe(pickupLatencySamples(FS));
  });

  it('rejects a bad plan with a message that names the field', () => {
    expect(() => new Pickup({ processorOptions: { plan: { numerator: [1], denominator: [1, -1e-5, 1e-9] } } })).toThrow(
      'headroom-input-pickup: plan.denominator must have positive coefficients, a stable low-pass (got [1,-0.00001,1e-9])',
    );
    expect(() => new Pickup({ processorOptions: {} })).toThrow('headroom-input-pickup: plan must be an object (got nothing)');
    const processor = new Pickup({ processorOptions: { plan: pickupPlan(strat('hi-z')) } });
    processor.port.send({ type: 'plan', plan: { numerator: [1], denominator: ['x'] } });
    expect(processor.port.ofType<{ message: string }>('error')[0]!.message).toBe('headroom-input-pickup: plan.denominator must be an array of 2-3 finite numbers (got ["x"])');
  });

  it('names the field of a value too deep to write out (arrays nested 100 000 deep) instead of overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => new Pickup({ processorOptions: { plan: { numerator: deep, denominator: [1, 1e-5, 1e-9] } } })).toThrow(
      'headroom-input-pickup: plan.numerator must be an array of 1-3 finite numbers (got an array)',
    );
  });
});

describe('headroom-input-converter', () => {
  const calibration = 120;

  it('a tone reads the report’s level: 94 dB SPL → levelDbfsAt94DbSpl (a −26 dBFS input sine at 0 dBFS ↔ 120 dB SPL)', () => {
    const m = mic();
    const processor = new Converter({ processorOptions: { plan: converterPlan(m, FS, calibration) } });
    // A sine peaking at 10^(−26/20) stands for 120 − 26 = 94 dB SPL (to 0.02 dB; 1 Pa is 93.98 dB SPL).
    const inputDb = 20 * Math.log10(1 / 20e-6) - calibration;
    const out = run(processor, sine(1000, 10 ** (inputDb / 20), 0.5));
    const expected = analyseMicrophone(m, FS).levelDbfsAt94DbSpl!;
    // Noise at −108 dBFS and the correlation over 0.5 s leave < 0.001 dB of error.
    expect(Math.abs(db(amplitude(out, 1000, 0)) - expected)).toBeLessThan(1e-3);
  });

  it('with silence in, the output noise is the preamp’s EIN + gain over the whole band (0.05 dB, 96 000 samples)', () => {
    const m = mic({ preamp: { ...mic().preamp, gainDb: 60 } });
    const processor = new Converter({ processorOptions: { plan: converterPlan(m, FS) } });
    const out = run(processor, new Float64Array(2 * FS));
    const a = analyseMicrophone(m, FS);
    // −128 + 60 − 18 = −86 dBFS in 20 Hz–20 kHz; over 0–24 kHz 0.80 dB more.
    expect(Math.abs(powerDbfs(out) - (a.preampNoiseDbfs - 10 * Math.log10(19_980 / 24_000)))).toBeLessThan(0.05);
  });

  it('quantization error of a busy signal is 6.02·N + 1.76 dB below full scale, and TPDF dither adds 4.77 dB (16 bit, 0.1 dB)', () => {
    const plan = { signalGain: 1, noiseRms: 0, bitDepth: 16, dither: false };
    const x = Float64Array.from({ length: 2 * FS }, (_, n) => 0.7 * Math.sin((2 * Math.PI * 997.3 * n) / FS) + 0.2 * Math.sin((2 * Math.PI * 3119.7 * n) / FS));
    for (const dither of [false, true]) {
      const out = run(new Converter({ processorOptions: { plan: { ...plan, dither } } }), x);
      const error = out.map((y, n) => y - x[n]!);
      expect(Math.abs(powerDbfs(error) - quantizationNoiseDbfs(16, dither))).toBeLessThan(0.1);
    }
  });

  it('a condenser without phantom power goes silent: nothing of a 94 dB SPL tone is left, only the preamp noise', () => {
    const off = mic({ type: 'condenser', phantomPower: false });
    const on = mic({ type: 'condenser', phantomPower: true, phantomCurrentMa: 4 });
    // A sine peaking at −26 dBFS is 94 dB SPL at the default 120 dB calibration (to 0.02 dB).
    const tone = sine(1000, 10 ** ((20 * Math.log10(1 / 20e-6) - 120) / 20), 0.5);
    const heard = run(new Converter({ processorOptions: { plan: converterPlan(on, FS) } }), tone);
    expect(Math.abs(db(amplitude(heard, 1000, 0)) - analyseMicrophone(on, FS).levelDbfsAt94DbSpl!)).toBeLessThan(1e-3);
    const silent = run(new Converter({ processorOptions: { plan: converterPlan(off, FS) } }), tone);
    // Without phantom: the 1 kHz correlation finds only noise (about −145 dBFS over 24 000 samples) …
    expect(db(amplitude(silent, 1000, 0))).toBeLessThan(-120);
    // … and what is left is the preamp's noise, −128 + 40 − 18 = −106 dBFS in 20 Hz–20 kHz.
    expect(Math.abs(powerDbfs(silent) - (analyseMicrophone(off, FS).preampNoiseDbfs - 10 * Math.log10(19_980 / 24_000)))).toBeLessThan(0.1);
  });

  it('clips at full scale and counts the clipped samples', () => {
    const processor = new Converter({ processorOptions: { plan: { signalGain: 2, noiseRms: 0, bitDepth: 24, dither: false } } });
    const out = run(processor, sine(1000, 1, 0.1));
    expect(Math.max(...out)).toBeLessThanOrEqual(1 - 2 ** -23);
    expect(Math.min(...out)).toBe(-1);
    const meters = processor.port.ofType<{ clipCount: number }>('meters');
    expect(meters.reduce((s, m) => s + m.clipCount, 0)).toBeGreaterThan(0);
  });

  it('rejects a bad plan with a message that names the field', () => {
    expect(() => new Converter({ processorOptions: { plan: { signalGain: 1, noiseRms: 0, bitDepth: 20, dither: false } } })).toThrow(
      'headroom-input-converter: plan.bitDepth must be 16 or 24 (got 20)',
    );
    expect(() => new Converter({ processorOptions: { plan: { signalGain: -1, noiseRms: 0, bitDepth: 16, dither: false } } })).toThrow(
      'headroom-input-converter: plan.signalGain must be >= 0 (got -1)',
    );
  });
});

describe('headroom-input-monitor', () => {
  const latency: Latency = { bufferSamples: 128, inputBuffers: 1, outputBuffers: 1, converterLatency: { value: 40, unit: 'samples' }, monitoring: 'computer' };

  it('delays by the model’s monitoring latency: an impulse comes out (1 + 1) · 128 + 40 = 296 samples later', () => {
    const plan = monitorPlan(latency, FS);
    expect(plan.delaySamples).toBe(296);
    const processor = new Monitor({ processorOptions: { plan } });
    const impulse = new Float64Array(1024);
    impulse[10] = 1;
    const out = run(processor, impulse);
    expect(out.indexOf(1)).toBe(306);
    expect(out.reduce((s, v) => s + Math.abs(v), 0)).toBe(1);
  });

  it('mixed with the direct sound it is a comb filter: a sine at fs/(2D) cancels, one at fs/D doubles', () => {
    const plan = monitorPlan(latency, FS);
    const processor = new Monitor({ processorOptions: { plan, directMix: 0.5 } });
    const notch = FS / (2 * plan.delaySamples);
    const out = run(processor, sine(notch, 0.5, 0.5));
    expect(db(amplitude(out, notch, 2048) / 0.5)).toBeLessThan(-100);
    const peak = FS / plan.delaySamples;
    const fresh = new Monitor({ processorOptions: { plan, directMix: 0.5 } });
    expect(amplitude(run(fresh, sine(peak, 0.5, 0.5)), peak, 2048) / 0.5).toBeCloseTo(1, 6);
  });

  it('direct monitoring in the interface: only the converters’ 40 samples; analog: none', () => {
    expect(monitorPlan({ ...latency, monitoring: 'direct-digital' }, FS).delaySamples).toBe(40);
    expect(monitorPlan({ ...latency, monitoring: 'direct-analog' }, FS).delaySamples).toBe(0);
  });

  it('rejects a delay beyond its buffer with a message that names the field', () => {
    expect(() => new Monitor({ processorOptions: { plan: { delaySamples: 2.5 } } })).toThrow('headroom-input-monitor: plan.delaySamples must be a whole number from 0 to 48000 (got 2.5)');
    expect(() => new Monitor({ processorOptions: { plan: { delaySamples: 10 }, directMix: 2 } })).toThrow('headroom-input-monitor: directMix must be from 0 to 1 (got 2)');
  });
});

describe('allocation', () => {
  it('process() allocates nothing after warm-up in any input processor (meters running, dither and noise on)', () => {
    const latency: Latency = { bufferSamples: 256, inputBuffers: 2, outputBuffers: 2, converterLatency: { value: 1, unit: 'ms' }, monitoring: 'computer' };
    const processors = [
      new Pickup({ processorOptions: { plan: pickupPlan(strat('hi-z')) } }),
      new Converter({ processorOptions: { plan: converterPlan(mic({ converter: { maxInputDbu: 18, bitDepth: 16, dither: true } }), FS) } }),
      new Monitor({ processorOptions: { plan: monitorPlan(latency, FS), directMix: 0.5 } }),
    ];
    // Built once: an array literal in the probed call would be the test's own allocation.
    const inputs = [[Float32Array.from({ length: BLOCK }, (_, i) => Math.sin(i / 3)), Float32Array.from({ length: BLOCK }, (_, i) => Math.cos(i / 5))]];
    const outputs = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
    for (const processor of processors) {
      processor.port.record = false;
      const growth = heapGrowthBytes(() => processor.process(inputs, outputs), 3_000, 3_000);
      console.info(`${processor.constructor.name} heap growth over 3 000 blocks: ${growth} B`);
      // The same bar as the output chain (tests/processors/chain.test.ts): JIT noise only.
      expect(growth).toBeLessThan(16 * 1024);
    }
  });
});

describe('worklets/input.worklet.ts', () => {
  it('registers the three input processors and the output limiter (the input engine’s −1 dBFS safety), nothing else', async () => {
    await import('../../worklets/input.worklet.ts');
    expect([...registeredProcessors().keys()].sort()).toEqual(['headroom-input-converter', 'headroom-input-monitor', 'headroom-input-pickup', 'headroom-limiter']);
  });

  it('compileInput gives each processor its plan', () => {
    const latency: Latency = { bufferSamples: 128, inputBuffers: 1, outputBuffers: 1, converterLatency: { value: 40, unit: 'samples' }, monitoring: 'computer' };
    const plan = compileInput({ sampleRateHz: 48_000, instrument: strat('hi-z'), microphone: mic(), latency }, FS);
    expect(plan.pickup).toEqual(pickupPlan(strat('hi-z')));
    expect(plan.converter).toEqual(converterPlan(mic(), FS));
    expect(plan.monitor).toEqual({ delaySamples: 296 });
  });
});
