/**
 * headroom/setup@3 (= @2 + the gear fields: source/amp noise, ground returns) and
 * headroom/report@3 (the listeners' gear figures): exact messages, older files and reports unchanged.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import { buildReport, type ReportV3 } from '../../src/model/report.ts';
import { reportV3 } from '../support/report-schemas.ts';
import { parseSetup, withSetupFormat, type Setup } from '../../src/model/setup.ts';
import { amp, resistiveHeadphone, setup, source } from '../support/setups.ts';

const errorsOf = (input: unknown): string[] => {
  const result = parseSetup(input);
  return result.ok ? [] : result.errors;
};
const v3 = (overrides: Partial<Setup>): Setup => setup({ format: 'headroom/setup@3', ...overrides });
const noise = { uVrms: 3, weighting: 'A' } as const;

describe('headroom/setup@3: @2 plus noise and ground returns', () => {
  it('accepts noise (µV or dynamic range, A or unweighted) and ground resistances on source, amp, splitter and headphones', () => {
    const s = v3({
      source: source({ noise, groundResistanceOhms: 0.05 }),
      amp: amp({ noise: { dynamicRangeDb: 118, weighting: 'unweighted' }, groundResistanceOhms: 0.02 }),
      splitter: { cableResistanceOhms: 0.1, groundResistanceOhms: 0.1 },
      headphones: [{ ...resistiveHeadphone(32), groundResistanceOhms: 0.1 }],
    });
    expect(parseSetup(s)).toEqual({ ok: true, value: s });
  });

  it('every @1 setup still parses unchanged', () => {
    for (const preset of presets) expect(parseSetup(preset.setup)).toEqual({ ok: true, value: preset.setup });
  });

  it('a gear field in an @1 or @2 file names the field and the format it needs, even when null', () => {
    expect(errorsOf(setup({ source: source({ noise }) }))).toEqual([
      'source.noise needs format "headroom/setup@3" (got "headroom/setup@1"); older readers reject unknown fields',
    ]);
    expect(errorsOf({ ...setup({ headphones: [{ ...resistiveHeadphone(32), groundResistanceOhms: null }] }), format: 'headroom/setup@2' })).toEqual([
      'headphones[0].groundResistanceOhms needs format "headroom/setup@3" (got "headroom/setup@2"); older readers reject unknown fields',
    ]);
  });

  it('noise needs exactly one figure, in its range, and a weighting', () => {
    expect(errorsOf(v3({ source: source({ noise: { uVrms: 3, dynamicRangeDb: 100, weighting: 'A' } }) }))).toEqual(['source.noise needs exactly one of uVrms or dynamicRangeDb (got {"uVrms":3,"dynamicRangeDb":100,"weighting":"A"})']);
    expect(errorsOf(v3({ source: source({ noise: { weighting: 'A' } as never }) }))).toEqual(['source.noise needs exactly one of uVrms or dynamicRangeDb (got {"weighting":"A"})']);
    expect(errorsOf(v3({ amp: amp({ noise: { uVrms: -1, weighting: 'A' } }) }))).toEqual(['amp.noise.uVrms must be > 0 (got -1)']);
    expect(errorsOf(v3({ source: source({ noise: { dynamicRangeDb: 250, weighting: 'A' } }) }))).toEqual(['source.noise.dynamicRangeDb must be <= 200 (got 250)']);
    expect(errorsOf(v3({ source: source({ noise: { dynamicRangeDb: 10, weighting: 'A' } }) }))).toEqual(['source.noise.dynamicRangeDb must be >= 20 (got 10)']);
    expect(errorsOf(v3({ source: source({ noise: { uVrms: 3, weighting: 'C' } as never }) }))).toEqual(['source.noise.weighting must be one of "A", "unweighted" (got "C")']);
    expect(errorsOf(v3({ splitter: { cableResistanceOhms: 0.1, groundResistanceOhms: -0.1 } }))).toEqual(['splitter.groundResistanceOhms must be >= 0 (got -0.1)']);
  });

  it('writers stamp the oldest format that holds the setup: @3 with a gear figure, else @2 or @1, dropping null gear fields', () => {
    const gear = v3({ source: source({ groundResistanceOhms: 0.1 }) });
    expect(withSetupFormat(gear)).toBe(gear);
    expect(withSetupFormat({ ...gear, format: 'headroom/setup@1' }).format).toBe('headroom/setup@3');
    const nulls = v3({ source: source({ noise: null, groundResistanceOhms: null }), headphones: [{ ...resistiveHeadphone(32), groundResistanceOhms: null }] });
    const stamped = withSetupFormat(nulls);
    expect(stamped).toEqual(setup());
    expect(parseSetup(stamped).ok).toBe(true);
    const plain = setup();
    expect(withSetupFormat(plain)).toBe(plain);
  });
});

describe('headroom/report@3', () => {
  it('a setup with gear figures gets @3: every field present, finite or null, and it survives JSON unchanged', () => {
    const s = v3({
      source: source({ outputImpedanceOhms: 2, noise, groundResistanceOhms: 0.05 }),
      splitter: { cableResistanceOhms: 0.1, groundResistanceOhms: 0.1 },
      headphones: [{ ...resistiveHeadphone(16), groundResistanceOhms: 0.1 }, resistiveHeadphone(300)],
    });
    const report = buildReport(s);
    expect(reportV3.safeParse(report).success).toBe(true);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    const [first, second] = (report as ReportV3).headphones;
    expect(first!.crosstalkDb).toBeLessThan(0);
    expect(second!.crosstalkDb).toBeLessThan(0);
    expect(first!.hissDbSplA).not.toBeNull();
    expect(first!.impedanceFitErrorDb).toBeNull();
  });

  it('a setup without any gear figure has every gear figure null (its advice and levels are all @1 had)', () => {
    const gearFields = ['impedanceFitErrorDb', 'hissDbSplA', 'hissAudible', 'hissAboveThresholdDb', 'crosstalkDb', 'sharedReturnLossDb', 'crosstalk'] as const;
    for (const preset of presets.filter((p) => p.setup.format !== 'headroom/setup@3' && p.setup.headphones.every((h) => h.impedance.curve == null))) {
      for (const listener of buildReport(preset.setup).headphones) for (const field of gearFields) expect(listener[field], `${preset.id} ${field}`).toBeNull();
    }
    const plain = buildReport(v3({ source: source({ noise: null, groundResistanceOhms: 0 }) })).headphones[0]!;
    for (const field of gearFields) expect(plain[field]).toBeNull();
  });

  it('a zero ground resistance leaks nothing: crosstalk is null, not −Infinity', () => {
    const report = buildReport(v3({ source: source({ noise }), headphones: [{ ...resistiveHeadphone(32), groundResistanceOhms: 0 }] })) as ReportV3;
    expect(report.headphones[0]!.crosstalkDb).toBeNull();
    expect(report.headphones[0]!.crosstalk).toBeNull();
  });
});
