/**
 * headroom/setup@2 (= @1 + an optional input section) and headroom/report@2: exact messages,
 * @1 files and @1 reports unchanged, the examples and the input catalog.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INPUT_EXAMPLE_IDS, inputExampleJson } from '../../../scripts/write-examples.ts';
import { cables, inputExamples, micChannels, microphones, pickups } from '../../../src/model/catalog/index.ts';
import { presets } from '../../../src/model/catalog/presets.ts';
import { cableSchema, microphoneSchema, pickupSchema, type InputSetup } from '../../../src/model/input/contract.ts';
import type { ReportFormat } from '../../../src/model/report-contract.ts';
import { buildReport, reportInFormat, type AnyReport, type Report } from '../../../src/model/report.ts';
import { parseSetup, withSetupFormat, type Setup } from '../../../src/model/setup.ts';
import { setup } from '../../support/setups.ts';

const errorsOf = (input: unknown): string[] => {
  const result = parseSetup(input);
  return result.ok ? [] : result.errors;
};

const strat = { name: 'Strat', inductanceH: 2.4, resistanceOhms: 6500, capacitancePf: 100 };
const instrumentInput = (instrument: Record<string, unknown> = {}): InputSetup =>
  ({ sampleRateHz: 48_000, instrument: { pickup: strat, cable: { capacitancePfPerM: 100, lengthM: 3 }, inputType: 'hi-z', ...instrument } }) as InputSetup;
const v2 = (input: unknown): Setup => ({ ...setup(), format: 'headroom/setup@2', input }) as Setup;
const microphone = {
  name: 'SM58',
  type: 'dynamic',
  sensitivityMvPerPa: 1.85,
  impedanceOhms: 300,
  phantomPower: false,
  preamp: { gainDb: 50, einDbu: -128, einMeasurement: 'A-weighted', inputImpedanceOhms: 2000 },
  converter: { maxInputDbu: 18, bitDepth: 24, dither: true },
};
const latency = { bufferSamples: 128, inputBuffers: 1, outputBuffers: 1, converterLatency: { value: 40, unit: 'samples' }, monitoring: 'computer' };

describe('headroom/setup@2: @1 plus an optional input section', () => {
  it('every @1 setup still parses unchanged (every preset, the old test builder)', () => {
    expect(parseSetup(setup())).toEqual({ ok: true, value: setup() });
    for (const preset of presets) expect(parseSetup(preset.setup)).toEqual({ ok: true, value: preset.setup });
  });

  it('a @2 setup with an input section parses unchanged, and so does a @2 setup without one', () => {
    const full = v2({ sampleRateHz: 48_000, instrument: instrumentInput().instrument, microphone, latency });
    expect(parseSetup(full)).toEqual({ ok: true, value: full });
    const bare = { ...setup(), format: 'headroom/setup@2' };
    expect(parseSetup(bare)).toEqual({ ok: true, value: bare });
  });

  it('an input section in a file that says @1 is an error: @1 readers reject unknown fields', () => {
    expect(errorsOf({ ...setup(), input: instrumentInput() })).toEqual([
      'input needs format "headroom/setup@2" (got "headroom/setup@1"); headroom/setup@1 readers reject unknown fields',
    ]);
  });

  it('even "input": null needs @2, since an @1 reader rejects the field itself', () => {
    expect(errorsOf({ ...setup(), input: null })).toEqual([
      'input needs format "headroom/setup@2" (got "headroom/setup@1"); headroom/setup@1 readers reject unknown fields',
    ]);
    expect(parseSetup(v2(null)).ok).toBe(true);
  });

  it('a writer stamps the oldest format that holds the setup, and a null input becomes no field', () => {
    expect(withSetupFormat(v2(instrumentInput())).format).toBe('headroom/setup@2');
    expect(withSetupFormat({ ...setup(), format: 'headroom/setup@2' })).toEqual(setup());
    expect(withSetupFormat(v2(null))).toEqual(setup());
    expect(parseSetup(withSetupFormat(v2(null))).ok).toBe(true);
    const plain = setup();
    expect(withSetupFormat(plain)).toBe(plain);
  });

  it('an unknown format names every version', () => {
    expect(errorsOf({ ...setup(), format: 'headroom/setup@4' })).toEqual([
      'format must be one of "headroom/setup@1", "headroom/setup@2", "headroom/setup@3" (got "headroom/setup@4")',
    ]);
  });
});

describe('the input section: every invalid value names the field, the value and the range', () => {
  const cases: [string, unknown, string[]][] = [
    ['a negative inductance', instrumentInput({ pickup: { ...strat, inductanceH: -1 } }), ['input.instrument.pickup.inductanceH must be > 0 (got -1)']],
    ['a zero winding resistance', instrumentInput({ pickup: { ...strat, resistanceOhms: 0 } }), ['input.instrument.pickup.resistanceOhms must be > 0 (got 0)']],
    ['a negative winding capacitance', instrumentInput({ pickup: { ...strat, capacitancePf: -5 } }), ['input.instrument.pickup.capacitancePf must be >= 0 (got -5)']],
    ['a negative cable length', instrumentInput({ cable: { capacitancePfPerM: 100, lengthM: -3 } }), ['input.instrument.cable.lengthM must be >= 0 (got -3)']],
    ['an unknown input type', instrumentInput({ inputType: 'phono' }), ['input.instrument.inputType must be one of "hi-z", "line", "mic", "custom" (got "phono")']],
    ['a custom input without its impedance', instrumentInput({ inputType: 'custom' }), ['input.instrument.inputImpedanceOhms is required when inputType is "custom"']],
    [
      'an impedance that a named input type would ignore',
      instrumentInput({ inputType: 'line', inputImpedanceOhms: 47_000 }),
      ['input.instrument.inputImpedanceOhms is only for inputType "custom"; "line" is 10000 ohms (got 47000)'],
    ],
    ['a zero custom impedance', instrumentInput({ inputType: 'custom', inputImpedanceOhms: 0 }), ['input.instrument.inputImpedanceOhms must be > 0 (got 0)']],
    ['a zero guitar controls load', instrumentInput({ controlsLoadOhms: 0 }), ['input.instrument.controlsLoadOhms must be > 0 (got 0)']],
    ['a low sample rate', { sampleRateHz: 4000, latency }, ['input.sampleRateHz must be >= 8000 (got 4000)']],
    ['an empty input section', { sampleRateHz: 48_000 }, ['input needs one of instrument, microphone or latency (got {"sampleRateHz":48000})']],
    ['an unknown field', { sampleRateHz: 48_000, latency, reverb: true }, ['input has unknown field "reverb"']],
    ['a 20-bit converter', { sampleRateHz: 48_000, microphone: { ...microphone, converter: { ...microphone.converter, bitDepth: 20 } } }, ['input.microphone.converter.bitDepth must be one of 16, 24 (got 20)']],
    ['dither as a string', { sampleRateHz: 48_000, microphone: { ...microphone, converter: { ...microphone.converter, dither: 'yes' } } }, ['input.microphone.converter.dither must be a boolean (got "yes")']],
    ['a missing phantom switch', { sampleRateHz: 48_000, microphone: { ...microphone, phantomPower: undefined } }, ['input.microphone.phantomPower is required (a boolean)']],
    ['an unknown mic type', { sampleRateHz: 48_000, microphone: { ...microphone, type: 'ribbon' } }, ['input.microphone.type must be one of "dynamic", "condenser" (got "ribbon")']],
    ['a negative sensitivity', { sampleRateHz: 48_000, microphone: { ...microphone, sensitivityMvPerPa: -2 } }, ['input.microphone.sensitivityMvPerPa must be > 0 (got -2)']],
    ['more than P48’s 10 mA', { sampleRateHz: 48_000, microphone: { ...microphone, phantomCurrentMa: 12 } }, ['input.microphone.phantomCurrentMa must be <= 10 (got 12)']],
    ['a negative gain', { sampleRateHz: 48_000, microphone: { ...microphone, preamp: { ...microphone.preamp, gainDb: -6 } } }, ['input.microphone.preamp.gainDb must be >= 0 (got -6)']],
    ['an EIN better than physics allows', { sampleRateHz: 48_000, microphone: { ...microphone, preamp: { ...microphone.preamp, einDbu: -150 } } }, ['input.microphone.preamp.einDbu must be >= -140 (got -150)']],
    [
      'an EIN measurement nobody states',
      { sampleRateHz: 48_000, microphone: { ...microphone, preamp: { ...microphone.preamp, einMeasurement: 'CCIR' } } },
      ['input.microphone.preamp.einMeasurement must be one of "A-weighted", "20Hz-20kHz" (got "CCIR")'],
    ],
    ['a fractional buffer', { sampleRateHz: 48_000, latency: { ...latency, bufferSamples: 127.5 } }, ['input.latency.bufferSamples must be a whole number (got 127.5)']],
    ['no input buffers', { sampleRateHz: 48_000, latency: { ...latency, inputBuffers: 0 } }, ['input.latency.inputBuffers must be >= 1 (got 0)']],
    ['a negative converter latency', { sampleRateHz: 48_000, latency: { ...latency, converterLatency: { value: -1, unit: 'ms' } } }, ['input.latency.converterLatency.value must be >= 0 (got -1)']],
    ['a latency in seconds', { sampleRateHz: 48_000, latency: { ...latency, converterLatency: { value: 1, unit: 's' } } }, ['input.latency.converterLatency.unit must be one of "samples", "ms" (got "s")']],
    [
      'an unknown monitoring path',
      { sampleRateHz: 48_000, latency: { ...latency, monitoring: 'direct' } },
      ['input.latency.monitoring must be one of "computer", "direct-digital", "direct-analog" (got "direct")'],
    ],
  ];
  for (const [what, input, messages] of cases) {
    it(what, () => expect(errorsOf(v2(input))).toEqual(messages));
  }

  it('reports every problem in the input section at once', () => {
    const bad = { sampleRateHz: 48_000, instrument: instrumentInput({ pickup: { ...strat, inductanceH: -1, resistanceOhms: -1 } }).instrument, latency: { ...latency, bufferSamples: 0 } };
    expect(errorsOf(v2(bad))).toHaveLength(3);
  });
});

// headroom/report@2's input section as docs/model.md states it, written independently of the model's types.
const finite = z.number().refine(Number.isFinite);
const nullableFinite = finite.nullable();
const inputReportSchema = z.strictObject({
  sampleRateHz: finite,
  instrument: z
    .strictObject({
      pickup: z.string(),
      inputImpedanceOhms: finite,
      loadOhms: finite,
      capacitancePf: finite,
      lowFrequencyDb: finite,
      resonanceHz: nullableFinite,
      peakDb: nullableFinite,
      minus3DbHz: nullableFinite,
      response: z.strictObject({ hz: z.array(finite).length(301), db: z.array(finite).length(301) }),
    })
    .nullable(),
  microphone: z
    .strictObject({
      name: z.string(),
      hasSignal: z.boolean(),
      phantomVoltageAtMicV: nullableFinite,
      micLevelDbuAt94DbSpl: nullableFinite,
      levelDbfsAt94DbSpl: nullableFinite,
      clipSplDb: nullableFinite,
      noiseMeasurement: z.enum(['A-weighted', '20Hz-20kHz']),
      preampNoiseDbfs: finite,
      quantizationNoiseDbfs: finite,
      quantizationNoiseInBandDbfs: finite,
      noiseFloorDbfs: finite,
      noiseFloorDbu: finite,
      dynamicRangeDb: finite,
      noiseSplDb: nullableFinite,
      dominantNoise: z.enum(['preamp', 'quantization']),
    })
    .nullable(),
  latency: z
    .strictObject({
      bufferMs: finite,
      converterSamples: finite,
      converterMs: finite,
      roundTripSamples: finite,
      roundTripMs: finite,
      monitoring: z.enum(['computer', 'direct-digital', 'direct-analog']),
      monitoringSamples: finite,
      monitoringMs: finite,
      firstCombNotchHz: nullableFinite,
    })
    .nullable(),
});

describe('headroom/report@2', () => {
  const asFormat = (report: Report, format: ReportFormat): AnyReport => {
    const written = reportInFormat(report, format);
    if (!written.ok) throw new Error(written.errors.join('; '));
    return written.value;
  };

  it('a setup without an input section written as headroom/report@1 has exactly @1\u2019s fields, and @3 has no input field', () => {
    for (const preset of presets) {
      const report = buildReport(preset.setup);
      expect(report.format).toBe('headroom/report@3');
      expect(Object.keys(report)).toEqual(['format', 'headphones', 'clipping']);
      const v1 = asFormat(report, 'headroom/report@1');
      expect(v1.format).toBe('headroom/report@1');
      expect(Object.keys(v1)).toEqual(['format', 'headphones', 'clipping']);
    }
    expect(Object.keys(buildReport({ ...setup(), format: 'headroom/setup@2' }))).toEqual(['format', 'headphones', 'clipping']);
  });

  it('a setup with an input section written as @2: the @1 fields unchanged, plus input; @1 cannot hold it', () => {
    for (const example of inputExamples) {
      const s = { ...presets[0]!.setup, format: 'headroom/setup@2' as const, input: example.input };
      const report = asFormat(buildReport(s), 'headroom/report@2');
      expect(report.format).toBe('headroom/report@2');
      const { format: _f, input, ...rest } = report as Extract<AnyReport, { input: unknown }>;
      const { format: _g, ...v1 } = asFormat(buildReport(presets[0]!.setup), 'headroom/report@1');
      expect(rest).toEqual(v1);
      expect(inputReportSchema.safeParse(input).success, example.id).toBe(true);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      expect(reportInFormat(buildReport(s), 'headroom/report@1')).toEqual({
        ok: false,
        errors: ["headroom/report@1 cannot hold this setup's input section: use headroom/report@2 or headroom/report@3"],
      });
    }
  });
});

describe('examples/input and the input catalog', () => {
  it('examples/input holds one headroom/setup@2 file per input example, identical to the catalog’s (regenerate: npx tsx scripts/write-examples.ts)', () => {
    const dir = new URL('../../../examples/input/', import.meta.url);
    expect(readdirSync(dir).sort()).toEqual(INPUT_EXAMPLE_IDS.map((id) => `${id}.json`).sort());
    for (const id of INPUT_EXAMPLE_IDS) {
      const text = readFileSync(new URL(`${id}.json`, dir), 'utf8');
      expect(text).toBe(inputExampleJson(id));
      const parsed = parseSetup(JSON.parse(text));
      expect(parsed.ok, id).toBe(true);
    }
  });

  it('every catalog part validates and every numeric figure has a citation; estimates say how', () => {
    const entries = [
      ...pickups.map((e) => ({ e, schema: pickupSchema })),
      ...cables.map((e) => ({ e, schema: cableSchema.pick({ capacitancePfPerM: true }) })),
      ...microphones.map((e) => ({ e, schema: microphoneSchema.omit({ preamp: true, converter: true, phantomPower: true }) })),
      ...micChannels.map((e) => ({ e, schema: null })),
    ];
    const ids = entries.map(({ e }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { e, schema } of entries) {
      if (schema) expect(schema.safeParse(e.part).success, e.id).toBe(true);
      const numeric = Object.entries(e.part).filter(([, v]) => typeof v === 'number').map(([k]) => k);
      expect(e.citations.map((c) => c.field).sort(), e.id).toEqual(numeric.sort());
      for (const c of e.citations) if (c.kind === 'estimate') expect(c.reasoning, `${e.id}.${c.field}`).toBeTruthy();
    }
  });
});
