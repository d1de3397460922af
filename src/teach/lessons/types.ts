/**
 * Lessons as plain data: no DOM, no Lit. Every number a lesson states, and every "correct"
 * answer, is computed from the model (src/model) when the lesson is built; nothing is typed
 * in by hand. The UI (src/ui/teach) renders these steps; tests/teach checks them against
 * closed forms computed independently.
 */
import type { SetupPair } from '../../state/setup-pair.ts';

export type LessonSide = 'A' | 'B';

/** What to play: the demo track, pink noise, or a sine (frequency in Hz, peak level in dBFS). */
export type LessonSource = 'demo' | 'pink' | { sine: { hz: number; levelDbfs: number } };

export interface LessonChoice {
  readonly id: string;
  readonly text: string;
}

/** One number read off the model, with the formatted text the lesson shows. */
export interface LessonFigure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** `value` written with its unit, e.g. "−4.90 dB". */
  readonly text: string;
  /** Which setup of the step's pair (and which listener) the figure belongs to, if any. */
  readonly side?: LessonSide;
  readonly listener?: number;
}

export interface LessonLink {
  readonly href: string;
  readonly text: string;
}

interface StepBase {
  readonly text: string;
  /** The setups this step is about (loaded when the student listens). */
  readonly pair?: SetupPair;
  readonly link?: LessonLink;
}

/** The student commits to an answer, then sees the model's answer and why. */
export interface PredictStep extends StepBase {
  readonly kind: 'predict';
  readonly choices: readonly LessonChoice[];
  /** Id of the choice the model backs, computed from the model. */
  readonly correct: string;
  /** Why, with the model's numbers. */
  readonly explanation: string;
}

/** The student hears a side (and listener) of a pair with a chosen sound. */
export interface ListenStep extends StepBase {
  readonly kind: 'listen';
  readonly pair: SetupPair;
  readonly hear: { readonly side: LessonSide; readonly listener?: number };
  readonly source?: LessonSource;
  /** What to listen (and look) for. */
  readonly listenFor: string;
}

/** Numbers to read from the model's report and matching figures. */
export interface MeasureStep extends StepBase {
  readonly kind: 'measure';
  readonly figures: readonly LessonFigure[];
  /** What the numbers show. */
  readonly explanation: string;
}

/** A multiple-choice question at the end; the right answer is computed from the model. */
export interface CheckStep extends StepBase {
  readonly kind: 'check';
  readonly choices: readonly LessonChoice[];
  readonly correct: string;
  readonly explanation: string;
}

export type LessonStep = PredictStep | ListenStep | MeasureStep | CheckStep;
export type LessonStepKind = LessonStep['kind'];

export interface Lesson {
  /** kebab-case, unique. */
  readonly id: string;
  readonly title: string;
  /** One sentence: what the student will understand. */
  readonly goal: string;
  readonly steps: readonly LessonStep[];
}
