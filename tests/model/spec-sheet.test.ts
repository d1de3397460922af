import { describe, expect, it } from 'vitest';
import { solveSpecSheet, type SpecSheetFit } from '../../src/model/spec-sheet.ts';

const fit = (ratings: unknown): SpecSheetFit => {
  const result = solveSpecSheet(ratings);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value;
};

// Ratings generated here from known figures; the solver must recover them to rounding.
const EXACT = 9;
const railLimited = (vrms: number, zoOhms: number, loadOhms: number) => ({
  loadOhms,
  powerMw: (((vrms * loadOhms) / (loadOhms + zoOhms)) ** 2 / loadOhms) * 1000,
});

describe('the spec-sheet solver', () => {
  it('recovers rail and output impedance from ratings that only the rail limits', () => {
    const result = fit([16, 32, 300, 600].map((r) => railLimited(5, 2, r)));
    expect(result.maxOutputVrms).toBeCloseTo(5, EXACT);
    expect(result.outputImpedanceOhms).toBeCloseTo(2, EXACT);
    expect(result.maxOutputCurrentMa).toBeNull();
    expect(result.ratings.every((r) => r.limitedBy === 'rail')).toBe(true);
    expect(result.rmsErrorDb).toBeLessThan(1e-9);
  });

  it('finds the current limit at low loads and the rail at high loads, and says which limits where', () => {
    // 200 mA peak limit (141.4 mA rms), 6 V rail, 0 Ω: 16 Ω is current-limited (2.26 V < 6 V).
    const ratings = [
      { loadOhms: 16, powerMw: (0.2 / Math.SQRT2) ** 2 * 16 * 1000 },
      railLimited(6, 0, 300),
      railLimited(6, 0, 600),
    ];
    const result = fit(ratings);
    expect(result.ratings.map((r) => r.limitedBy)).toEqual(['current', 'rail', 'rail']);
    expect(result.maxOutputCurrentMa).toBeCloseTo(200, EXACT);
    expect(result.maxOutputVrms).toBeCloseTo(6, EXACT);
    expect(result.outputImpedanceOhms).toBeCloseTo(0, EXACT);
  });

  it('reads "220 mW into 16 Ω, 120 mW into 32 Ω" both ways, preferring the current limit over an output impedance', () => {
    const result = fit([{ powerMw: 220, loadOhms: 16 }, { powerMw: 120, loadOhms: 32 }]);
    const v16 = Math.sqrt(0.22 * 16);
    const v32 = Math.sqrt(0.12 * 32);
    // Both readings reproduce the two ratings exactly; the tie goes to the smaller Zo.
    expect(result.ratings.map((r) => r.limitedBy)).toEqual(['current', 'rail']);
    expect(result.maxOutputCurrentMa).toBeCloseTo(((Math.SQRT2 * v16) / 16) * 1000, EXACT);
    expect(result.maxOutputVrms).toBeCloseTo(v32, EXACT);
    expect(result.outputImpedanceFitted).toBe(false);
    // The other reading, rail only: Zo and E from the divider V = E·R/(R + Zo) at both loads.
    const zo = (v32 - v16) / (v16 / 16 - v32 / 32);
    const alternative = result.alternatives[0]!;
    expect(alternative.ratings.map((r) => r.limitedBy)).toEqual(['rail', 'rail']);
    expect(alternative.outputImpedanceOhms).toBeCloseTo(zo, EXACT);
    expect(alternative.maxOutputVrms).toBeCloseTo((v32 * (32 + zo)) / 32, EXACT);
  });

  it('reads the JDS Labs O2 (613 mW/32 Ω, 88 mW/600 Ω) as current-limited into 32 Ω with a 7.27 V rail', () => {
    // JDS Labs, "PSA: Element is Not an O2". An all-rail reading would claim Zo = 22.5 Ω; 0.54 Ω is published.
    const result = fit([{ powerMw: 613, loadOhms: 32 }, { powerMw: 88, loadOhms: 600 }]);
    expect(result.ratings.map((r) => r.limitedBy)).toEqual(['current', 'rail']);
    expect(result.maxOutputVrms).toBeCloseTo(Math.sqrt(0.088 * 600), EXACT);
    expect(result.maxOutputCurrentMa).toBeCloseTo(Math.SQRT2 * Math.sqrt(0.613 / 32) * 1000, EXACT);
    expect(result.outputImpedanceOhms).toBe(0);
  });

  it('never reads two ratings that need different currents as both current-limited', () => {
    // 117 mA and 61 mA rms cannot both be the same limit; with one common rail the 32 Ω rating would exceed it.
    const result = fit([{ powerMw: 220, loadOhms: 16 }, { powerMw: 120, loadOhms: 32 }]);
    const allCurrent = [result, ...result.alternatives].find((r) => r.ratings.every((x) => x.limitedBy === 'current'));
    expect(allCurrent).toBeUndefined();
  });

  it('warns when ratings follow neither limit, as with the Schiit Magni 2 whose supply sags into low loads', () => {
    // Schiit's published ratings (head-fi.org "Schiit Magni 2" showcase).
    const result = fit([
      { powerMw: 1800, loadOhms: 16 }, { powerMw: 1200, loadOhms: 32 }, { powerMw: 1000, loadOhms: 50 },
      { powerMw: 260, loadOhms: 300 }, { powerMw: 130, loadOhms: 600 },
    ]);
    expect(result.rmsErrorDb).toBeGreaterThan(0.1);
    expect(result.warning).toMatch(/neither a fixed rail nor a fixed current limit/);
  });

  it('rejects bad ratings with the field and the allowed range', () => {
    expect(solveSpecSheet([{ powerMw: 100, loadOhms: -16 }, { powerMw: 50, loadOhms: 32 }])).toEqual({
      ok: false,
      errors: ['ratings[0].loadOhms must be > 0 (got -16)'],
    });
    expect(solveSpecSheet([{ powerMw: 100, loadOhms: 16 }])).toEqual({ ok: false, errors: ['ratings needs at least 2 power ratings (got 1)'] });
    expect(solveSpecSheet([{ powerMw: 100, loadOhms: 16 }, { powerMw: 90, loadOhms: 16 }])).toEqual({
      ok: false,
      errors: ['ratings must name each load once (16 Ω appears twice)'],
    });
  });
});
