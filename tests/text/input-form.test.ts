/**
 * The input panel's form as data: every number field names a contract path the model
 * validates (so its message lands beside it), and the choices and curve labels read as a
 * guitarist would say them.
 */
import { describe, expect, it } from 'vitest';
import { INPUT_TYPE_OHMS } from '../../src/model/input/contract.ts';
import { buildInputReport } from '../../src/model/input/report.ts';
import { defaultDraft, evaluateInputDraft, type InputDraft } from '../../src/state/editor/input-draft.ts';
import { rangeOf } from '../../src/state/editor/ranges.ts';
import {
  CUSTOM_INPUT_FIELD,
  INPUT_TYPE_OPTIONS,
  INSTRUMENT_FIELDS,
  inputOhms,
  LATENCY_FIELDS,
  MONITORING_OPTIONS,
  PREAMP_FIELDS,
  readoutGroups,
  responseCurveLabel,
  type InputField,
} from '../../src/text/input-form.ts';

const micDraft = (): InputDraft => ({ ...defaultDraft('hi-z'), path: 'microphone' });

/** The message a bad value in `field` gets, on the path the field shows its messages for. */
function messagesFor(draft: InputDraft, field: InputField): string[] {
  return evaluateInputDraft({ ...draft, [field.key]: 'x' }).fieldErrors.get(field.path) ?? [];
}

describe('every number field of the input panel is a field of the contract', () => {
  it('a bad value typed in any field gets its message on that field’s own path, not lost among the others', () => {
    const custom = { ...defaultDraft('custom') };
    for (const field of INSTRUMENT_FIELDS.filter((f) => !f.optional)) expect(messagesFor(custom, field), field.path).not.toEqual([]);
    expect(messagesFor(custom, CUSTOM_INPUT_FIELD)).not.toEqual([]);
    for (const field of PREAMP_FIELDS) expect(messagesFor(micDraft(), field), field.path).not.toEqual([]);
    for (const field of LATENCY_FIELDS) expect(messagesFor(custom, field), field.path).not.toEqual([]);
  });

  it('each field with a range states it (the allowed range shown under the field)', () => {
    for (const field of [...INSTRUMENT_FIELDS, CUSTOM_INPUT_FIELD, ...PREAMP_FIELDS, ...LATENCY_FIELDS]) expect(rangeOf(field.path), field.path).toBeDefined();
  });

  it('only the pickup’s own L, R and C make the pickup “custom” when typed in', () => {
    expect(INSTRUMENT_FIELDS.filter((f) => f.custom).map((f) => f.key)).toEqual(['inductanceH', 'resistanceOhms', 'capacitancePf']);
  });
});

describe('the choices read in words', () => {
  it('an input impedance is written in its largest whole unit: 1 MΩ, not 1000 kΩ', () => {
    expect(inputOhms(1e6)).toBe('1\u202fMΩ');
    expect(inputOhms(10_000)).toBe('10\u202fkΩ');
    expect(INPUT_TYPE_OPTIONS[0]!.label).toBe(`Hi-Z instrument input (${inputOhms(INPUT_TYPE_OHMS['hi-z'])})`);
  });

  it('monitoring choices start with a capital', () => {
    expect(MONITORING_OPTIONS.map((o) => o.label)).toEqual(['Through the computer', 'Direct, digital mixer', 'Direct, analog']);
  });

  it('a response curve names its side, the pickup and what it is plugged into; a custom input by its impedance alone', () => {
    const draft = (type: InputDraft['inputType']) => evaluateInputDraft(defaultDraft(type)).choice!.input;
    const hiZ = buildInputReport(draft('hi-z')).instrument!;
    expect(responseCurveLabel('A', hiZ, 'hi-z')).toBe(`A · ${hiZ.pickup} → hi-Z (1\u202fMΩ)`);
    const line = buildInputReport(draft('line')).instrument!;
    expect(responseCurveLabel('B', line, 'line')).toBe(`B · ${line.pickup} → line (${inputOhms(line.inputImpedanceOhms)})`);
    const custom = buildInputReport(draft('custom')).instrument!;
    expect(responseCurveLabel('B', custom, 'custom')).toBe(`B · ${custom.pickup} → 47\u202fkΩ`);
  });
});

describe('the readout table shows the groups the sides have', () => {
  const report = (draft: InputDraft) => buildInputReport(evaluateInputDraft(draft).choice!.input);

  it('two guitars: instrument and latency figures, no microphone rows', () => {
    const guitar = report(defaultDraft('hi-z'));
    expect(readoutGroups(guitar, guitar).map((g) => g.title)).toEqual(['Instrument input', 'Latency']);
  });

  it('a guitar against a microphone: both inputs’ rows, the latency last; an invalid side adds none', () => {
    const guitar = report(defaultDraft('hi-z'));
    expect(readoutGroups(guitar, report(micDraft())).map((g) => g.title)).toEqual(['Instrument input', 'Microphone input', 'Latency']);
    expect(readoutGroups(null, null).map((g) => g.title)).toEqual(['Latency']);
  });
});
