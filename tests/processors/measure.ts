/**
 * Not a test: per-processor cost, latencies and the source clip lane's alias level.
 *   npx tsx tests/processors/measure.ts
 */
import { presets } from '../../src/model/catalog/presets.ts';
import { compile, PLAN_FORMAT, type Plan } from '../../src/model/compile.ts';
import { BH7_MAIN_LOBE_BINS, blackmanHarris7, db, magnitudeSpectrum } from '../dsp/spectrum.ts';
import { BLOCK, loadProcessors, setSampleRate, type TestProcessor } from './harness.ts';

const p = await loadProcessors(48_000);
const setupOf = (id: string) => structuredClone(presets.find((x) => x.id === id)!.setup);

function cost(name: string, node: TestProcessor, outputs: number): void {
  const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  for (let i = 0; i < BLOCK; i++) input[0]![i] = input[1]![i] = 0.5 * Math.sin(i / 5);
  const inputs = [input];
  const outs = Array.from({ length: outputs }, () => [new Float32Array(BLOCK), new Float32Array(BLOCK)]);
  node.port.record = false;
  for (let b = 0; b < 3000; b++) node.process(inputs, outs);
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let b = 0; b < 4000; b++) node.process(inputs, outs);
    runs.push(((performance.now() - t0) * 1e6) / (4000 * BLOCK));
  }
  runs.sort((a, b) => a - b);
  const ns = runs[2]!;
  console.log(`${name.padEnd(62)} ${ns.toFixed(0).padStart(5)} ns/stereo sample  ${(1e9 / ns / 48_000).toFixed(0).padStart(5)}× real time`);
}

const options = (plan: Plan, n = 1) => ({ numberOfOutputs: n, processorOptions: { plan } });
const quiet = setupOf('phone-amp-hd600');
quiet.source.volumeDb = -10;
const loud = setupOf('phone-amp-hd600');
cost('source, linear lane (volume −10 dB), amp.input network @1×', new p.Source(options(compile(quiet, 48_000))), 1);
cost('source, clip lane (volume 0 dB: reachable), amp.input @1×', new p.Source(options(compile(loud, 48_000))), 1);
cost('amp, linear lane (Magni 2 after the phone at −10 dB)', new p.Amp(options(compile(quiet, 48_000))), 1);
cost('amp, clip lane (reachable)', new p.Amp(options(compile(loud, 48_000))), 1);
const two = compile(setupOf('laptop-splitter-two-m50x'), 48_000);
cost('splitter, two M50x (networks @1×)', new p.Splitter(options(two, 2)), 2);
const hf5 = compile(setupOf('iec-120-ohm-hf5'), 48_000);
cost('splitter, one hf5 on 120 Ω (network @1×, fitted)', new p.Splitter(options(hf5, 1)), 1);
const hf5two = { ...hf5, listeners: [hf5.listeners[0]!, hf5.listeners[0]!] };
cost('splitter, two hf5 on 120 Ω (two networks @1×, fitted)', new p.Splitter(options(hf5two, 2)), 2);
const band = setupOf('band-interface-distribution-amp');
band.source.volumeDb = 0;
cost('splitter, 4 independent jacks (clips unreachable: amp rail first)', new p.Splitter(options(compile(band, 48_000), 4)), 4);

for (const rate of [44_100, 48_000]) {
  setSampleRate(rate);
  const plan = compile(setupOf('phone-amp-hd600'), rate);
  const four = compile(setupOf('iec-120-ohm-hf5'), rate);
  const lat = [new p.Source(options(plan)), new p.Amp(options(plan)), new p.Splitter(options(four))].map((x) => x.latencySamples);
  console.log(`latency at ${rate} Hz: source ${lat[0]}, amp ${lat[1]}, splitter ${lat[2]} samples`);
}

// Alias level of the source's clip lane: 5 kHz, 20 dB into clipping, 48 kHz.
setSampleRate(48_000);
const plan: Plan = {
  format: PLAN_FORMAT,
  sampleRateHz: 48_000,
  calibrationDbSpl: 120,
  // A current limit: the analog clip the source's oversampled ADAA lane models (its rail is digital full scale).
  source: { voltsPerFullScale: 1, clipPeakVolts: 0.1, limitedBy: 'current' },
  amp: null,
  listeners: [{ name: 'x', network: { numerator: [1], denominator: [1] }, clipPeakVolts: null, outputGain: 1 }],
};
const source = new p.Source(options(plan));
const n = 65_536;
const bin = Math.round((5000 * n) / 48_000);
const hz = (bin * 48_000) / n;
const y = new Float64Array(n);
const warm = 4096;
const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
const out = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
for (let b = 0; b < (n + warm) / BLOCK; b++) {
  for (let i = 0; i < BLOCK; i++) input[0]![i] = input[1]![i] = Math.sin((2 * Math.PI * hz * (b * BLOCK + i)) / 48_000);
  source.process([input], out);
  const at = b * BLOCK - warm;
  if (at >= 0) y.set(out[0]![0]!, at);
}
const spectrum = magnitudeSpectrum(y, blackmanHarris7(n));
const fundamental = spectrum[bin]!;
let worst = -Infinity;
let worstHz = 0;
for (let k = Math.ceil((20 * n) / 48_000); k <= Math.floor((20_000 * n) / 48_000); k++) {
  const harmonic = Math.round(k / bin);
  if (harmonic >= 1 && Math.abs(k - harmonic * bin) <= BH7_MAIN_LOBE_BINS) continue;
  if (k <= BH7_MAIN_LOBE_BINS) continue;
  const level = db(spectrum[k]! / fundamental);
  if (level > worst) {
    worst = level;
    worstHz = (k * 48_000) / n;
  }
}
console.log(`source clip lane, 5 kHz 20 dB into clipping at 48 kHz: worst non-harmonic ${worst.toFixed(1)} dBc at ${worstHz.toFixed(0)} Hz`);
