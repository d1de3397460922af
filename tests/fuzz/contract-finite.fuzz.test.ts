/**
 * Over the whole setup contract (every field, drawn over its physical range with the edges;
 * tests/support/setup-arbitrary.ts): every setup the schema accepts gives a report of finite
 * numbers only, and renders finite audio through the real processors in bounded time (the
 * CLI's direct host, a short stretch of full-scale noise, so every clipper runs). Before the
 * ranges, 5e-324 Ω gave NaN and 1e-300 Ω a 3230 dB SPL report, silence and meters at 3180 dBFS.
 *
 * Replay a failure with FUZZ_SEED (and FUZZ_PATH) as tests/fuzz/fuzz-parameters.ts says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.ts';
import { buildReport } from '../../src/model/report.ts';
import { parseSetup } from '../../src/model/setup.ts';
import { mulberry32 } from '../../src/math/random.ts';
import { renderArrays } from '../support/render-arrays.ts';
import { contractSetup } from '../support/setup-arbitrary.ts';
import { fuzzParameters } from './fuzz-parameters.ts';

/** A report of 8 listeners with 2000-point curves takes about 30 ms here; 2 s allows a loaded machine. */
const PER_SETUP_MS = 2000;
/**
 * A render of 50 ms designs the chain's filters (the costly part, up to about 0.3 s for eight
 * different network headphones here) and runs 20-odd blocks; 10 s is a hang guard for a loaded machine.
 */
const PER_RENDER_MS = 10_000;
const RATES = [8000, 44_100, 48_000, 96_000, 384_000];

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

  it('every setup the schema accepts renders finite audio through the real processors, in bounded time', async () => {
    // A measured curve has no exact filter yet: compile refuses it by name (tests/model/compile.test.ts),
    // so the renders draw setups whose headphones all have a nominal value or a network to play.
    const playable = contractSetup.filter((setup) => setup.headphones.every((h) => h.impedance.network != null || h.impedance.curve == null));
    await fc.assert(
      fc.asyncProperty(playable, fc.constantFrom(...RATES), fc.integer(), async (setup, rate, seed) => {
        const plan = compile(setup, rate);
        const random = mulberry32(seed);
        const noise = Float32Array.from({ length: Math.round(0.05 * rate) }, () => 2 * random() - 1);
        const started = performance.now();
        const rendered = await renderArrays(plan, [noise], 'direct');
        expect(performance.now() - started).toBeLessThan(PER_RENDER_MS);
        for (const channels of rendered.listeners) for (const channel of channels) expect(channel.every(Number.isFinite)).toBe(true);
        expect(rendered.clipCounts.every(Number.isFinite)).toBe(true);
      }),
      fuzzParameters(80),
    );
  }, 600_000);
});
