import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import { buildReport, reportInFormat } from '../../src/model/report.ts';
import { reportV1, reportV3 } from '../support/report-schemas.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';

describe('headroom/report@1 and @3', () => {
  it('every preset\u2019s report is exactly @3, written as @1 has exactly @1\u2019s fields, all finite, and both survive JSON unchanged', () => {
    for (const preset of presets) {
      const report = buildReport(preset.setup);
      expect(reportV3.safeParse(report).success, preset.id).toBe(true);
      const v1 = reportInFormat(report, 'headroom/report@1');
      expect(v1.ok && reportV1.safeParse(v1.value).success, preset.id).toBe(true);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    }
  });

  it('@2 is refused for a setup without an input section, naming the formats that hold it', () => {
    expect(reportInFormat(buildReport(setup()), 'headroom/report@2')).toEqual({
      ok: false,
      errors: ['headroom/report@2 is the report of a setup with an input section, and this setup has none: use headroom/report@1 or headroom/report@3'],
    });
  });

  it('"none" goes with stage null and 0 dBFS; a limit goes with its stage and a level below 0 dBFS', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 200, noNaN: true }), fc.double({ min: 8, max: 600, noNaN: true }), (currentMa, ohms) => {
        const { clipping } = buildReport(setup({ source: source({ maxOutputCurrentMa: currentMa }), headphones: [resistiveHeadphone(ohms)] }));
        if (clipping.limitedBy === 'none') expect(clipping).toEqual({ limitedBy: 'none', stage: null, atSignalDbfs: 0 });
        else {
          expect(clipping.stage).toBe('source');
          expect(clipping.atSignalDbfs).toBeLessThan(0);
        }
      }),
    );
  });

  it('the deviation\u2019s extremes are points of the response, and 1 kHz lies between them', () => {
    for (const preset of presets) {
      for (const h of buildReport(preset.setup).headphones) {
        const { min, max, minHz, maxHz } = h.responseDeviationDb;
        expect(h.response.db[h.response.hz.indexOf(minHz)]).toBe(min);
        expect(h.response.db[h.response.hz.indexOf(maxHz)]).toBe(max);
        // 1 kHz itself is not on the grid (the nearest point is 1002.3 Hz); no preset's
        // response moves 1e-3 dB over those 2.3 ‰, so min ≤ 0 ≤ max within that.
        expect(min).toBeLessThanOrEqual(1e-3);
        expect(max).toBeGreaterThanOrEqual(-1e-3);
      }
    }
  });
});
