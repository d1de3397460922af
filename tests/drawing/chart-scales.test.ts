/**
 * The charts' scales and ticks (src/drawing/chart-scales.ts): the windows the uPlot charts
 * draw in, the analysers' ticks and labels, and the scope's range that follows the signal.
 */
import { describe, expect, it } from 'vitest';
import {
  degreeRange,
  FollowingRange,
  frequencyLabels,
  frequencyTicksHz,
  levelRange,
  levelTicksDb,
  ohmRange,
  oneTwoFive,
  rangeLabel,
  rangeTitle,
  shortHz,
  timeTicks,
} from '../../src/drawing/chart-scales.ts';

describe('frequency ticks', () => {
  it('a wide chart gets every 1-2-5 step from 20 Hz to 20 kHz, a narrow one only 20 Hz and the decades', () => {
    expect(frequencyTicksHz(true)).toEqual([20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000]);
    expect(frequencyTicksHz(false)).toEqual([20, 100, 1000, 10_000]);
  });

  it('tick labels are short: kilohertz as “k”, to three digits', () => {
    expect([20, 500, 1000, 2500, 20_000].map(shortHz)).toEqual(['20', '500', '1k', '2.5k', '20k']);
  });

  it('labels go from the right, the last one with the unit, and one that would come within 4 px of its right neighbour is left out', () => {
    // 10 px a tick, each label 8 px wide: every other one fits (8 + 4 > 10).
    const ticks = [20, 30, 40, 50, 60];
    const labels = frequencyLabels(ticks, (hz) => hz, 1000, () => 8);
    expect(labels.map((l) => l.hz)).toEqual([60, 50, 40, 30, 20]);
    expect(labels.map((l) => l.label)).toEqual(['60 Hz', '', '40', '', '20']);
    // The first starts at its line, the others are centred on theirs.
    expect(labels.map((l) => l.left)).toEqual([56, 46, 36, 26, 20]);
  });

  it('a label near the right edge ends at the edge', () => {
    const [last] = frequencyLabels([20, 990], (hz) => hz, 1000, () => 30);
    expect(last).toEqual({ hz: 990, label: '990 Hz', left: 970 });
  });
});

describe('level, |Z| and phase windows', () => {
  it('a flat response re 1 kHz is drawn at least ±1 dB tall, with 8 % of the span as margin', () => {
    expect(levelRange(0, 0, 'relative')).toEqual([-1.16, 1.16]);
    // A response taller than that keeps its own span.
    expect(levelRange(-4, 2, 'relative')).toEqual([-4.48, 2.48]);
  });

  it('absolute SPL gets at least 6 dB around its middle; crosstalk at least a 6 dB span and 2 dB either side', () => {
    expect(levelRange(100, 100, 'absolute')).toEqual([96.52, 103.48]);
    expect(levelRange(-42, -42, 'crosstalk')).toEqual([-50, -34]);
  });

  it('1-2-5 ohms: every 1, 2 and 5 times a power of ten between the ends, and none outside 1 mΩ…1 GΩ', () => {
    expect(oneTwoFive(10, 1000)).toEqual([10, 20, 50, 100, 200, 500, 1000]);
    expect(oneTwoFive(5e-324, 0.01)).toEqual([0.001, 0.002, 0.005, 0.01]);
    expect(oneTwoFive(1e8, Number.MAX_VALUE)).toEqual([1e8, 2e8, 5e8, 1e9]);
    expect(oneTwoFive(Number.NaN, 10)).toEqual([]);
  });

  it('the |Z| window runs from the 1-2-5 value under the data to the one over it, at least five times tall', () => {
    // A flat 32 Ω: 10 % margin gives 29.1…35.2 Ω, widened to 20…100 Ω (×5).
    expect(ohmRange(32, 32)).toEqual([20, 100]);
    expect(ohmRange(25, 85)).toEqual([20, 100]);
    expect(ohmRange(Number.NaN, 10)).toEqual([1, 1000]);
  });

  it('the phase window is ±30° at least, grows in 30° steps and never passes ±90°', () => {
    expect(degreeRange(-5, 5)).toEqual([-30, 30]);
    expect(degreeRange(-45, 10)).toEqual([-60, 60]);
    expect(degreeRange(-200, 0)).toEqual([-90, 90]);
    expect(degreeRange(Number.NaN, 0)).toEqual([-90, 90]);
  });
});

describe('analyser ticks', () => {
  it('the spectrum’s level lines are 20 dB apart where that leaves 22 px between them, else 40 dB', () => {
    // 120 dB over 200 px: 33 px a 20 dB step.
    expect(levelTicksDb(-120, 0, 200)).toEqual([0, -20, -40, -60, -80, -100, -120]);
    // Over 100 px: 17 px a 20 dB step, too tight.
    expect(levelTicksDb(-120, 0, 100)).toEqual([0, -40, -80, -120]);
  });

  it('no axis gets more than 64 ticks, however it is asked', () => {
    expect(levelTicksDb(-1e6, 0, 1e9).length).toBeLessThanOrEqual(64);
    expect(timeTicks(1e9, 1e9).length).toBeLessThanOrEqual(64);
    expect(timeTicks(5, Number.NaN).length).toBeLessThanOrEqual(64);
  });

  it('5 ms over 500 px has a line every millisecond, the first left-aligned, the last right-aligned with the unit', () => {
    const ticks = timeTicks(5, 500);
    expect(ticks.map((t) => t.ms)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4', '5 ms']);
    expect(ticks.map((t) => t.align)).toEqual(['left', 'center', 'center', 'center', 'center', 'right']);
    // 5 ms over 120 px: about every 60 px is 2.5 ms, so a 5 ms step.
    expect(timeTicks(5, 120).map((t) => t.ms)).toEqual([0, 5]);
  });

  it('the scope’s range is written with two significant digits under ¼, and its title in dB below full scale', () => {
    expect(rangeLabel(1, 1)).toBe('+1');
    expect(rangeLabel(0.25, -1)).toBe('\u22120.25');
    expect(rangeLabel(2 ** -4, 1)).toBe('+0.063');
    expect(rangeTitle(1)).toBe('FS');
    expect(rangeTitle(0.25)).toBe('FS (\u221212 dB)');
  });
});

describe('the scope’s following range', () => {
  it('the first signal sets the range at once: the smallest 6 dB step (a power of two) that holds the peak', () => {
    const range = new FollowingRange();
    // log2(0.01) = −6.64: 2^−6 holds it, 2^−7 does not.
    expect(range.follow(0.01, 0)).toBe(2 ** -6);
  });

  it('a louder peak widens the range at once; a quieter one narrows it only after more than a second', () => {
    const range = new FollowingRange();
    range.follow(0.1, 0);
    expect(range.follow(0.6, 10)).toBe(1);
    expect(range.follow(0.1, 20)).toBe(1);
    expect(range.follow(0.1, 1000)).toBe(1);
    expect(range.follow(0.1, 1021)).toBe(0.125);
  });

  it('a quiet spell cut short by a peak that fills the range starts the wait again', () => {
    const range = new FollowingRange();
    range.follow(1, 0);
    range.follow(0.1, 100);
    range.follow(0.9, 900);
    range.follow(0.1, 1000);
    expect(range.follow(0.1, 1500)).toBe(1);
    expect(range.follow(0.1, 2001)).toBe(0.125);
  });

  it('it never goes below 2^−10 (−60 dBFS) nor above full scale, and silence leaves it where it is', () => {
    const range = new FollowingRange();
    expect(range.follow(1e-9, 0)).toBe(2 ** -10);
    expect(range.follow(0, 5000)).toBe(2 ** -10);
    expect(range.follow(3, 5001)).toBe(1);
    range.reset();
    expect(range.range).toBe(1);
    expect(range.follow(0.3, 5002)).toBe(0.5);
  });
});
