/**
 * Where a student is in a lesson: the step shown, and on each question step the choice picked
 * and whether it was answered. <headroom-lesson> keeps one of these and renders it.
 */
import type { CheckStep, PredictStep } from './types.ts';

/** A step number from a link or a property, or 0 when it is not a step of a lesson of `count` steps. */
export function stepInRange(step: number, count: number): number {
  return Number.isInteger(step) && step >= 0 && step < count ? step : 0;
}

/** How a choice is marked: before the answer only the picked one; after it the right one and a wrong pick. */
export type ChoiceMark = 'picked' | 'right' | 'wrong' | '';

export function choiceMark(step: PredictStep | CheckStep, choice: string, picked: string | undefined, answered: boolean): ChoiceMark {
  if (!answered) return choice === picked ? 'picked' : '';
  if (choice === step.correct) return 'right';
  return choice === picked ? 'wrong' : '';
}
