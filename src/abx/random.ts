/**
 * Random sources for the ABX hidden X. A random source has the shape of
 * `crypto.getRandomValues` on a Uint32Array, so the default is the platform's cryptographic
 * generator (no listener can predict it) and tests inject a seeded one.
 */

export type RandomSource = (values: Uint32Array<ArrayBuffer>) => Uint32Array;

/** The platform's cryptographic generator (Web Crypto, also global in Node ≥ 19). */
export const cryptoRandom: RandomSource = (values) => {
  globalThis.crypto.getRandomValues(values);
  return values;
};

/**
 * A seeded, reproducible source (mulberry32, Tommy Ettinger's 32-bit generator): for tests
 * and for replaying a run, never for a real blind test, because a seed predicts every X.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return (values) => {
    for (let i = 0; i < values.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      values[i] = (t ^ (t >>> 14)) >>> 0;
    }
    return values;
  };
}
