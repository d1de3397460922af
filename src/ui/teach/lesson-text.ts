/** Words the lesson views share: what a step kind is called, what a sound is, how a side is named. */
import type { LessonSource, LessonStepKind } from '../../teach/lessons/index.ts';
import type { SourceChoice } from '../app/source-choice.ts';
import { formatDbfs } from '../../text/format.ts';

export const KIND_LABEL: Record<LessonStepKind, string> = {
  predict: 'Predict',
  listen: 'Listen',
  measure: 'Measure',
  check: 'Check',
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

/** The app's source choice for a lesson's sound (null: keep whatever is playing). */
export function sourceChoiceOf(source: LessonSource | undefined): SourceChoice | null {
  if (source === undefined) return null;
  if (source === 'demo') return { kind: 'demo' };
  if (source === 'pink') return { kind: 'pink' };
  return { kind: 'sine', hz: source.sine.hz, levelDbfs: source.sine.levelDbfs };
}
