/** The eight lessons, in teaching order. Built once from the model when first asked for. */
import { ampVsInterfaceLesson } from './amp-vs-interface.ts';
import { bridgingLesson } from './bridging.ts';
import { clippingLesson } from './clipping.ts';
import { eighthRuleLesson } from './eighth-rule.ts';
import { hissLesson } from './hiss.ts';
import { splittersLesson } from './splitters.ts';
import type { Lesson } from './types.ts';
import { voltageDividerLesson } from './voltage-divider.ts';
import { voltagePowerLesson } from './voltage-power.ts';

export type * from './types.ts';

export const LESSON_BUILDERS: readonly (() => Lesson)[] = [
  voltageDividerLesson,
  voltagePowerLesson,
  splittersLesson,
  clippingLesson,
  eighthRuleLesson,
  bridgingLesson,
  ampVsInterfaceLesson,
  hissLesson,
];

let built: readonly Lesson[] | null = null;

/** All lessons (computed from the model on first use, then kept). */
export function lessons(): readonly Lesson[] {
  built ??= LESSON_BUILDERS.map((build) => build());
  return built;
}

export function findLesson(id: string): Lesson | undefined {
  return lessons().find((lesson) => lesson.id === id);
}
