/** Words the lesson views share: what a step kind is called, what a sound is, how a side is named, what the answer was. */
import type { CheckStep, LessonSource, LessonStepKind, PredictStep } from '../teach/lessons/index.ts';
import { formatDbfs } from './format.ts';

export const KIND_LABEL: Record<LessonStepKind, string> = {
  predict: 'Predict',
  listen: 'Listen',
  measure: 'Measure',
  check: 'Check',
};

/** A question step's legend over its choices and the button that answers it. */
export const QUESTION_TEXT: Record<'predict' | 'check', { legend: string; action: string }> = {
  predict: { legend: 'Your prediction', action: 'Reveal the answer' },
  check: { legend: 'Your answer', action: 'Check my answer' },
};

export function describeSource(source: LessonSource | undefined): string {
  if (source === undefined || source === 'demo') return 'the demo track';
  if (source === 'pink') return 'pink noise';
  const { hz, levelDbfs } = source.sine;
  const hzText = hz >= 1000 ? `${Number((hz / 1000).toFixed(2))}\u202fkHz` : `${hz}\u202fHz`;
  return `a ${hzText} sine at ${formatDbfs(levelDbfs)}`;
}

export function listenLabel(side: 'A' | 'B', listener: number | undefined, listeners: number): string {
  return listeners > 1 ? `Listen to ${side}, listener ${(listener ?? 0) + 1}` : `Listen to ${side}`;
}

/** What a question step says once answered: a check grades the student, a prediction is set against the model. */
export function verdictText(step: PredictStep | CheckStep, picked: string | undefined): string {
  const right = picked === step.correct;
  const answer = step.choices.find((c) => c.id === step.correct)!.text;
  if (step.kind === 'check') return right ? 'Correct.' : `Not quite. The answer is: ${answer}.`;
  return right ? `The model agrees: ${answer}.` : `The model says: ${answer}.`;
}
