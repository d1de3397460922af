/**
 * The charts' scales and ticks as plain numbers: which frequencies get a tick (the uPlot
 * charts and the spectrum) and the level, |Z| and phase windows of the uPlot charts. The
 * views (src/ui/views) only paint what these say; the analysers' grids are analyser-grid.ts.
 */

/** Ticks on a 20 Hz–20 kHz log axis: every 1-2-5 step, or only the decades on a narrow plot. */
export function frequencyTicksHz(wide: boolean): number[] {
  return wide ? [20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000] : [20, 100, 1000, 10_000];
}

/** Where a frequency falls on a log axis from `minHz` (at `left`) to `maxHz` (at `left + width`). */
export function logFrequencyAxis(minHz: number, maxHz: number, left: number, width: number): (hz: number) => number {
  const logMin = Math.log10(minHz);
  const logSpan = Math.log10(maxHz) - logMin;
  return (hz) => left + ((Math.log10(hz) - logMin) / logSpan) * width;
}

/** 20, 500, 1k, 2.5k, 20k: compact tick labels (the axis label carries the unit). */
export function shortHz(hz: number): string {
  if (hz >= 1000) return `${Number((hz / 1000).toPrecision(3))}k`;
  return String(Number(hz.toPrecision(3)));
}

/**
 * The response chart's level window: at least ±1 dB re 1 kHz (`relative`), a 3 dB-each-way
 * window of SPL (`absolute`) or a 6 dB span of crosstalk, so a flat line does not zoom into noise.
 */
export function levelRange(min: number, max: number, mode: 'relative' | 'absolute' | 'crosstalk'): [number, number] {
  if (mode === 'crosstalk') return [Math.min(min, max - 6) - 2, Math.max(max, min + 6) + 2];
  const relative = mode === 'relative';
  const half = relative ? 1 : 3;
  const mid = (min + max) / 2;
  const lo = Math.min(min, relative ? -half : mid - half);
  const hi = Math.max(max, relative ? half : mid + half);
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/**
 * The impedance plot's |Z| window: what a headphone's impedance can sensibly be drawn on. Data
 * outside it (a subnormal 5e-324 Ω, 1e300 Ω) is drawn at the edge instead of stretching the
 * axis over hundreds of decades, and no tick loop runs longer than these decades.
 */
const OHMS_WINDOW: [number, number] = [1e-3, 1e9];

/** 1, 2, 5, 10, 20, 50 … Ω: the nice values from `min` to `max` (inside OHMS_WINDOW). */
export function oneTwoFive(min: number, max: number): number[] {
  const lo = Math.max(OHMS_WINDOW[0], min);
  const hi = Math.min(OHMS_WINDOW[1], max);
  if (!(lo <= hi)) return [];
  const values: number[] = [];
  for (let exponent = Math.floor(Math.log10(lo)); exponent <= Math.ceil(Math.log10(hi)); exponent++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** exponent).toPrecision(6));
      if (v >= lo * 0.999 && v <= hi * 1.001) values.push(v);
    }
  }
  return values;
}

/** A range from the 1-2-5 value under the smallest |Z| to the one over the largest, at least ×5 tall. */
export function ohmRange(dataMin: number, dataMax: number): [number, number] {
  const within = (v: number) => Math.min(OHMS_WINDOW[1], Math.max(OHMS_WINDOW[0], v));
  const min = within(dataMin / 1.1);
  const max = within(dataMax * 1.1);
  if (!(min > 0) || !(max >= min)) return [1, 1000];
  const nice = oneTwoFive(10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max)));
  const lo = [...nice].reverse().find((v) => v <= min) ?? nice[0]!;
  let hi = nice.find((v) => v >= max) ?? nice[nice.length - 1]!;
  if (hi / lo < 5) hi = nice.find((v) => v >= lo * 5) ?? lo * 5;
  return [lo, hi];
}

/** ±30° at least, in 30° steps, never past ±90°. */
export function degreeRange(dataMin: number, dataMax: number): [number, number] {
  const worst = Math.max(30, Math.abs(dataMin), Math.abs(dataMax));
  const edge = Number.isFinite(worst) ? Math.min(90, Math.ceil(worst / 30) * 30) : 90;
  return [-edge, edge];
}
