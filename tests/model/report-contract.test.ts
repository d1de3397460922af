import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { presets } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';

// headroom/report@1 as DESIGN.md states it, written independently of the model's types:
// strict objects, so a renamed, missing or extra field fails.
const finite = z.number().refine(Number.isFinite);
const reportV1 = z.strictObject({
  format: z.literal('headroom/report@1'),
  headphones: z.array(
    z.strictObject({
      name: z.string(),
      loadVoltageVrms: finite.refine((v) => v > 0),
      powerMw: finite.refine((v) => v > 0),
      splDb: finite,
      levelChangeDb: finite,
      maxCleanSplDb: finite,
      responseDeviationDb: z.strictObject({ min: finite, max: finite, minHz: finite, maxHz: finite }),
      response: z.strictObject({ hz: z.array(finite).length(301), db: z.array(finite).length(301) }),
    }),
  ).min(1).max(8),
  clipping: z.strictObject({
    limitedBy: z.enum(['rail', 'current', 'none']),
    stage: z.enum(['source', 'amp']).nullable(),
    atSignalDbfs: finite.refine((v) => v <= 0),
  }),
});

describe('headroom/report@1', () => {
  it('every preset\u2019s report has exactly the contract\u2019s fields, all finite, and survives JSON unchanged', () => {
    // Presets whose parts state noise are headroom/setup@3 and get @3 reports (gear-contract.test.ts).
    for (const preset of presets.filter((p) => p.setup.format === 'headroom/setup@1')) {
      const report = buildReport(preset.setup);
      expect(reportV1.safeParse(report).success).toBe(true);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    }
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
