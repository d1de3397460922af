/**
 * The Tone.js demo track rendered in real Chromium: exact loop length, peak level, sound in
 * every beat on both channels, a real stereo image, and a render time well under real time.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_TRACK, DEMO_TRACK_SECONDS, peakDbfs, renderDemoTrack, rmsDbfs } from '../../src/audio/sources/index.ts';
import { DEMO_RATE, loadBuiltIn } from '../../src/audio/sources/built-in-material.ts';

describe('renderDemoTrack', () => {
  it('renders 4 bars at 100 BPM, exactly 9.6 s, stereo, peak −3 dBFS, sound in every beat of both channels', async () => {
    const sampleRate = 48_000;
    const started = performance.now();
    const track = await renderDemoTrack(sampleRate);
    const ms = performance.now() - started;
    console.log(`demo track: rendered ${DEMO_TRACK_SECONDS} s in ${ms.toFixed(0)} ms (${((DEMO_TRACK_SECONDS * 1000) / ms).toFixed(1)}× real time)`);

    expect(DEMO_TRACK_SECONDS).toBe(9.6);
    expect(track.sampleRate).toBe(sampleRate);
    expect(track.channels).toHaveLength(2);
    // Exactly the bars' duration, so the loop closes on the bar line: 4 · 4 · 0.6 s · 48 kHz.
    for (const ch of track.channels) expect(ch.length).toBe(460_800);
    const peak = peakDbfs(track.channels);
    console.log(`demo track: peak ${peak.toFixed(3)} dBFS, RMS L ${rmsDbfs(track.channels[0]!).toFixed(1)} / R ${rmsDbfs(track.channels[1]!).toFixed(1)} dBFS`);
    // Normalized in double precision, stored as float32: off by far less than 0.1 dB.
    expect(Math.abs(peak - DEMO_TRACK.peakDbfs)).toBeLessThan(0.1);

    const beatSamples = (60 / DEMO_TRACK.bpm) * sampleRate;
    const beats = DEMO_TRACK.bars * DEMO_TRACK.beatsPerBar;
    const beatLevels: number[] = [];
    for (const [c, ch] of track.channels.entries()) {
      for (let b = 0; b < beats; b++) {
        const level = rmsDbfs(ch.subarray(b * beatSamples, (b + 1) * beatSamples));
        beatLevels.push(level);
        // Every beat has drums and held chords; 30 dB under the peak is far from silence.
        expect(level, `channel ${c}, beat ${b + 1}`).toBeGreaterThan(-33);
      }
    }
    console.log(`demo track: quietest beat ${Math.min(...beatLevels).toFixed(1)} dBFS RMS, loudest ${Math.max(...beatLevels).toFixed(1)} dBFS RMS`);

    // A stereo image, not two copies of one channel: hats right, chord voicings left and right.
    let difference = 0;
    for (let i = 0; i < track.channels[0]!.length; i++) difference = Math.max(difference, Math.abs(track.channels[0]![i]! - track.channels[1]![i]!));
    expect(20 * Math.log10(difference)).toBeGreaterThan(-30);
    // Loops at the bar line without a click: the step from the last sample back to the first is
    // a tenth or less of the largest step inside the track (measured: about a thousandth) (the tails past the last bar are folded onto the start).
    for (const ch of track.channels) {
      let largestStep = 0;
      for (let i = 1; i < ch.length; i++) largestStep = Math.max(largestStep, Math.abs(ch[i]! - ch[i - 1]!));
      const seam = Math.abs(ch[0]! - ch[ch.length - 1]!);
      console.log(`demo track: seam step ${seam.toExponential(2)}, largest step inside ${largestStep.toExponential(2)}`);
      expect(seam).toBeLessThan(largestStep / 10);
    }
    // On this 2-core machine it renders at several times real time; 30 s is a generous ceiling.
    expect(ms).toBeLessThan(30_000);
  });

  it('is exactly the bars’ duration at 44.1 kHz too (423 360 samples)', async () => {
    const track = await renderDemoTrack(44_100);
    expect(track.channels.map((c) => c.length)).toEqual([423_360, 423_360]);
    expect(Math.abs(peakDbfs(track.channels) - DEMO_TRACK.peakDbfs)).toBeLessThan(0.1);
  });

  it('refuses a sample rate it cannot render, naming the range', async () => {
    await expect(renderDemoTrack(8000)).rejects.toThrow('sampleRate must be from 22050 to 192000 Hz (got 8000)');
  });
});

describe('the demo track as the app loads it', () => {
  it('is rendered once at 48 kHz and resampled as a loop for a 44.1 kHz context: 423 360 samples, the same level, a clean seam', async () => {
    const at48 = await loadBuiltIn({ kind: 'demo' }, DEMO_RATE);
    const at44 = await loadBuiltIn({ kind: 'demo' }, 44_100);
    // Asked again, the same material: made once.
    expect(await loadBuiltIn({ kind: 'demo' }, 44_100)).toBe(at44);
    expect(at44.sampleRate).toBe(44_100);
    expect(at44.channels.map((c) => c.length)).toEqual([423_360, 423_360]);
    // Band-limited resampling moves sample peaks by a little (inter-sample peaks), RMS by nothing audible.
    expect(Math.abs(peakDbfs(at44.channels) - peakDbfs(at48.channels))).toBeLessThan(0.5);
    for (const [c, channel] of at44.channels.entries()) {
      expect(Math.abs(rmsDbfs(channel) - rmsDbfs(at48.channels[c]!))).toBeLessThan(0.05);
      let largestStep = 0;
      for (let i = 1; i < channel.length; i++) largestStep = Math.max(largestStep, Math.abs(channel[i]! - channel[i - 1]!));
      expect(Math.abs(channel[0]! - channel[channel.length - 1]!)).toBeLessThan(largestStep / 10);
    }
  });
});
