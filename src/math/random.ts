/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): a small, fast, seeded PRNG for what must
 * replay exactly from its seed (deterministic noise material, a replayed ABX run, tests that
 * draw random setups and inputs). Not for anything that must be unpredictable.
 */

/** The sequence from `seed` as unsigned 32-bit integers. */
export function mulberry32Uint(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The same sequence as numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  const next = mulberry32Uint(seed);
  return () => next() / 4294967296;
}
