/**
 * source → [amp] → splitter, chained by hand block by block, against the model's report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import { compile, type Plan } from '../../src/model/compile.ts';
import { buildReport } from '../../src/model/report.ts';
import type { Setup } from '../../src/model/setup.ts';
import { probeAllocation } from './alloc-probe-run.ts';
import { BLOCK, Chain, db, loadProcessors, maxStep, rms, setSampleRate, type Processors } from './harness.ts';

let p: Processors;
beforeAll(async () => {
  p = await loadProcessors(48_000);
});

const setupOf = (id: string): Setup => structuredClone(presets.find((x) => x.id === id)!.setup);
const sine = (rate: number, hz: number, peak: number) => (n: number) => peak * Math.sin((2 * Math.PI * hz * n) / rate);

function withRate<T>(rate: number, body: () => T): T {
  setSampleRate(rate);
  try {
    return body();
  } finally {
    setSampleRate(48_000);
  }
}

describe('level: each listener gets the SPL the model predicts', () => {
  const cases = ['phone-amp-hd600', 'laptop-splitter-two-m50x', 'band-interface-distribution-amp', 'iec-120-ohm-hf5', 'nexus-5x-amp-dt880-600'];
  for (const rate of [44_100, 48_000]) {
    it(`a 1 kHz sine at the setup's level comes out at splDb − calibration within 0.05 dB at ${rate / 1000} kHz`, () => {
      withRate(rate, () => {
        let worst = 0;
        for (const id of cases) {
          const setup = setupOf(id);
          const report = buildReport(setup);
          const plan = compile(setup, rate, { calibrationDbSpl: 110 });
          const chain = new Chain(p, plan);
          const blocks = Math.ceil((0.3 * rate) / BLOCK);
          const out = chain.run(blocks, sine(rate, 1000, 10 ** (setup.signal.levelDbfs / 20)));
          const window = rate / 10; // 100 whole cycles of 1 kHz
          const end = blocks * BLOCK;
          report.headphones.forEach((h, k) => {
            const levelDb = db(rms(out[k]!, end - window, end) * Math.SQRT2);
            worst = Math.max(worst, Math.abs(levelDb - (h.splDb - plan.calibrationDbSpl)));
          });
        }
        console.info(`level error, worst over ${cases.length} presets at ${rate} Hz: ${worst.toFixed(4)} dB`);
        expect(worst).toBeLessThan(0.05);
      });
    });
  }
});

describe('clipping starts where the model says', () => {
  const clippingSetups: [string, Setup][] = [
    ['source current limit (four K371 on a phone)', setupOf('phone-four-k371-splitter')],
    ['amp rail (Magni 2 at a 3 Vrms rail)', (() => { const s = setupOf('phone-amp-hd600'); s.amp!.maxOutputVrms = 3; return s; })()],
    ['independent jack current limit (distribution amp at −14 dB volume)', (() => { const s = setupOf('band-interface-distribution-amp'); s.source.volumeDb = -14; return s; })()],
  ];
  for (const [name, setup] of clippingSetups) {
    it(`no clip 0.1 dB below the report's clipping point, clips 0.1 dB above: ${name}`, () => {
      const at = buildReport(setup).clipping.atSignalDbfs;
      expect(at).toBeLessThan(-0.5);
      const counts = [-0.1, 0.1].map((offset) => {
        const chain = new Chain(p, compile(setup, 48_000));
        chain.run(40, sine(48_000, 1000, 10 ** ((at + offset) / 20)));
        chain.clipsSinceLastCall();
        chain.run(80, sine(48_000, 1000, 10 ** ((at + offset) / 20)), 40 * BLOCK);
        return chain.clipsSinceLastCall();
      });
      expect(counts[0]).toBe(0);
      expect(counts[1]).toBeGreaterThan(0);
    });
  }
});

describe('plan changes are click-free', () => {
  function stepCheck(first: Plan, second: Plan): { during: number; steady: number } {
    const chain = new Chain(p, first);
    const signal = sine(48_000, 1000, 10 ** (-6 / 20));
    const before = chain.run(60, signal)[0]!;
    chain.send(second);
    const after = chain.run(120, signal, 60 * BLOCK)[0]!;
    const steady = Math.max(maxStep(before, 30 * BLOCK, 60 * BLOCK), maxStep(after, 90 * BLOCK, 120 * BLOCK));
    return { during: maxStep(after, 0, 90 * BLOCK), steady };
  }

  it('volume −20 dB → 0 dB (the source switches to its clip lane) stays within the steady-state maximum step', () => {
    const quiet = setupOf('phone-four-k371-splitter');
    quiet.source.volumeDb = -20;
    const loud = setupOf('phone-four-k371-splitter');
    loud.source.volumeDb = 0;
    const { during, steady } = stepCheck(compile(quiet, 48_000), compile(loud, 48_000));
    expect(during).toBeLessThanOrEqual(steady * 1.01 + 1e-6);
  });

  it('a listener network swap (120 Ω → 0.1 Ω output on an in-ear) stays within the steady-state maximum step', () => {
    const a = compile(setupOf('iec-120-ohm-hf5'), 48_000);
    const b = compile(setupOf('dac-iem-hf5'), 48_000);
    const { during, steady } = stepCheck(a, b);
    expect(during).toBeLessThanOrEqual(steady * 1.01 + 1e-6);
  });

  it('an immediate swap would click (control)', () => {
    const a = compile(setupOf('iec-120-ohm-hf5'), 48_000);
    const b = compile(setupOf('dac-iem-hf5'), 48_000);
    const signal = sine(48_000, 1000, 10 ** (-6 / 20));
    const x = new Chain(p, a).run(60, signal)[0]!;
    const y = new Chain(p, b).run(120, signal)[0]!;
    const spliced = new Float64Array(120 * BLOCK);
    spliced.set(x.subarray(0, 60 * BLOCK + 17));
    spliced.set(y.subarray(60 * BLOCK + 17), 60 * BLOCK + 17);
    const steady = Math.max(maxStep(x, 30 * BLOCK, 60 * BLOCK), maxStep(y, 90 * BLOCK, 120 * BLOCK));
    expect(maxStep(spliced, 60 * BLOCK, 61 * BLOCK)).toBeGreaterThan(steady * 1.01);
  });
});

describe('robustness and allocation', () => {
  it('NaN and ±Inf input give finite output from every processor', () => {
    const setup = setupOf('band-interface-distribution-amp');
    setup.source.volumeDb = 0;
    const chain = new Chain(p, compile(setup, 48_000));
    const weird = [Number.NaN, Infinity, -Infinity, 1e30, -1e30, 0.5];
    const out = chain.run(50, (n) => weird[n % weird.length]!);
    for (const o of out) for (const v of o) expect(Number.isFinite(v)).toBe(true);
    const after = chain.run(50, sine(48_000, 1000, 0.1), 50 * BLOCK);
    expect(rms(after[0]!, 40 * BLOCK, 50 * BLOCK)).toBeGreaterThan(0);
  });

  it('process() allocates nothing after warm-up, with clip lanes, 4× networks and meters running (probed in a fresh process)', () => {
    const growth = probeAllocation('three-nodes');
    console.info(`chain heap growth over 3 000 blocks: ${growth} B`);
    expect(growth).toBeLessThan(16 * 1024);
  });
});
