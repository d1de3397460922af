/** The report view's small response plot of one listener, as numbers the view paints. */
import type { ListenerReport } from '../model/report-contract.ts';
import { logFrequencyAxis } from './chart-scales.ts';

/**
 * A listener's small response plot in a `width`×`height` box: the curve's points on a log
 * frequency axis, 0 dB across the middle, where 1 kHz falls (also as a share of the width, for
 * its tick) and the half-height in dB, the largest deviation plus 15 %, at least 1 dB.
 * Null when the response has fewer than two points.
 */
export function responseSketch({ hz, db }: ListenerReport['response'], width: number, height: number): { points: string; spanDb: number; kHzX: number; kHzShare: string } | null {
  if (hz.length < 2 || hz.length !== db.length) return null;
  const spanDb = Number((Math.max(1, ...db.map((v) => Math.abs(v))) * 1.15).toPrecision(2));
  const x = logFrequencyAxis(hz[0]!, hz[hz.length - 1]!, 0, width);
  const y = (v: number) => height / 2 - (v / spanDb) * (height / 2 - 4);
  const points = hz.map((f, k) => `${x(f).toFixed(1)},${y(db[k]!).toFixed(2)}`).join(' ');
  return { points, spanDb, kHzX: x(1000), kHzShare: `${((x(1000) / width) * 100).toFixed(2)}%` };
}
