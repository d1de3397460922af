import { describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import { CUSTOM, draftFromSetup } from '../../src/state/editor/draft.ts';
import { evaluate } from '../../src/state/editor/evaluate.ts';
import { messagePath } from '../../src/state/editor/field-errors.ts';
import { rangeOf } from '../../src/state/editor/ranges.ts';
import { applyCurveImport, parseCurveText } from '../../src/state/editor/curve-file.ts';
import { CUSTOM as CUSTOM_INPUT, defaultDraft, evaluateInputDraft, withPickup } from '../../src/state/editor/input-draft.ts';

describe("the setup editor's working copy", () => {
  it('gives back every preset unchanged: setup → draft → setup', () => {
    for (const { id, setup } of presets) {
      const evaluation = evaluate(draftFromSetup(setup));
      expect(evaluation.otherErrors, id).toEqual([]);
      expect([...evaluation.fieldErrors.keys()], id).toEqual([]);
      expect(evaluation.setup, id).toEqual(setup);
    }
  });

  it("keeps a typed '-32' Ω as typed and files the schema's message under the listener's impedance field", () => {
    const draft = draftFromSetup(presets[0]!.setup);
    draft.listeners[0] = { ...draft.listeners[0]!, choice: CUSTOM, part: null, nominalOhms: '-32', sensitivity: '100' };
    const evaluation = evaluate(draft);
    expect(evaluation.setup).toBeNull();
    expect(draft.listeners[0]!.nominalOhms).toBe('-32');
    const messages = evaluation.fieldErrors.get('headphones[0].impedance.nominalOhms') ?? [];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('-32');
  });

  it('reads a field path off the front of a message and the range of that field from the schema', () => {
    expect(messagePath('headphones[1].impedance.nominalOhms must be > 0 (got -32)')).toBe('headphones[1].impedance.nominalOhms');
    expect(messagePath('setup must be an object')).toBeNull();
    // docs/model.md §10: nominalOhms "from 0.001 to 100000 ohms"; outputImpedanceOhms also allows 0.
    expect(rangeOf('headphones[0].impedance.nominalOhms')).toEqual({ min: { value: 0.001, inclusive: true }, max: { value: 100000, inclusive: true }, zero: false });
    expect(rangeOf('source.outputImpedanceOhms')?.zero).toBe(true);
  });
});

describe("the input panel's working copy", () => {
  it('turns the default draft into a valid input choice on the instrument path', () => {
    const evaluation = evaluateInputDraft(defaultDraft('hi-z'));
    expect(evaluation.otherErrors).toEqual([]);
    expect([...evaluation.fieldErrors.keys()]).toEqual([]);
    expect(evaluation.choice?.path).toBe('instrument');
  });

  it("keeps a typed '-1' H pickup inductance as typed, gives no choice, and files the message under the pickup's field", () => {
    const draft = { ...withPickup(defaultDraft('hi-z'), CUSTOM_INPUT), inductanceH: '-1' };
    const evaluation = evaluateInputDraft(draft);
    expect(evaluation.choice).toBeNull();
    expect(draft.inductanceH).toBe('-1');
    expect(evaluation.fieldErrors.get('input.instrument.pickup.inductanceH')?.[0]).toContain('-1');
  });
});

describe('a measured impedance curve imported onto a listener of the draft', () => {
  // Plain columns: hz, ohms, degrees (docs/model.md 14.2).
  const text = ['20, 310, 2', '100, 420, 10', '1000, 302, -3', '10000, 330, 8', '20000, 345, 12'].join('\n');

  it('keeps the headphone’s name and sensitivity and gives it the curve, point for point', () => {
    const draft = draftFromSetup(presets[0]!.setup);
    const before = draft.listeners[0]!;
    applyCurveImport(draft, before.key, 'hd600.txt', parseCurveText(text, 'hd600.txt'));
    const after = draft.listeners[0]!;
    expect(after.curveImport?.ok).toBe(true);
    expect(after.part?.name).toBe(before.name);
    expect(after.part?.sensitivity).toEqual(before.part?.sensitivity);
    expect(after.part?.impedance.curve?.map(([hz, ohms]) => [hz, ohms])).toEqual([[20, 310], [100, 420], [1000, 302], [10000, 330], [20000, 345]]);
  });

  it('changes nothing but the note when a line is not a curve, and the note names the line', () => {
    const draft = draftFromSetup(presets[0]!.setup);
    const before = structuredClone(draft.listeners[0]!);
    applyCurveImport(draft, before.key, 'bad.txt', parseCurveText('20, 310, 2\n100, lots, 10\n1000, 302, -3', 'bad.txt'));
    const { curveImport, ...rest } = draft.listeners[0]!;
    expect(rest).toEqual(before);
    expect(curveImport?.ok).toBe(false);
    expect(curveImport?.text).toMatch(/line 2/i);
  });
});
