/**
 * The loudness match in real Chromium: the headroom-loudness worklet measures A and B live
 * (BS.1770-4), and with the match on the heard A and B come out within 0.5 LU, while the
 * offset the engine reports equals the difference measured on the unmatched output.
 *
 * Material: stereo pink noise at −20 dBFS RMS. A: one 32 Ω listener on a 100 Ω source; B: two
 * (4.90 dB quieter). Side A is heard for the first half, B for the second; loudness is
 * measured offline (src/audio/loudness) on the rendered output over stretches that start
 * well after the match has settled (it updates every 100 ms and ramps over 0.3 s).
 */
import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../src/audio/loudness/bs1770.ts';
import type { LoudnessReport } from '../../src/audio/engine/index.ts';
import { hundredOhmSource, offlineEngine, pinkNoiseMaterial, seconds } from './engine-harness.ts';

const LENGTH = 6;

async function renderHalves(match: boolean): Promise<{ aLufs: number; bLufs: number; reports: LoudnessReport[] }> {
  const reports: LoudnessReport[] = [];
  const { engine, render, errors } = await offlineEngine(LENGTH, { a: hundredOhmSource(1), b: hundredOhmSource(2), listeningLevelDb: 0, onLoudness: (r) => reports.push(r) });
  engine.setMaterial(pinkNoiseMaterial(LENGTH, -20));
  engine.setMatchLoudness(match);
  engine.play(0);
  engine.setSide('B', LENGTH / 2);
  const out = await render();
  expect(errors).toEqual([]);
  await engine.dispose();
  const stretch = (from: number, to: number) => out.map((c) => c.subarray(seconds(from), seconds(to)));
  return { aLufs: integratedLoudness(stretch(1.5, 3), 48_000), bLufs: integratedLoudness(stretch(4.5, 6), 48_000), reports };
}

describe('loudness match', () => {
  it('is off by default: B is as much quieter as the physics says', async () => {
    const { aLufs, bLufs, reports } = await renderHalves(false);
    expect(aLufs - bLufs).toBeGreaterThan(4.5);
    expect(reports.at(-1)!.aGainDb).toBe(0);
    expect(reports.at(-1)!.bGainDb).toBe(0);
  });

  it('brings A and B within 0.5 LU on pink noise, and the offset it shows equals the measured A−B difference within 0.1 dB', async () => {
    const physics = await renderHalves(false);
    const matched = await renderHalves(true);
    const measuredOffset = physics.aLufs - physics.bLufs;
    const shown = matched.reports.at(-1)!;
    console.info(`loudness: unmatched A ${physics.aLufs.toFixed(3)} / B ${physics.bLufs.toFixed(3)} LUFS; matched A ${matched.aLufs.toFixed(3)} / B ${matched.bLufs.toFixed(3)} LUFS; shown offset ${shown.offsetDb.toFixed(3)} dB (A ${shown.aLufs.toFixed(3)}, B ${shown.bLufs.toFixed(3)}) over ${matched.reports.length} reports`);
    expect(matched.reports.length).toBeGreaterThan(40);
    expect(Math.abs(matched.aLufs - matched.bLufs)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(shown.offsetDb - measuredOffset)).toBeLessThanOrEqual(0.1);
    expect(shown.offsetDb).toBeCloseTo(shown.aLufs - shown.bLufs, 10);
    // Only the louder side (A) is turned down; B is never raised.
    expect(shown.aGainDb).toBeCloseTo(-shown.offsetDb, 10);
    expect(shown.bGainDb).toBe(0);
  });
});
