/** The report view's small response plot: where the curve's points and the 1 kHz tick fall. */
import { describe, expect, it } from 'vitest';
import { responseSketch } from '../../src/drawing/response-sketch.ts';

describe('the small response plot', () => {
  const hz = [20, 200, 1000, 2000, 20_000];

  it('puts 1 kHz where a log axis from 20 Hz to 20 kHz has it: log10(1000/20)/3 = 56.63 % of the width', () => {
    const sketch = responseSketch({ hz, db: [0, 0, 0, 0, 0] }, 300, 56)!;
    expect(sketch.kHzShare).toBe('56.63%');
    // 0.5663 × 300 = 169.9; the points run 0 … 300 across, all on the middle line at 0 dB.
    expect(sketch.kHzX).toBeCloseTo((Math.log10(50) / 3) * 300, 9);
    expect(sketch.points).toBe('0.0,28.00 100.0,28.00 169.9,28.00 200.0,28.00 300.0,28.00');
  });

  it('its half-height is the largest deviation (at least 1 dB) plus 15 %, to two digits, so the curve never touches the edge', () => {
    // 1 dB × 1.15 to two significant digits: within 0.05 of 1.15.
    expect(responseSketch({ hz, db: [0, 0.2, 0, -0.1, 0] }, 300, 56)!.spanDb).toBeCloseTo(1.15, 1);
    expect(responseSketch({ hz, db: [-4, 0, 0, 0, 2] }, 300, 56)!.spanDb).toBe(4.6);
    // −4 dB of a ±4.6 dB scale sits 4/4.6 of the way from the middle (28) to 4 px above the bottom.
    expect(responseSketch({ hz, db: [-4, 0, 0, 0, 2] }, 300, 56)!.points.split(' ')[0]).toBe(`0.0,${(28 + (4 / 4.6) * 24).toFixed(2)}`);
  });

  it('draws nothing from fewer than two points or mismatched arrays', () => {
    expect(responseSketch({ hz: [1000], db: [0] }, 300, 56)).toBeNull();
    expect(responseSketch({ hz, db: [0, 0] }, 300, 56)).toBeNull();
  });
});
