import { describe, expect, it } from 'vitest';
import { formatPercent, formatPValue } from '../../src/text/abx-format.ts';

describe("the blind test's result in words", () => {
  it('writes a p-value to three decimals, and below 0.001 in scientific notation with superscript digits', () => {
    // 12 of 16 by guessing: P(X ≥ 12) = 2517 / 65536 = 0.0384.
    expect(formatPValue(2517 / 65536)).toBe('0.038');
    expect(formatPValue(1)).toBe('1.000');
    // 16 of 16: 1 / 65536 = 1.53e-5.
    expect(formatPValue(1 / 65536)).toBe('1.5 × 10⁻⁵');
  });

  it('writes the chance as a percent: one decimal from 1 % up, two significant figures below', () => {
    expect(formatPercent(2517 / 65536)).toBe('3.8\u202f%');
    expect(formatPercent(1 / 65536)).toBe('0.0015\u202f%');
  });
});
