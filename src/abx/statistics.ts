/**
 * The statistics of a blind ABX run, pure functions of (correct, n).
 *
 * - p-value: one-sided exact binomial, P(K ≥ k | n, ½): the chance that a listener who only
 *   guesses gets k or more of n trials right. Summed exactly over integers (BigInt), then
 *   divided by 2ⁿ, so it is exact to the last bit of a double for every n ≤ 100.
 * - d′: sensitivity of an unbiased observer in the ABX task under the **independent-observation
 *   model** (Macmillan & Creelman, *Detection Theory: A User's Guide*, 2nd ed. 2005, ch. 9,
 *   "ABX" — the model for a fixed pair of stimuli, which is what an ABX of two setups on
 *   the same material is; also Hautus & Meng 2002, Perception & Psychophysics 64:89–106):
 *
 *       p(c) = Φ(d′/√2)·Φ(d′/2) + Φ(−d′/√2)·Φ(−d′/2)
 *
 *   d′ is found by bisection on that function (it rises monotonically from ½ at d′ = 0 to 1).
 *   Proportions of 0 and 1 would give d′ = ∓∞, so they are replaced by 1/(2N) and 1 − 1/(2N)
 *   (the usual correction, Macmillan & Creelman ch. 1). Below chance (p(c) < ½) the function
 *   has no solution; d′ is then reported with a minus sign, −d′(1 − p(c)), so that d′ rises
 *   monotonically with the score everywhere and a negative value reads as "systematically
 *   swapped", not as hearing less than nothing. See docs/abx.md.
 */

/** Binomial coefficients C(n, i), i = 0…n, exactly. */
function binomialRow(n: number): bigint[] {
  const row: bigint[] = [1n];
  for (let i = 1; i <= n; i++) row.push((row[i - 1]! * BigInt(n - i + 1)) / BigInt(i));
  return row;
}

function checkCounts(correct: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1 (got ${n})`);
  if (!Number.isInteger(correct) || correct < 0 || correct > n) {
    throw new RangeError(`correct must be a whole number from 0 to n = ${n} (got ${correct})`);
  }
}

/** One-sided exact binomial p-value P(K ≥ correct | n, ½). */
export function binomialPValue(correct: number, n: number): number {
  checkCounts(correct, n);
  const row = binomialRow(n);
  let tail = 0n;
  for (let i = correct; i <= n; i++) tail += row[i]!;
  // Both numbers are exact integers; one rounding when the quotient is taken.
  return Number(tail) / 2 ** n;
}

/**
 * Complementary error function, Chebyshev fit from Numerical Recipes (3rd ed., §6.2, erfcc):
 * fractional error below 1.2e-7 everywhere, far below what a d′ shown to two decimals needs.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Proportion correct of an unbiased ABX observer with sensitivity d′ (independent-observation model). */
export function abxProportionCorrect(dPrime: number): number {
  const a = normalCdf(dPrime / Math.SQRT2);
  const b = normalCdf(dPrime / 2);
  return a * b + (1 - a) * (1 - b);
}

/** Largest d′ the bisection searches; p(c) there is 1 − 2e-7, beyond any 1 − 1/(2·100). */
const D_PRIME_MAX = 10;

/** d′ from a proportion correct in [0, 1] (already corrected away from 0 and 1), by bisection. */
export function abxDPrimeFromProportion(proportion: number): number {
  if (!(proportion >= 0 && proportion <= 1)) throw new RangeError(`proportion must be from 0 to 1 (got ${proportion})`);
  if (proportion < 0.5) return -abxDPrimeFromProportion(1 - proportion);
  if (proportion === 0.5) return 0;
  let lo = 0;
  let hi = D_PRIME_MAX;
  if (abxProportionCorrect(hi) <= proportion) return hi;
  // 60 halvings of [0, 10] leave an interval below 1e-17: the double's own resolution.
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (abxProportionCorrect(mid) < proportion) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** d′ of a run: correct of n, with 0 and n replaced by ½ and n − ½ (the 1/(2N) correction). */
export function abxDPrime(correct: number, n: number): number {
  checkCounts(correct, n);
  const clipped = Math.min(Math.max(correct, 0.5), n - 0.5);
  return abxDPrimeFromProportion(clipped / n);
}
