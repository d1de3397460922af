/**
 * The transport's loop region (the blind test's stretch, Transport.setLoopRegion) through the
 * real engine on an OfflineAudioContext in Chromium: the stretch repeats with no gap, playing
 * from before it starts at it, and a region outside the material is refused naming the field.
 */
import { describe, expect, it } from 'vitest';
import { setup } from '../support/setups.ts';
import { offlineEngine, RATE, rmsDb, seconds } from './engine-harness.ts';

/** 1 s of material: silent except a −6 dBFS 1 kHz tone from 0.2 to 0.3 s. */
function toneBurst(): Float32Array {
  const x = new Float32Array(RATE);
  for (let i = seconds(0.2); i < seconds(0.3); i++) x[i] = 0.5 * Math.sin((2 * Math.PI * 1000 * i) / RATE);
  return x;
}

describe('transport loop region', () => {
  it('loops 0.2–0.3 s with no gap: every 25 ms of a 0.6 s render holds the tone, where the whole material would be silent after 0.1 s', async () => {
    const { engine, render } = await offlineEngine(0.6, { a: setup(), b: setup(), listeningLevelDb: 0 });
    engine.setMaterial({ channels: [toneBurst()], sampleRate: RATE, name: 'burst' });
    engine.loop = true;
    engine.setLoopRegion({ start: 0.2, end: 0.3 });
    engine.play(0);
    const [left] = await render();
    // The chain delays by a few ms (its latency); from 20 ms on, each 25 ms window is the tone.
    // A gap of one 128-sample block at a loop point would drop its window's RMS by 0.6 dB at most;
    // silence would read below −100 dB. The tone reads about −29 dBFS RMS here.
    const windows = Array.from({ length: 22 }, (_, k) => rmsDb(left!, seconds(0.02 + 0.025 * k), seconds(0.045 + 0.025 * k)));
    const steady = windows[0]!;
    for (const level of windows) expect(Math.abs(level - steady)).toBeLessThan(0.7);
    expect(steady).toBeGreaterThan(-40);
    await engine.dispose();
  });

  it('refuses a region outside the material or shorter than 50 ms, naming the field and the range', async () => {
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    engine.setMaterial({ channels: [toneBurst()], sampleRate: RATE, name: 'burst' });
    expect(() => engine.setLoopRegion({ start: 0.5, end: 1.5 })).toThrow(new RangeError('loop end seconds must be from 0.55 to 1 s (got 1.5)'));
    expect(() => engine.setLoopRegion({ start: 0.5, end: 0.52 })).toThrow(/^loop end seconds must be from 0.55 to 1 s/);
    await engine.dispose();
  });
});
