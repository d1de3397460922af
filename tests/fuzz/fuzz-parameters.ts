/**
 * fast-check parameters for the fuzz files. fast-check draws a fresh seed each run and
 * prints `{ seed, path }` with a failing, shrunk counterexample; set FUZZ_SEED (and
 * FUZZ_PATH) to replay exactly that case.
 */
import type fc from 'fast-check';

export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  const path = process.env.FUZZ_PATH;
  return { numRuns, ...(seed ? { seed: Number(seed) } : {}), ...(path ? { path } : {}) };
}
