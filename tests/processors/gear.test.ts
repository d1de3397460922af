/**
 * headroom-chain with setup@3's additions (hiss, shared returns), process() called directly:
 * plan messages that bring them in or take them out are click-free, a left-only signal leaks at
 * the report's crosstalk, the hiss runs with no input, and nothing allocates.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Plan } from '../../src/model/compile.ts';
import { buildReport, type ReportV3 } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { probeAllocation } from './alloc-probe-run.ts';
import { BLOCK, db, loadProcessors, maxStep, rms, type Processors, type TestProcessor } from './harness.ts';

const RATE = 48_000;
let p: Processors;
beforeAll(async () => {
  p = await loadProcessors(RATE);
});

const fixture = (name: string): Setup => JSON.parse(readFileSync(new URL(`../fixtures/ngspice/${name}.setup.json`, import.meta.url), 'utf8')) as Setup;

/** Runs a chain node block by block; `left`/`right` give each input sample; plans can be sent between blocks. */
function run(plan: Plan, blocks: number, left: (n: number) => number, right: (n: number) => number, messages: Map<number, Plan> = new Map()): { node: TestProcessor; out: Float64Array[][] } {
  const node = new p.Chain({ numberOfOutputs: plan.listeners.length, processorOptions: { plan } });
  const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const outputs = plan.listeners.map(() => [new Float32Array(BLOCK), new Float32Array(BLOCK)]);
  const out = plan.listeners.map(() => [new Float64Array(blocks * BLOCK), new Float64Array(blocks * BLOCK)]);
  for (let b = 0; b < blocks; b++) {
    const next = messages.get(b);
    if (next) node.port.send({ type: 'plan', plan: next });
    for (let i = 0; i < BLOCK; i++) {
      input[0]![i] = left(b * BLOCK + i);
      input[1]![i] = right(b * BLOCK + i);
    }
    node.process([input], outputs);
    outputs.forEach((o, k) => {
      out[k]![0]!.set(o[0]!, b * BLOCK);
      out[k]![1]!.set(o[1]!, b * BLOCK);
    });
  }
  return { node, out };
}

const sine = (hz: number, peak: number) => (n: number) => peak * Math.sin((2 * Math.PI * hz * n) / RATE);
const zero = () => 0;

describe('headroom-chain with shared returns and hiss', () => {
  const setup = fixture('crosstalk-splitter-four');
  const plain: Setup = { ...setup, format: 'headroom/setup@1', source: { ...setup.source, groundResistanceOhms: undefined }, splitter: { cableResistanceOhms: 0.1 }, headphones: setup.headphones.map(({ groundResistanceOhms: _g, ...hp }) => hp) };

  it('a left-only 1 kHz sine leaks into every listener’s right channel at the report’s crosstalk (±0.05 dB)', () => {
    const report = buildReport(setup) as ReportV3;
    const { out } = run(compile(setup, RATE), 400, sine(1000, 0.3), zero);
    report.headphones.forEach((listener, i) => {
      const [l, r] = out[i]!;
      const leak = db(rms(r!, 200 * BLOCK, 400 * BLOCK) / rms(l!, 200 * BLOCK, 400 * BLOCK));
      // A steady sine through linear filters: only the sine's own leak, measured over 5 334 cycles.
      expect(Math.abs(leak - listener.crosstalkDb!)).toBeLessThan(0.05);
    });
  });

  it('returns brought in and taken out by plan messages: click-free (no step beyond the steady ones), and the leak comes and goes', () => {
    const coupled = compile(setup, RATE);
    const independent = compile(plain, RATE);
    const { out } = run(independent, 900, sine(1000, 0.3), sine(1000, 0.3), new Map([[300, coupled], [600, independent]]));
    for (const [l] of out) {
      const steady = Math.max(maxStep(l!, 200 * BLOCK, 300 * BLOCK), maxStep(l!, 450 * BLOCK, 600 * BLOCK), maxStep(l!, 800 * BLOCK, 900 * BLOCK));
      // Every change is a 20 ms warm-up and a 20 ms raised-cosine crossfade between two steady
      // sines of nearly the same level: no step beyond the steady ones (1e-4 of slack for the
      // levels' 0.3 dB difference).
      expect(maxStep(l!, 300 * BLOCK, 450 * BLOCK)).toBeLessThan(steady + 1e-4);
      expect(maxStep(l!, 600 * BLOCK, 750 * BLOCK)).toBeLessThan(steady + 1e-4);
    }
    // The same changes with the left channel only: no leak, the report's leak, no leak again.
    const report = buildReport(setup) as ReportV3;
    const { out: leftOnly } = run(independent, 900, sine(1000, 0.3), zero, new Map([[300, coupled], [600, independent]]));
    const [l, r] = leftOnly[0]!;
    expect(rms(r!, 100 * BLOCK, 300 * BLOCK)).toBe(0);
    expect(Math.abs(db(rms(r!, 450 * BLOCK, 600 * BLOCK) / rms(l!, 450 * BLOCK, 600 * BLOCK)) - report.headphones[0]!.crosstalkDb!)).toBeLessThan(0.05);
    expect(rms(r!, 800 * BLOCK, 900 * BLOCK)).toBe(0);
  });

  it('the hiss plays with no input at all, independent in left and right, and ramps in when a plan adds it', () => {
    const noisy: Setup = { ...setup, source: { ...setup.source, noise: { uVrms: 10, weighting: 'A' } } };
    const { out } = run(compile(setup, RATE), 600, zero, zero, new Map([[100, compile(noisy, RATE)]]));
    const [l, r] = out[0]!;
    expect(rms(l!, 0, 100 * BLOCK)).toBe(0);
    const level = rms(l!, 300 * BLOCK, 600 * BLOCK);
    expect(level).toBeGreaterThan(0);
    // 20 ms after the plan (7.5 blocks) the ramp is done; before it the hiss is still rising.
    expect(rms(l!, 100 * BLOCK, 101 * BLOCK)).toBeLessThan(0.2 * level);
    let lr = 0;
    for (let i = 300 * BLOCK; i < 600 * BLOCK; i++) lr += l![i]! * r![i]!;
    expect(Math.abs(lr / (300 * BLOCK * level * rms(r!, 300 * BLOCK, 600 * BLOCK)))).toBeLessThan(0.05);
  });

  it('process() allocates nothing with hiss in source and amp and mid/side clip lanes (probed in a fresh process)', () => {
    const growth = probeAllocation('chain-node-gear');
    console.info(`headroom-chain (setup@3) heap growth over 3 000 blocks: ${growth} B`);
    expect(growth).toBeLessThan(16 * 1024);
  });
});
