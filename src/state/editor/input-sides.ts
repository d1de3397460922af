/**
 * Both sides of <headroom-input-panel> as typed, each with what its draft makes: the
 * evaluation (the valid choice, or the messages) and, for a valid side, the model's input
 * report the readouts and the response plot show.
 */
import type { InputChoice } from '../../model/input/contract.ts';
import { buildInputReport } from '../../model/input/report.ts';
import type { InputReport } from '../../model/report-contract.ts';
import { defaultDraft, evaluateInputDraft, type InputDraft, type InputEvaluation } from './input-draft.ts';

export interface InputSide {
  draft: InputDraft;
  evaluation: InputEvaluation;
  /** null while the side has an invalid field. */
  report: InputReport | null;
}

export function inputSide(draft: InputDraft): InputSide {
  const evaluation = evaluateInputDraft(draft);
  return { draft, evaluation, report: evaluation.choice ? buildInputReport(evaluation.choice.input) : null };
}

/** The classic demonstration: the same Strat and cable into a hi-Z input (A) and a line input (B). */
export const defaultSides = (): Record<'A' | 'B', InputSide> => ({ A: inputSide(defaultDraft('hi-z')), B: inputSide(defaultDraft('line')) });

/** The choice an edit makes for the audio: null when the side is invalid or its choice is the same as before. */
export function changedChoice(before: InputSide, after: InputSide): InputChoice | null {
  const choice = after.evaluation.choice;
  return choice && JSON.stringify(choice) !== JSON.stringify(before.evaluation.choice) ? choice : null;
}
