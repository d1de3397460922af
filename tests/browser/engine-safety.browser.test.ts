/**
 * Hearing safety in real Chromium: the −1 dBFS output limiter holds whatever the setup,
 * the calibration and the listening level do, and the listening level is checked and ramped.
 *
 * −1 dBFS = 10^(−1/20) = 0.891251 linear. The limiter clamps to the largest float32 at or
 * below that, so the bound is exact: no tolerance.
 */
import { describe, expect, it } from 'vitest';
import { LIMITER_CEILING_DBFS } from '../../src/audio/engine/index.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';
import { offlineEngine, rmsDb, seconds, sineMaterial } from './engine-harness.ts';

const CEILING = 10 ** (LIMITER_CEILING_DBFS / 20);
const peakOf = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('the output limiter', () => {
  it('keeps a chain output 20 dB and more above full scale at or below −1 dBFS on every sample, at listening level 0 dB', async () => {
    // A 4 Vrms source into a 120 dB/V headphone is 132 dB SPL; at a calibration of 60 dB SPL
    // that is +72 dBFS at the chain's output, far beyond "+20 dB over full scale".
    const loud = setup({ source: source({ maxOutputVrms: 4 }), headphones: [resistiveHeadphone(32, 'sensitive', 120)] });
    const { engine, render, errors } = await offlineEngine(1, { a: loud, b: loud, calibrationDbSpl: 60, listeningLevelDb: 0 });
    engine.setMaterial(sineMaterial(997, 0, 1));
    engine.play(0);
    const [left, right] = await render();
    expect(errors).toEqual([]);
    const peak = Math.max(peakOf(left!), peakOf(right!));
    console.info(`limiter: peak ${peak} (${(20 * Math.log10(peak)).toFixed(4)} dBFS), ceiling ${CEILING}`);
    expect(peak).toBeLessThanOrEqual(CEILING);
    // It limits rather than mutes: the steady sine sits at the ceiling (within 0.1 dB).
    expect(20 * Math.log10(peakOf(left!.subarray(seconds(0.5))))).toBeGreaterThan(LIMITER_CEILING_DBFS - 0.1);

    await engine.dispose();
  });

  it('leaves a signal below the ceiling untouched: the heard level is the chain level plus the listening level (within 0.01 dB)', async () => {
    const quiet = setup();
    // 0 dBFS in at 1 Vrms into 100 dB/V: 100 dB SPL, −20 dBFS at calibration 120; −12 dB listening level → −32 dBFS.
    const { engine, render } = await offlineEngine(0.5, { a: quiet, b: quiet, listeningLevelDb: -12 });
    engine.setMaterial(sineMaterial(1000, 0, 0.5));
    engine.play(0);
    const [left] = await render();
    const levelDb = rmsDb(left!, seconds(0.2), seconds(0.2) + 9600) + 3.0103;
    expect(Math.abs(levelDb - -32)).toBeLessThanOrEqual(0.01);
    await engine.dispose();
  });
});

describe('the loud-level warning', () => {
  it('warns once when the heard listener’s simulated SPL passes 85 dB SPL (a 100 dB SPL sine), with the level in the message', async () => {
    // 1 Vrms into 100 dB/V: 100 dB SPL for a full-scale sine.
    const warnings: string[] = [];
    const { engine, render } = await offlineEngine(0.5, { a: setup(), b: setup(), onWarning: (w) => warnings.push(`${w.kind}: ${w.message}`) });
    engine.setMaterial(sineMaterial(1000, 0, 0.5));
    engine.play(0);
    await render();
    // Once, at the first meter report above 85 dB SPL (the sine's 5 ms fade-in may be in it, so ≥ 85, ≤ 100).
    expect(warnings).toHaveLength(1);
    const [, spl] = /^loud: The simulated level is (\d+) dB SPL, above 85 dB SPL: long listening at this level harms hearing\.$/.exec(warnings[0]!) ?? [];
    expect(Number(spl)).toBeGreaterThanOrEqual(85);
    expect(Number(spl)).toBeLessThanOrEqual(100);
    await engine.dispose();
  });
});

describe('the listening level', () => {
  it('starts low, at −24 dB', async () => {
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    expect(engine.listeningLevelDb).toBe(-24);
    await engine.dispose();
  });

  it('throws a RangeError naming the field and its range for a level above 0 dB or not a number, and keeps the level', async () => {
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    expect(() => engine.setListeningLevelDb(3)).toThrow(new RangeError('listeningLevelDb must be from -80 to 0 dB (got 3)'));
    expect(() => engine.setListeningLevelDb(Number.NaN)).toThrow(new RangeError('listeningLevelDb must be from -80 to 0 dB (got NaN)'));
    expect(engine.listeningLevelDb).toBe(-24);
    await engine.dispose();
  });

  it('ramps a level change over 50 ms in equal dB steps instead of jumping', async () => {
    const { engine, render } = await offlineEngine(0.5, { a: setup(), b: setup(), listeningLevelDb: -40 });
    engine.setMaterial(sineMaterial(1000, 0, 0.5));
    engine.play(0);
    engine.setListeningLevelDb(-10); // at context time 0: a ramp from −40 dB to −10 dB over 50 ms
    const [left] = await render();
    // 1 ms RMS windows from 15 ms on (past the limiter's 5 ms delay and the transport's 5 ms
    // fade-in, with 5 ms to spare): 30 dB over 50 ms is 0.6 dB per ms; a window straddles two ramp steps, so ≤ 1 dB.
    const levels: number[] = [];
    for (let t = 0.015; t < 0.07; t += 0.001) levels.push(rmsDb(left!, seconds(t), seconds(t + 0.001)));
    let biggest = 0;
    for (let k = 1; k < levels.length; k++) biggest = Math.max(biggest, levels[k]! - levels[k - 1]!);
    console.info(`level ramp: rose ${(levels.at(-1)! - levels[0]!).toFixed(2)} dB from 15 to 70 ms, largest step ${biggest.toFixed(3)} dB per ms`);
    expect(levels.at(-1)! - levels[0]!).toBeGreaterThan(20); // the rest of the 30 dB happened in the first 15 ms
    expect(biggest).toBeLessThan(1);
    await engine.dispose();
  });
});
