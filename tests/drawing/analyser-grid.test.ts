/**
 * The analysers' grids (src/drawing/analyser-grid.ts): their ticks and labels, the spectrum's
 * mapping, and the scope's range that follows the signal.
 */
import { describe, expect, it } from 'vitest';
import {
  FollowingRange,
  frequencyLabels,
  levelTicksDb,
  plotArea,
  rangeLabel,
  rangeTitle,
  scopeGrid,
  spectrumGrid,
  spectrumScale,
  timeTicks,
} from '../../src/drawing/analyser-grid.ts';

describe('frequency labels', () => {
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

describe('analyser grids', () => {
  const plot = plotArea(600, 200, { left: 50, right: 10, top: 8, bottom: 22 });

  it('the plot area is the canvas less its padding', () => {
    expect(plot).toEqual({ x: 50, y: 8, w: 540, h: 170 });
  });

  it('the scope labels full scale and zero only; half scale is dashed, zero dashed and darker', () => {
    const { rows, title } = scopeGrid(plot, 0.25, 5);
    expect(rows.map((r) => r.label)).toEqual(['+0.25', '', '0', '', '\u22120.25']);
    expect(rows.map((r) => r.y)).toEqual([8, 50.5, 93, 135.5, 178]);
    expect(rows.map((r) => r.dashed)).toEqual([false, true, true, true, false]);
    expect(rows.map((r) => r.strong)).toEqual([false, false, true, false, false]);
    expect(title).toBe('FS (\u221212 dB)');
  });

  it('the spectrum spans 20 Hz to its top frequency across the plot on a log scale, and 0 to −120 dB down it', () => {
    const { x, y } = spectrumScale(plot, 20_000);
    expect(x(20)).toBe(50);
    expect(x(20_000)).toBeCloseTo(590, 9);
    // 632 Hz is halfway in decades between 20 Hz and 20 kHz.
    expect(x(20 * 10 ** 1.5)).toBeCloseTo(320, 9);
    expect([y(0), y(-60), y(-200)]).toEqual([8, 93, 178]);
    const grid = spectrumGrid(plot, 20_000, (label) => 7 * label.length);
    expect(grid.rows.map((r) => r.label)).toEqual(['0', '\u221220', '\u221240', '\u221260', '\u221280', '\u2212100', '\u2212120']);
    expect(grid.columns[0]).toMatchObject({ label: '20k Hz', align: 'left' });
    expect(grid.title).toBe('dB');
  });

  it('at a 16 kHz sample rate the spectrum stops at 8 kHz, with no tick above it', () => {
    const grid = spectrumGrid(plot, 8000, () => 10);
    expect(Math.max(...grid.columns.map((c) => c.x))).toBeLessThanOrEqual(590);
    expect(grid.columns.map((c) => c.label)).not.toContain('10k');
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
