/**
 * Over the whole setup contract (every field, drawn over its physical range with the edges;
 * tests/support/setup-arbitrary.ts): every setup the schema accepts gives a report of finite
 * numbers only. Before the ranges, 5e-324 Ω gave NaN and 1e-300 Ω a 3230 dB SPL report.
 *
 * Replay a failure with FUZZ_SEED (and FUZZ_PATH) as tests/fuzz/fuzz-parameters.ts says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/model/report.ts';
import { parseSetup } from '../../src/model/setup.ts';
import { contractSetup } from '../support/setup-arbitrary.ts';
import { fuzzParameters } from './fuzz-parameters.ts';

/** A report of 8 listeners with 2000-point curves takes about 30 ms here; 2 s allows a loaded machine. */
const PER_SETUP_MS = 2000;

/** The path of the first number that is not finite, or null. */
function nonFinitePath(value: unknown, path = 'report'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, field] of Object.entries(value)) {
    const found = nonFinitePath(field, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

describe('the contract keeps every figure finite', () => {
  it('every drawn setup is one the schema accepts (so the property below covers real setups)', () => {
    fc.assert(
      fc.property(contractSetup, (setup) => {
        const parsed = parseSetup(setup);
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      }),
      fuzzParameters(300),
    );
  });

  it('every setup the schema accepts reports only finite numbers, in bounded time', () => {
    fc.assert(
      fc.property(contractSetup, (setup) => {
        const started = performance.now();
        const report = buildReport(setup);
        expect(performance.now() - started).toBeLessThan(PER_SETUP_MS);
        expect(nonFinitePath(report)).toBeNull();
      }),
      fuzzParameters(500),
    );
  }, 300_000);
});
