/**
 * The charts' scales and ticks (src/drawing/chart-scales.ts): the frequency ticks and the
 * windows the uPlot charts draw in.
 */
import { describe, expect, it } from 'vitest';
import { degreeRange, frequencyTicksHz, levelRange, ohmRange, oneTwoFive, shortHz } from '../../src/drawing/chart-scales.ts';

describe('frequency ticks', () => {
  it('a wide chart gets every 1-2-5 step from 20 Hz to 20 kHz, a narrow one only 20 Hz and the decades', () => {
    expect(frequencyTicksHz(true)).toEqual([20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000]);
    expect(frequencyTicksHz(false)).toEqual([20, 100, 1000, 10_000]);
  });

  it('tick labels are short: kilohertz as “k”, to three digits', () => {
    expect([20, 500, 1000, 2500, 20_000].map(shortHz)).toEqual(['20', '500', '1k', '2.5k', '20k']);
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
