/**
 * The input panel's two sides as typed: a valid side has the model's report, an invalid one
 * none, and only an edit that changes a valid side's choice reaches the audio.
 */
import { describe, expect, it } from 'vitest';
import { buildInputReport } from '../../src/model/input/report.ts';
import { changedChoice, defaultSides, inputSide } from '../../src/state/editor/input-sides.ts';

describe('each side of the input panel carries what its draft makes', () => {
  it('the default sides are the same guitar into a hi-Z input (A) and a line input (B), each with its report', () => {
    const { A, B } = defaultSides();
    expect([A.draft.inputType, B.draft.inputType]).toEqual(['hi-z', 'line']);
    expect(A.report).toEqual(buildInputReport(A.evaluation.choice!.input));
    expect(B.report!.instrument!.inputImpedanceOhms).toBeLessThan(A.report!.instrument!.inputImpedanceOhms);
  });

  it('a side with an invalid field has no choice and no report, and keeps the text as typed', () => {
    const side = inputSide({ ...defaultSides().A.draft, inductanceH: '-1' });
    expect(side.evaluation.choice).toBeNull();
    expect(side.report).toBeNull();
    expect(side.draft.inductanceH).toBe('-1');
  });
});

describe('only a new valid choice reaches the audio', () => {
  const before = defaultSides().A;

  it('an edit to another valid value is a new choice with that value', () => {
    expect(changedChoice(before, inputSide({ ...before.draft, cableLengthM: '6' }))?.input.instrument!.cable.lengthM).toBe(6);
  });

  it('an invalid edit, or one that writes the same number differently, is none', () => {
    expect(changedChoice(before, inputSide({ ...before.draft, cableLengthM: '-6' }))).toBeNull();
    expect(changedChoice(before, inputSide({ ...before.draft, cableLengthM: '3.0' }))).toBeNull();
  });
});
