/**
 * What <headroom-response-plot> draws, as data and words: the series of every listener of each
 * setup (A, B) in the mode shown, and the sentence and table that say the same for screen
 * readers. The crosstalk view is offered only when a setup has shared ground returns
 * (headroom/setup@3; the model's crosstalk.ts, docs/model.md 14.4).
 */
import { listenerCrosstalk } from '../model/crosstalk.ts';
import { listenerResponses, type ListenerResponse, type ResponseMode } from '../model/frequency-curves.ts';
import { hasSharedReturns } from '../model/ground.ts';
import type { Setup } from '../model/setup.ts';
import { solveChain } from '../model/solver.ts';
import { REFERENCE_HZ } from '../model/units.ts';
import { formatHz, signed } from '../text/format.ts';

export interface ResponseCurve {
  /** Short name of the setup, e.g. "A" or "B". */
  label: string;
  setup: Setup;
}

/** What the plot shows: a response (`ResponseMode`) or the crosstalk through shared returns. */
export type ResponsePlotMode = ResponseMode | 'crosstalk';

export interface ResponseSeries {
  /** Index of its setup in the curves (A 0, B 1): its line style. */
  curve: number;
  /** "A · 2. HD 600": the setup, and the listener numbered when the setup has several. */
  label: string;
  response: ListenerResponse;
}

export interface ResponseChart {
  /** Whether any setup has a shared return, so the crosstalk view is offered. */
  crosstalkOffered: boolean;
  /** The mode drawn: the one asked for, or `relative` for `crosstalk` while no setup has it. */
  shown: ResponsePlotMode;
  series: ResponseSeries[];
}

/** Every listener of each setup (or only `listener` of each), in `mode`, at `hz`. */
export function responseChart(curves: readonly ResponseCurve[], mode: ResponsePlotMode, listener: number | null, hz: number[]): ResponseChart {
  const crosstalkOffered = curves.some((curve) => hasSharedReturns(curve.setup));
  const shown = mode === 'crosstalk' && !crosstalkOffered ? 'relative' : mode;
  const series = curves.flatMap(({ label, setup }, curve) =>
    (shown === 'crosstalk' ? crosstalkResponses(setup, hz) : listenerResponses(setup, hz, shown))
      .filter((response) => listener === null || response.listener === listener)
      .map((response) => ({ curve, response, label: `${label} · ${setup.headphones.length > 1 ? `${response.listener + 1}. ${response.name}` : response.name}` })),
  );
  return { crosstalkOffered, shown, series };
}

const UNIT: Record<ResponsePlotMode, string> = { relative: 'dB re 1 kHz', absolute: 'dB SPL', crosstalk: 'dB' };

/** A level as the chart's words write it: signed to 0.01 dB re 1 kHz, signed to 0.1 dB of crosstalk, 0.1 dB SPL. */
function level(value: number, mode: ResponsePlotMode): string {
  return mode === 'relative' ? signed(value, 2) : mode === 'crosstalk' ? signed(value, 1) : value.toFixed(1);
}

/** The chart in one sentence: what it shows and each series' range. */
export function responseSentence({ shown, series }: ResponseChart): string {
  if (series.length === 0) return shown === 'crosstalk' ? 'Crosstalk: no listener’s channels leak.' : 'Frequency response: nothing to plot.';
  const parts = series.map((s) => `${s.label}: ${level(Math.min(...s.response.db), shown)} to ${level(Math.max(...s.response.db), shown)} ${UNIT[shown]}`);
  const what = shown === 'crosstalk' ? 'Crosstalk (the other channel re its own, for a signal in one channel)' : 'Frequency response';
  return `${what} from 20 Hz to 20 kHz. ${parts.join('; ')}.`;
}

/** The chart's table: a row for each of `tableHz` (each one of `hz`), a column for each series. */
export function responseTable({ shown, series }: ResponseChart, hz: readonly number[], tableHz: readonly number[]) {
  return {
    caption: `${shown === 'crosstalk' ? 'Crosstalk' : 'Frequency response'}, ${UNIT[shown]}`,
    columns: ['Frequency', ...series.map((s) => s.label)],
    rows: tableHz.map((f) => ({ label: formatHz(f), cells: series.map((s) => level(s.response.db[hz.indexOf(f)]!, shown)) })),
  };
}

/**
 * Each listener's crosstalk at `hz` from the model's mid and side solutions (crosstalk.ts), for
 * the listeners whose channels leak (none without a shared return).
 */
function crosstalkResponses(setup: Setup, hz: number[]): ListenerResponse[] {
  if (!hasSharedReturns(setup)) return [];
  const mid = hz.map((f) => solveChain(setup, f));
  const side = hz.map((f) => solveChain(setup, f, { mode: 'side' }));
  const atReference = { mid: solveChain(setup, REFERENCE_HZ), side: solveChain(setup, REFERENCE_HZ, { mode: 'side' }) };
  return setup.headphones.flatMap((headphone, i) => {
    const figures = listenerCrosstalk(i, atReference, hz, mid, side);
    return figures ? [{ listener: i, name: headphone.name, db: figures.response.db }] : [];
  });
}
