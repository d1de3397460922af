/**
 * The stretch of the material to render as WAV, as typed (From, To in seconds): checked
 * against the material's length and the longest stretch rendered at once, never clamped.
 * A refusal's message starts with the end it is about ("Start …", "End …").
 */
import { readNumber } from './typed-number.ts';

export type Stretch = { ok: true; start: number; end: number } | { ok: false; message: string };

/** Longest stretch rendered at once: a minute is plenty to compare, and keeps memory small. */
export const MAX_STRETCH_SECONDS = 60;

export function checkStretch(startText: string, endText: string, durationSeconds: number): Stretch {
  const start = readNumber(startText);
  const end = readNumber(endText);
  const limit = Math.min(durationSeconds, Number.MAX_VALUE);
  if (start === null || start < 0 || start >= limit) {
    return { ok: false, message: `Start must be a number of seconds from 0 to below ${formatSeconds(limit)} (got ${JSON.stringify(startText.trim())})` };
  }
  const maxEnd = Math.min(limit, start + MAX_STRETCH_SECONDS);
  if (end === null || end <= start || end > maxEnd) {
    return { ok: false, message: `End must be a number of seconds above ${formatSeconds(start)} and at most ${formatSeconds(maxEnd)} (got ${JSON.stringify(endText.trim())})` };
  }
  return { ok: true, start, end };
}

function formatSeconds(seconds: number): string {
  return String(Number(seconds.toFixed(2)));
}
