/**
 * ABX statistics: the p-value against the binomial sum written out here (not the module's
 * BigInt code), d′ against published values of the independent-observation model.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { abxDPrime, abxDPrimeFromProportion, abxProportionCorrect, binomialPValue, normalCdf } from '../../src/abx/statistics.ts';

/** P(K ≥ k | n, ½) by the textbook sum, with C(n, i) built by Pascal's rule in doubles. */
function referencePValue(k: number, n: number): number {
  let row = [1];
  for (let m = 1; m <= n; m++) row = Array.from({ length: m + 1 }, (_, i) => (row[i - 1] ?? 0) + (row[i] ?? 0));
  let sum = 0;
  for (let i = k; i <= n; i++) sum += row[i]!;
  return sum / 2 ** n;
}

describe('one-sided exact binomial p-value', () => {
  it('12 of 16 correct gives p = 2517/65536 = 0.0384', () => {
    expect(referencePValue(12, 16)).toBeCloseTo(0.0384, 4);
    expect(binomialPValue(12, 16)).toBe(referencePValue(12, 16));
    expect(binomialPValue(12, 16)).toBe(2517 / 65536);
  });

  it('16 of 16 gives 1/65536 = 1.53e-5, 0 of 16 gives 1, 8 of 16 gives 0.598', () => {
    expect(binomialPValue(16, 16)).toBeCloseTo(1.53e-5, 7);
    expect(binomialPValue(16, 16)).toBe(referencePValue(16, 16));
    expect(binomialPValue(0, 16)).toBe(1);
    expect(binomialPValue(8, 16)).toBeCloseTo(referencePValue(8, 16), 15);
  });

  it('equals the binomial sum for every k of every n from 5 to 100 (relative error < 1e-12)', () => {
    for (let n = 5; n <= 100; n++) {
      for (let k = 0; k <= n; k++) {
        const ref = referencePValue(k, n);
        expect(Math.abs(binomialPValue(k, n) - ref) / ref).toBeLessThan(1e-12);
      }
    }
  });

  it('refuses counts that cannot be', () => {
    expect(() => binomialPValue(17, 16)).toThrow(/correct must be .* 0 to n = 16/);
    expect(() => binomialPValue(-1, 16)).toThrow(RangeError);
    expect(() => binomialPValue(3.5, 16)).toThrow(RangeError);
  });
});

describe('d′ of the ABX independent-observation model', () => {
  it('Φ matches known values to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 7);
    expect(normalCdf(-1.959963985)).toBeCloseTo(0.025, 7);
    expect(normalCdf(3)).toBeCloseTo(0.9986501020, 7);
  });

  it('p(c) of d′ = 0…5 matches Palamedes PAL_SDT_2AFCmatchSample_IndMod_DPtoPC (0.5, 0.5997, 0.7877, 0.9185, 0.9750, 0.9936)', () => {
    const published = [0.5, 0.5997, 0.7877, 0.9185, 0.975, 0.9936];
    published.forEach((pc, d) => expect(abxProportionCorrect(d)).toBeCloseTo(pc, 4));
  });

  it('is 0 at 50 % correct', () => {
    expect(abxDPrime(8, 16)).toBe(0);
    expect(abxDPrimeFromProportion(0.5)).toBe(0);
  });

  it('inverts p(c): d′(p(c)(d)) = d for d from 0.1 to 6', () => {
    for (let d = 0.1; d <= 6; d += 0.1) expect(abxDPrimeFromProportion(abxProportionCorrect(d))).toBeCloseTo(d, 9);
  });

  it('rises strictly with the score for every n, including the 1/(2N)-corrected 0 % and 100 %', () => {
    for (const n of [5, 16, 50, 100]) {
      const ds = Array.from({ length: n + 1 }, (_, k) => abxDPrime(k, n));
      for (let k = 1; k <= n; k++) expect(ds[k]!).toBeGreaterThan(ds[k - 1]!);
      expect(Number.isFinite(ds[n]!)).toBe(true);
      // 100 % is scored as 1 − 1/(2N), 0 % as 1/(2N): finite, and mirror images.
      expect(ds[n]!).toBeCloseTo(abxDPrimeFromProportion(1 - 1 / (2 * n)), 12);
      expect(ds[0]!).toBeCloseTo(-ds[n]!, 12);
    }
  });

  it('16 of 16 (scored as 31/32) gives d′ = 3.82 and 12 of 16 gives 1.79', () => {
    // Bracketed by the published table above: p(c) 0.96875 lies between d′ = 3 (0.9185) and
    // 4 (0.9750), p(c) 0.75 between d′ = 1 (0.5997) and 2 (0.7877).
    expect(abxDPrime(16, 16)).toBeCloseTo(3.822, 3);
    expect(abxDPrime(12, 16)).toBeCloseTo(1.790, 3);
    expect(abxProportionCorrect(abxDPrime(16, 16))).toBeCloseTo(31 / 32, 12);
  });

  it('any score gives 0 ≤ p ≤ 1 and a finite d′ (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 100 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))), ([n, k]) => {
        const p = binomialPValue(k, n);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(Number.isFinite(abxDPrime(k, n))).toBe(true);
      }),
    );
  });
});

describe('why N is fixed (docs/abx.md)', () => {
  /**
   * Chance that a pure guesser, checking p after every trial from the 5th and stopping at the
   * first p < 0.05, ever "passes" within maxN trials: exact, over the distribution of the
   * running count of right answers among runs not yet stopped.
   */
  function optionalStoppingFalsePositiveRate(maxN: number): number {
    let running = new Map<number, number>([[0, 1]]);
    let passed = 0;
    for (let n = 1; n <= maxN; n++) {
      const next = new Map<number, number>();
      for (const [k, p] of running) for (const k2 of [k, k + 1]) next.set(k2, (next.get(k2) ?? 0) + p / 2);
      running = next;
      if (n < 5) continue;
      for (const [k, p] of [...running]) {
        if (referencePValue(k, n) < 0.05) {
          passed += p;
          running.delete(k);
        }
      }
    }
    return passed;
  }

  it('a fixed N of 16 passes a guesser 3.8 % of the time; peeking after every trial passes 8.8 % (≤ 16), 12.9 % (≤ 30), 20.2 % (≤ 100)', () => {
    expect(binomialPValue(12, 16)).toBeLessThan(0.05);
    expect(binomialPValue(11, 16)).toBeGreaterThan(0.05);
    expect(optionalStoppingFalsePositiveRate(16)).toBeCloseTo(0.0876, 4);
    expect(optionalStoppingFalsePositiveRate(30)).toBeCloseTo(0.1295, 4);
    expect(optionalStoppingFalsePositiveRate(100)).toBeCloseTo(0.2021, 4);
  });
});
