/** The app's source choice for a lesson's sound (null: keep whatever is playing). */
import type { LessonSource } from '../../teach/lessons/index.ts';
import type { SourceChoice } from '../../audio/engine/index.ts';

export function sourceChoiceOf(source: LessonSource | undefined): SourceChoice | null {
  if (source === undefined) return null;
  if (source === 'demo') return { kind: 'demo' };
  if (source === 'pink') return { kind: 'pink' };
  return { kind: 'sine', hz: source.sine.hz, levelDbfs: source.sine.levelDbfs };
}
