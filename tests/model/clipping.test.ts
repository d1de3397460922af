import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/model/report.ts';
import { amp, db, resistiveHeadphone, setup, source } from '../support/setups.ts';

const EXACT = 9;

describe('clipping', () => {
  it('a source never clips on its own rail: its EMF cannot exceed maxOutputVrms at ≤ 0 dBFS', () => {
    expect(buildReport(setup()).clipping).toEqual({ limitedBy: 'none', stage: null, atSignalDbfs: 0 });
  });

  it('an amp rail is reached where EMF_in · gain = maxOutputVrms: 1 V, +12 dB, 2 V rail clips at 20·log10(2/3.981) dBFS', () => {
    const s = setup({ amp: amp({ gainDb: 12, maxOutputVrms: 2, inputImpedanceOhms: 1e9 }), headphones: [resistiveHeadphone(300)] });
    const { clipping } = buildReport(s);
    expect(clipping.limitedBy).toBe('rail');
    expect(clipping.stage).toBe('amp');
    expect(clipping.atSignalDbfs).toBeCloseTo(db(2 / (10 ** (12 / 20) * (1e9 / (1e9 + 0)))), EXACT);
  });

  it('a current limit is reached where √2·EMF/|Zo + Z| = Imax: 40 mA peak into 16 Ω from 1 V clips at −6.89 dBFS', () => {
    const s = setup({ source: source({ maxOutputCurrentMa: 40 }), headphones: [resistiveHeadphone(16)] });
    const { clipping } = buildReport(s);
    expect(clipping).toEqual({ limitedBy: 'current', stage: 'source', atSignalDbfs: expect.any(Number) });
    expect(clipping.atSignalDbfs).toBeCloseTo(db(0.04 / (Math.SQRT2 / 16)), EXACT);
  });

  it('the first limit reached wins: a low-impedance load hits the current limit before a high one hits the rail', () => {
    const limited = amp({ maxOutputVrms: 0.8, maxOutputCurrentMa: 50 });
    const low = buildReport(setup({ amp: limited, headphones: [resistiveHeadphone(16)] })).clipping;
    const high = buildReport(setup({ amp: limited, headphones: [resistiveHeadphone(300)] })).clipping;
    expect(low.limitedBy).toBe('current');
    expect(high.limitedBy).toBe('rail');
    expect(high.atSignalDbfs).toBeCloseTo(db(0.8 / (10_000 / 10_000)), EXACT);
  });

  it('max clean SPL is the SPL at the first limit: 12 dB below full scale gives SPL + (limit − signal)', () => {
    const s = setup({ signal: { levelDbfs: -20 }, amp: amp({ gainDb: 12, maxOutputVrms: 1 }) });
    const h = buildReport(s).headphones[0]!;
    const limitDbfs = db(1 / 10 ** (12 / 20) / (10_000 / 10_000));
    expect(h.maxCleanSplDb).toBeCloseTo(h.splDb + (limitDbfs - -20), EXACT);
  });

  it('without any limit below 0 dBFS, max clean SPL is the SPL of a full-scale sine', () => {
    const h = buildReport(setup({ signal: { levelDbfs: -10 } })).headphones[0]!;
    expect(h.maxCleanSplDb).toBeCloseTo(h.splDb + 10, EXACT);
  });

  it('on independent outputs one jack reaching its current limit does not limit the other listeners', () => {
    const multi = amp({ outputs: 'independent', maxOutputCurrentMa: 60, maxOutputVrms: 5 });
    const s = setup({ amp: multi, headphones: [resistiveHeadphone(16), resistiveHeadphone(300)] });
    const report = buildReport(s);
    const sixteenLimit = db(0.06 / (Math.SQRT2 / 16));
    expect(report.clipping.limitedBy).toBe('current');
    expect(report.clipping.atSignalDbfs).toBeCloseTo(sixteenLimit, EXACT);
    // The 300 Ω listener clips only at the rail (5 V ≫ 1 V at 0 dBFS, so beyond full scale).
    expect(report.headphones[0]!.maxCleanSplDb).toBeCloseTo(report.headphones[0]!.splDb + sixteenLimit, EXACT);
    expect(report.headphones[1]!.maxCleanSplDb).toBeCloseTo(report.headphones[1]!.splDb, EXACT);
  });

  it('on a shared output the total current of every branch counts against the limit', () => {
    // 20 mA peak is below the 44 mA that 1 V drives into 32 Ω, so both cases clip below 0 dBFS.
    const shared = amp({ maxOutputCurrentMa: 20 });
    const one = buildReport(setup({ amp: shared, headphones: [resistiveHeadphone(32)] })).clipping;
    const two = buildReport(setup({ amp: shared, headphones: [resistiveHeadphone(32), resistiveHeadphone(32)] })).clipping;
    expect(two.atSignalDbfs - one.atSignalDbfs).toBeCloseTo(db(0.5), EXACT);
  });
});
