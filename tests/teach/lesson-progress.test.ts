/**
 * A student's way through a lesson, without a page: which step a link may open, how each
 * choice is marked before and after the answer, and what the answer says.
 */
import { describe, expect, it } from 'vitest';
import { lessons, type CheckStep, type PredictStep } from '../../src/teach/lessons/index.ts';
import { choiceMark, stepInRange } from '../../src/teach/lessons/progress.ts';
import { describeSource, listenLabel, QUESTION_TEXT, verdictText } from '../../src/text/lesson-text.ts';

const questions = lessons().flatMap((l) => l.steps).filter((s): s is PredictStep | CheckStep => s.kind === 'predict' || s.kind === 'check');
const aCheck = questions.find((s): s is CheckStep => s.kind === 'check')!;
const aPrediction = questions.find((s): s is PredictStep => s.kind === 'predict')!;
const wrongOf = (step: PredictStep | CheckStep) => step.choices.find((c) => c.id !== step.correct)!;
const answerOf = (step: PredictStep | CheckStep) => step.choices.find((c) => c.id === step.correct)!.text;

describe('a lesson opens on a step it has', () => {
  it('a step inside the lesson is kept; one outside it, negative or fractional opens the first step', () => {
    expect(stepInRange(3, 6)).toBe(3);
    expect(stepInRange(5, 6)).toBe(5);
    for (const step of [6, -1, 1.5, Number.NaN]) expect(stepInRange(step, 6), String(step)).toBe(0);
    expect(stepInRange(2, 0)).toBe(0);
  });
});

describe('a question marks its choices', () => {
  it('before the answer only the picked choice is marked, and the right one is not given away', () => {
    const wrong = wrongOf(aCheck).id;
    expect(aCheck.choices.map((c) => choiceMark(aCheck, c.id, wrong, false))).toEqual(aCheck.choices.map((c) => (c.id === wrong ? 'picked' : '')));
  });

  it('after a wrong answer the right choice is marked right and the pick wrong; the rest stay plain', () => {
    const wrong = wrongOf(aCheck).id;
    const marks = aCheck.choices.map((c) => choiceMark(aCheck, c.id, wrong, true));
    expect(marks.filter((m) => m === 'right')).toHaveLength(1);
    expect(marks[aCheck.choices.findIndex((c) => c.id === aCheck.correct)]).toBe('right');
    expect(marks[aCheck.choices.findIndex((c) => c.id === wrong)]).toBe('wrong');
    expect(marks.filter((m) => m === '')).toHaveLength(aCheck.choices.length - 2);
  });

  it('after a right answer nothing is marked wrong', () => {
    expect(aCheck.choices.map((c) => choiceMark(aCheck, c.id, aCheck.correct, true))).not.toContain('wrong');
  });
});

describe('an answered question says what the answer is', () => {
  it('a check grades the student: “Correct.”, or “Not quite.” with the right answer named', () => {
    expect(verdictText(aCheck, aCheck.correct)).toBe('Correct.');
    expect(verdictText(aCheck, wrongOf(aCheck).id)).toBe(`Not quite. The answer is: ${answerOf(aCheck)}.`);
  });

  it('a prediction is revealed and a check is checked: each question names what it asks for', () => {
    expect(QUESTION_TEXT[aPrediction.kind]).toEqual({ legend: 'Your prediction', action: 'Reveal the answer' });
    expect(QUESTION_TEXT[aCheck.kind]).toEqual({ legend: 'Your answer', action: 'Check my answer' });
  });

  it('a prediction is set against the model, which names its answer either way', () => {
    expect(verdictText(aPrediction, aPrediction.correct)).toBe(`The model agrees: ${answerOf(aPrediction)}.`);
    expect(verdictText(aPrediction, wrongOf(aPrediction).id)).toBe(`The model says: ${answerOf(aPrediction)}.`);
  });
});

describe('a listen step names what is heard', () => {
  it('a sine is named by its frequency (kHz from 1000 Hz) and its level with a true minus sign', () => {
    expect(describeSource({ sine: { hz: 500, levelDbfs: -1 } })).toBe('a 500\u202fHz sine at \u22121.0\u202fdBFS');
    expect(describeSource({ sine: { hz: 1500, levelDbfs: -6 } })).toBe('a 1.5\u202fkHz sine at \u22126.0\u202fdBFS');
    expect(describeSource(undefined)).toBe('the demo track');
    expect(describeSource('pink')).toBe('pink noise');
  });

  it('the listener is named only when the side has several', () => {
    expect(listenLabel('B', undefined, 1)).toBe('Listen to B');
    expect(listenLabel('A', 1, 2)).toBe('Listen to A, listener 2');
    expect(listenLabel('A', undefined, 3)).toBe('Listen to A, listener 1');
  });
});
