/**
 * A lesson step named by a link (`?lesson=splitters&step=4`) and the setups that step plays by
 * itself: the pair of the step, or of the latest step before it that has one (a measure step
 * reads the setups its listen step loaded). Pure.
 */
import type { ParseResult } from '../../model/setup.ts';
import type { LinkLesson } from '../../state/link.ts';
import type { SetupPair } from '../../state/setup-pair.ts';
import { findLesson, lessons } from './index.ts';
import type { Lesson } from './types.ts';

export function lessonFromLink(link: LinkLesson): ParseResult<{ lesson: Lesson; index: number }> {
  const lesson = findLesson(link.id);
  if (!lesson) return { ok: false, errors: [`URL parameter "lesson": no lesson "${link.id}" (known: ${lessons().map((l) => l.id).join(', ')})`] };
  if (link.step > lesson.steps.length) {
    return { ok: false, errors: [`URL parameter "step" must be from 1 to ${lesson.steps.length} for lesson "${lesson.id}" (got ${link.step})`] };
  }
  return { ok: true, value: { lesson, index: link.step - 1 } };
}

/** The setups step `index` (from 0) plays by itself, or null before the lesson's first setups. */
export function lessonStepPair(lesson: Lesson, index: number): SetupPair | null {
  for (let i = Math.min(index, lesson.steps.length - 1); i >= 0; i--) {
    const pair = lesson.steps[i]!.pair;
    if (pair) return pair;
  }
  return null;
}
