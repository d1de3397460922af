/**
 * Every headphone of the catalog can be played: its plan compiles on a typical source at both
 * common rates and the numbers the processors get are finite, and its report is finite.
 * (tests/audio/catalog-render.test.ts renders a sample of them through the real processors.)
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/model/catalog/full.ts';
import { sources } from '../../src/model/catalog/sources.ts';
import { compile } from '../../src/model/compile.ts';
import { buildReport } from '../../src/model/report.ts';
import { SETUP_FORMAT, type Headphone, type Setup } from '../../src/model/setup.ts';

const RATES = [44_100, 48_000];
const phone = sources.find((entry) => entry.id === 'iphone-6-jack')!.part;

function onPhone(headphone: Headphone): Setup {
  return { format: SETUP_FORMAT, signal: { levelDbfs: -10 }, source: phone, amp: null, splitter: null, headphones: [headphone] };
}

/** Every number in a value, with its path, so a test can name the one that is not finite. */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => numbers(child, `${path}.${key}`));
}

const curves = catalog.headphones.filter((entry) => entry.part.impedance.curve != null);

describe('every catalog headphone plays', () => {
  it('covers the whole catalog: at least 150 headphones, one of them a measured curve', () => {
    expect(catalog.headphones.length).toBeGreaterThanOrEqual(150);
    expect(curves.length).toBeGreaterThanOrEqual(1);
  });

  it.each(RATES)('each headphone’s plan on an iPhone 6 jack at %i Hz compiles with finite numbers only (a measured curve as its rational fit)', (rate) => {
    for (const entry of catalog.headphones) {
      const plan = compile(onPhone(entry.part), rate);
      for (const [path, value] of numbers(plan)) expect(Number.isFinite(value), `${entry.id}${path}`).toBe(true);
      expect(plan.listeners).toHaveLength(1);
      expect(plan.listeners[0]!.outputGain, entry.id).toBeGreaterThan(0);
    }
  });

  it('each headphone’s report on an iPhone 6 jack is finite, with an SPL between 60 and 140 dB at −10 dBFS', () => {
    for (const entry of catalog.headphones) {
      const report = buildReport(onPhone(entry.part));
      for (const [path, value] of numbers(report)) expect(Number.isFinite(value), `${entry.id}${path}`).toBe(true);
      // 60–140 dB SPL: from the least sensitive planar to the most sensitive in-ear on a 1 V phone jack.
      expect(report.headphones[0]!.splDb, entry.id).toBeGreaterThan(60);
      expect(report.headphones[0]!.splDb, entry.id).toBeLessThan(140);
    }
  });
});
