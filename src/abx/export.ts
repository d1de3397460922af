/**
 * ABX results as files: JSON (`headroom/abx@2`, the AbxResults object as it is) and CSV
 * (RFC 4180: a header row, then one row per trial; commas and quotes in labels are quoted;
 * `loudness` says "matched" or "not matched" for each trial).
 */
import type { AbxResults } from './session.ts';

export function abxResultsToJson(results: AbxResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

export const ABX_CSV_HEADER = ['trial', 'x', 'answer', 'correct', 'listened_to', 'ms', 'label_a', 'label_b', 'loudness'] as const;

function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header plus one line per trial, lines ended by CRLF as RFC 4180 says; N + 1 lines. */
export function abxResultsToCsv(results: AbxResults): string {
  const lines = [ABX_CSV_HEADER.join(',')];
  results.trials.forEach((t, i) => {
    lines.push(
      [i + 1, t.x, t.answer, t.correct, t.listenedTo.join(' '), Math.round(t.ms), results.conditions.a, results.conditions.b, t.loudnessMatched ? 'matched' : 'not matched']
        .map(csvField)
        .join(','),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** A finished run as a file to save: its text, media type and name (headroom-abx-<start time>.json or .csv). */
export function abxResultsFile(results: AbxResults, kind: 'json' | 'csv'): { text: string; type: string; name: string } {
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const name = `headroom-abx-${stamp}.${kind}`;
  return kind === 'json' ? { text: abxResultsToJson(results), type: 'application/json', name } : { text: abxResultsToCsv(results), type: 'text/csv', name };
}
