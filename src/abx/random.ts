/**
 * Random sources for the ABX hidden X. A random source has the shape of
 * `crypto.getRandomValues` on a Uint32Array, so the default is the platform's cryptographic
 * generator (no listener can predict it) and tests inject a seeded one.
 */
import { mulberry32Uint } from '../math/random.ts';

export type RandomSource = (values: Uint32Array<ArrayBuffer>) => Uint32Array;

/** The platform's cryptographic generator (Web Crypto, also global in Node ≥ 19). */
export const cryptoRandom: RandomSource = (values) => {
  globalThis.crypto.getRandomValues(values);
  return values;
};

/**
 * A seeded, reproducible source (mulberry32, src/math/random.ts): for tests and for replaying
 * a run, never for a real blind test, because a seed predicts every X.
 */
export function seededRandom(seed: number): RandomSource {
  const next = mulberry32Uint(seed);
  return (values) => {
    for (let i = 0; i < values.length; i++) values[i] = next();
    return values;
  };
}
