/**
 * The plucked-string material (Tone.js PluckSynth in an OfflineAudioContext, real Chromium):
 * exact loop length, mono, peak level, sound in every beat, treble to lose (its attacks reach
 * well above 5 kHz, where a line input takes 20 dB away) and a click-free loop seam.
 */
import { describe, expect, it, vi } from 'vitest';
import FFT from 'fft.js';
import { peakDbfs, PLUCKED_STRING, PLUCKED_STRING_SECONDS, renderPluckedString, rmsDbfs } from '../../src/audio/sources/index.ts';

vi.setConfig({ testTimeout: 60_000 });

describe('renderPluckedString', () => {
  it('renders 4 bars at 96 BPM, exactly 10 s, mono, peak −3 dBFS, a pluck in every beat, treble above 5 kHz, a seamless loop', async () => {
    const sampleRate = 48_000;
    const started = performance.now();
    const material = await renderPluckedString(sampleRate);
    const ms = performance.now() - started;
    expect(PLUCKED_STRING_SECONDS).toBe(10);
    expect(material.sampleRate).toBe(sampleRate);
    expect(material.channels).toHaveLength(1);
    const x = material.channels[0]!;
    expect(x.length).toBe(480_000);
    expect(x.every(Number.isFinite)).toBe(true);
    const peak = peakDbfs([x]);
    expect(Math.abs(peak - PLUCKED_STRING.peakDbfs)).toBeLessThan(0.1);

    const beat = (60 / PLUCKED_STRING.bpm) * sampleRate;
    const levels: number[] = [];
    for (let b = 0; b < PLUCKED_STRING.bars * PLUCKED_STRING.beatsPerBar; b++) levels.push(rmsDbfs(x.subarray(b * beat, (b + 1) * beat)));
    // Every beat has a pluck: within 30 dB of the peak.
    for (const [b, level] of levels.entries()) expect(level, `beat ${b + 1}`).toBeGreaterThan(-33);

    // Treble for the pickup loading to take away: the share of power above 5 kHz.
    const n = 2 ** 19;
    const fft = new FFT(n);
    const input = new Array<number>(n).fill(0);
    for (let i = 0; i < x.length; i++) input[i] = x[i]!;
    const out = fft.createComplexArray() as number[];
    fft.realTransform(out, input);
    let total = 0;
    let treble = 0;
    for (let k = 1; k <= n / 2; k++) {
      const p = out[2 * k]! ** 2 + out[2 * k + 1]! ** 2;
      total += p;
      if ((k * sampleRate) / n >= 5000) treble += p;
    }
    const trebleDb = 10 * Math.log10(treble / total);

    let largestStep = 0;
    for (let i = 1; i < x.length; i++) largestStep = Math.max(largestStep, Math.abs(x[i]! - x[i - 1]!));
    const seam = Math.abs(x[0]! - x[x.length - 1]!);
    console.info(
      `plucked string: ${ms.toFixed(0)} ms to render 10 s; peak ${peak.toFixed(3)} dBFS, RMS ${rmsDbfs(x).toFixed(1)} dBFS, beats ${Math.min(...levels).toFixed(1)}…${Math.max(...levels).toFixed(1)} dBFS; ` +
        `power above 5 kHz ${trebleDb.toFixed(1)} dB re total; seam step ${seam.toExponential(2)} vs largest ${largestStep.toExponential(2)}`,
    );
    // Bright enough that losing the treble is heard: at least 1/1000 of the power above 5 kHz.
    expect(trebleDb).toBeGreaterThan(-30);
    expect(seam).toBeLessThan(largestStep / 10);
  });
});
