import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../worklets/dsp/least-squares.ts';
import { mulberry32 } from '../../src/math/random.ts';

function randomMatrix(rows: number, columns: number, seed: number): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => 2 * random() - 1));
}

const times = (a: readonly (readonly number[])[], x: readonly number[]) => a.map((row) => row.reduce((sum, v, j) => sum + v * x[j]!, 0));

describe('least squares by Householder QR', () => {
  it('recovers the exact solution of a consistent overdetermined system to 1e-13', () => {
    const a = randomMatrix(40, 6, 1);
    const x = [1, -2, 0.5, 3, -0.25, 7];
    const solved = leastSquares(a, times(a, x))!;
    solved.forEach((value, j) => expect(Math.abs(value - x[j]!)).toBeLessThan(1e-13));
  });

  it('leaves a residual orthogonal to every column (the normal equations Aᵀ(b − Ax) = 0 hold)', () => {
    const a = randomMatrix(50, 5, 2);
    const random = mulberry32(3);
    const b = a.map(() => random());
    const x = leastSquares(a, b)!;
    const ax = times(a, x);
    const residual = b.map((v, i) => v - ax[i]!);
    for (let j = 0; j < 5; j++) {
      const dot = a.reduce((sum, row, i) => sum + row[j]! * residual[i]!, 0);
      expect(Math.abs(dot)).toBeLessThan(1e-13);
    }
  });

  it('stays accurate where the normal equations would not: columns 1, t, t² … t⁷ on [0, 1] (condition ≈ 1e9)', () => {
    const t = Array.from({ length: 200 }, (_, i) => i / 199);
    const a = t.map((v) => Array.from({ length: 8 }, (_, k) => v ** k));
    const x = [1, 1, 1, 1, 1, 1, 1, 1];
    const solved = leastSquares(a, times(a, x))!;
    // Squaring a condition number of ~1e9 would leave nothing of double precision; QR keeps ~1e-7.
    solved.forEach((value) => expect(Math.abs(value - 1)).toBeLessThan(1e-6));
  });

  it('returns null for a rank-deficient matrix (two equal columns)', () => {
    const a = randomMatrix(10, 3, 4).map((row) => [row[0]!, row[1]!, row[0]!]);
    expect(leastSquares(a, a.map(() => 1))).toBeNull();
  });

  it('refuses fewer rows than columns, naming the sizes', () => {
    expect(() => leastSquares([[1, 2]], [1])).toThrow('least squares needs m ≥ n ≥ 1 rows × columns and m right-hand values (got 1 × 2, 1)');
  });
});
