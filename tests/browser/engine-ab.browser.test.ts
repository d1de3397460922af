/**
 * A/B and listeners in real Chromium, through the real worklets: the switch is a short
 * crossfade at the same sample position, and the heard level follows the model.
 *
 * Each test renders the engine in an OfflineAudioContext (standardized-audio-context) and
 * compares renders of the same graph: identical processing is deterministic, so "equals
 * chain B's output" is checked to 1e-6 of full scale (float32 rounding of a sum with a
 * zero-gain term), far below anything audible.
 */
import { describe, expect, it } from 'vitest';
import { AB_CROSSFADE_SECONDS, LISTENER_CROSSFADE_SECONDS, type ListeningEngine } from '../../src/audio/engine/index.ts';
import { amp, resistiveHeadphone, setup } from '../support/setups.ts';
import { buildReport } from '../../src/model/report.ts';
import { hundredOhmSource, offlineEngine, pinkNoiseMaterial, rmsDb, seconds, sineMaterial, RATE } from './engine-harness.ts';

const EQUAL = 1e-6;
/** The output limiter's lookahead delay (5 ms at 48 kHz, minus one): everything heard is this late. */
const LIMITER_LATENCY = Math.round(0.005 * RATE) - 1;

type Change = (engine: ListeningEngine, when: number) => void;

/** Renders 1 s of pink noise through A = one 32 Ω listener, B = two 32 Ω (listener 2 on a 300 Ω one) from 100 Ω. */
async function renderWith(before: Change | null, change: Change | null, at = 0.5): Promise<Float32Array> {
  const b = hundredOhmSource(2);
  b.headphones[1] = resistiveHeadphone(300, '300 ohm', 110);
  const { engine, render, errors } = await offlineEngine(1, { a: hundredOhmSource(1), b, listeningLevelDb: -12 });
  engine.setMaterial(pinkNoiseMaterial(1, -20));
  before?.(engine, 0);
  engine.play(0);
  change?.(engine, at);
  const [left] = await render();
  expect(errors).toEqual([]);
  await engine.dispose();
  return left!;
}

/** Where `switched` stops equalling `from` and starts equalling `to` (after the switch). */
function crossfadeSpan(switched: Float32Array, from: Float32Array, to: Float32Array): { lastFrom: number; firstTo: number } {
  let lastFrom = -1;
  while (lastFrom + 1 < switched.length && Math.abs(switched[lastFrom + 1]! - from[lastFrom + 1]!) <= EQUAL) lastFrom++;
  let firstTo = switched.length;
  while (firstTo - 1 >= 0 && Math.abs(switched[firstTo - 1]! - to[firstTo - 1]!) <= EQUAL) firstTo--;
  return { lastFrom, firstTo };
}

function expectCrossfade(name: string, switched: Float32Array, from: Float32Array, to: Float32Array, bound: number): void {
  const at = seconds(0.5) + LIMITER_LATENCY;
  const { lastFrom, firstTo } = crossfadeSpan(switched, from, to);
  const fadeMs = ((firstTo - (lastFrom + 1)) / RATE) * 1000;
  console.info(`${name}: output equals the old signal up to sample ${lastFrom}, the new one from ${firstTo}: crossfade ${fadeMs.toFixed(3)} ms (switch heard at ${at})`);
  // Identical before the switch (to the sample the change reaches the output) …
  expect(lastFrom).toBeGreaterThanOrEqual(at - 1);
  // … and identical to the other chain/listener from at most `bound` after it.
  expect(firstTo - at).toBeLessThanOrEqual(Math.ceil(bound * RATE) + 1);
  expect(fadeMs).toBeLessThanOrEqual(10);
}

describe('the A/B switch', () => {
  it('crossfades from A to B within 10 ms at the same sample position: before it the output is chain A’s, after it chain B’s', async () => {
    const a = await renderWith(null, null);
    const b = await renderWith((e, t) => e.setSide('B', t), null);
    const switched = await renderWith(null, (e, t) => e.setSide('B', t));
    expectCrossfade('A/B', switched, a, b, AB_CROSSFADE_SECONDS);
  });
});

describe('listeners', () => {
  it('changing the heard listener crossfades within 10 ms and then plays exactly that listener', async () => {
    const first = await renderWith((e, t) => e.setSide('B', t), null);
    const second = await renderWith((e, t) => { e.setSide('B', t); e.setListener('B', 1, t); }, null);
    const switched = await renderWith((e, t) => e.setSide('B', t), (e, t) => e.setListener('B', 1, t));
    expectCrossfade('listener', switched, first, second, LISTENER_CROSSFADE_SECONDS);
  });

  it('a second equal 32 Ω listener on a passive splitter from a 100 Ω source lowers the heard level by what the model predicts (within 0.1 dB)', async () => {
    const one = hundredOhmSource(1);
    const two = hundredOhmSource(2);
    const predictedDb = buildReport(two).headphones[0]!.splDb - buildReport(one).headphones[0]!.splDb;
    const { engine, render, errors } = await offlineEngine(1, { a: one, b: two, listeningLevelDb: -12 });
    engine.setMaterial(sineMaterial(1000, -6, 1));
    engine.play(0);
    engine.setSide('B', 0.5);
    const [left] = await render();
    expect(errors).toEqual([]);
    // Whole periods (48 samples of 1 kHz) away from the start and the switch.
    const measuredDb = rmsDb(left!, seconds(0.6), seconds(0.6) + 19_200) - rmsDb(left!, seconds(0.1), seconds(0.1) + 19_200);
    console.info(`splitter: measured ${measuredDb.toFixed(4)} dB, model ${predictedDb.toFixed(4)} dB`);
    expect(predictedDb).toBeLessThan(-4.5);
    expect(Math.abs(measuredDb - predictedDb)).toBeLessThanOrEqual(0.1);
    await engine.dispose();
  });

  it('reports each listener’s simulated SPL in its meters as the model’s SPL (within 0.05 dB) and marks the heard one', async () => {
    const two = hundredOhmSource(2);
    const report = buildReport(two);
    const readings: { listener: number; splDb: number; heard: boolean; side: string }[] = [];
    const { engine, render } = await offlineEngine(0.6, { a: two, b: two, onMeters: (m) => readings.push(...m) });
    // The model's SPL is for a sine at setup.signal.levelDbfs (0 dBFS here).
    engine.setMaterial(sineMaterial(1000, two.signal.levelDbfs, 0.6));
    engine.play(0);
    await render();
    const late = readings.filter((r) => r.side === 'A').slice(-4);
    expect(late.length).toBeGreaterThan(0);
    for (const r of late) {
      expect(Math.abs(r.splDb - report.headphones[r.listener]!.splDb), `listener ${r.listener}: ${r.splDb} vs ${report.headphones[r.listener]!.splDb}`).toBeLessThanOrEqual(0.05);
      expect(r.heard).toBe(r.listener === 0);
    }
    await engine.dispose();
  });

  it('throws a RangeError naming the listener index and its range for an index out of range, and changes nothing', async () => {
    const { engine } = await offlineEngine(0.1, { a: hundredOhmSource(1), b: hundredOhmSource(2) });
    expect(() => engine.setListener('B', 2)).toThrow(new RangeError('listener index for side B must be an integer from 0 to 1 (got 2)'));
    expect(() => engine.setListener('A', -1)).toThrow(new RangeError('listener index for side A must be an integer from 0 to 0 (got -1)'));
    expect(() => engine.setListener('B', 0.5)).toThrow(RangeError);
    expect(engine.listener('B')).toBe(0);
    engine.setListener('B', 1);
    expect(engine.listener('B')).toBe(1);
    await engine.dispose();
  });
});

describe('latency alignment', () => {
  it('delays the chain without an amp by the amp’s latency, so A and B line up sample for sample (B − A·1 dB ≤ −60 dB of the signal)', async () => {
    // A: a 0 Ω source into 32 Ω. B = A plus an ideal amp (+1 dB gain, 0 Ω, 1 MΩ input, a rail far above the signal):
    // the same sound 1 dB louder (so B is surely B), later by the amp's oversampling filters unless the engine aligns them.
    const a = setup();
    const b = setup({ amp: amp({ gainDb: 1, inputImpedanceOhms: 1e6, maxOutputVrms: 100 }) });
    const renders: Float32Array[] = [];
    let latencies: (number | null)[] = [];
    for (const side of ['A', 'B'] as const) {
      const { engine, render, errors } = await offlineEngine(1, { a, b, listeningLevelDb: 0 });
      await engine.ready;
      engine.setMaterial(pinkNoiseMaterial(1, -20));
      engine.setSide(side, 0);
      engine.play(0);
      renders.push((await render())[0]!);
      expect(errors).toEqual([]);
      latencies = [engine.latencySamples('A'), engine.latencySamples('B')];
      await engine.dispose();
    }
    const [ra, rb] = renders as [Float32Array, Float32Array];
    const from = seconds(0.2);
    const to = seconds(0.9);
    let signal = 0;
    let difference = 0;
    for (let i = from; i < to; i++) {
      signal += ra[i]! * ra[i]!;
      difference += (ra[i]! * 10 ** (1 / 20) - rb[i]!) ** 2;
    }
    const ratioDb = 10 * Math.log10(difference / signal);
    console.info(`alignment: latencies A ${latencies[0]}, B ${latencies[1]} samples; B − A·(+1 dB) at ${ratioDb.toFixed(1)} dB re A`);
    expect(latencies[1]!).toBeGreaterThan(latencies[0]!);
    expect(ratioDb).toBeLessThan(-60);
  });
});

describe('one chain alone (b: null, as <headroom-sim> plays one setup)', () => {
  it('plays setup A exactly as a pair does when A is heard, has no side B, and takes no setup B', async () => {
    const a = hundredOhmSource(2);
    const renders: Float32Array[] = [];
    for (const b of [null, hundredOhmSource(1)]) {
      const { engine, render, errors } = await offlineEngine(1, { a, b, listeningLevelDb: -12 });
      await engine.ready;
      engine.setMaterial(pinkNoiseMaterial(1, -20));
      engine.setListener('A', 1, 0);
      engine.play(0);
      if (b === null) {
        expect(() => engine.setSide('B')).toThrow('side B does not exist: this engine plays one chain');
        expect(() => engine.setPair(a, a)).toThrow('this engine plays one chain: it takes no setup B');
        expect(engine.loudness.matching).toBe(false);
        engine.setMatchLoudness(true);
      }
      renders.push((await render())[0]!);
      expect(errors).toEqual([]);
      await engine.dispose();
    }
    // A pair's B chain (other latency or none) never reaches the output while A is heard.
    const [alone, paired] = renders as [Float32Array, Float32Array];
    let worst = 0;
    for (let i = seconds(0.1); i < seconds(0.95); i++) worst = Math.max(worst, Math.abs(alone[i]! - paired[i]!));
    expect(worst).toBeLessThanOrEqual(EQUAL);
    expect(rmsDb(alone, seconds(0.2), seconds(0.9))).toBeGreaterThan(-80);
  });
});
