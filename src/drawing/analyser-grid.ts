/**
 * The analysers' grids as data: the plot area inside a canvas, the lines and labels of the
 * oscilloscope's and the spectrum's axes, the spectrum's log-frequency and dB mapping, and
 * the scope's range that follows the signal. The views (src/ui/views) paint them on a canvas.
 */
import { MINUS, number } from '../text/format.ts';
import { frequencyTicksHz, logFrequencyAxis, shortHz } from './chart-scales.ts';

/** A rectangle in CSS pixels. */
export interface PlotArea {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The plot area inside a `width` × `height` canvas, `pad` pixels from its edges. */
export function plotArea(width: number, height: number, pad: { left: number; right: number; top: number; bottom: number }): PlotArea {
  return { x: pad.left, y: pad.top, w: width - pad.left - pad.right, h: height - pad.top - pad.bottom };
}

/** A grid line at a whole CSS pixel (+0.5 so a 1 px line is crisp). */
export const crisp = (v: number): number => Math.round(v) + 0.5;

/** A horizontal line at `y`, labelled left of the plot; `strong` in the text's muted colour, else the border's. */
export interface GridRow {
  y: number;
  label: string;
  strong?: boolean;
  dashed?: boolean;
}

/** A vertical line at `x`, labelled under the plot (at `labelX`, else at the line). */
export interface GridColumn {
  x: number;
  label: string;
  align: 'left' | 'center' | 'right';
  labelX?: number;
}

/** An analyser's grid: its lines and labels, and the level axis's title. */
export interface Grid {
  rows: GridRow[];
  columns: GridColumn[];
  title: string;
}

/** No axis gets more ticks than this, whatever range it is given (a loop over ticks always ends). */
export const MAX_TICKS = 64;

/** 1, 2 or 5 times a power of ten, at least `raw` (a tick step); 1 for a step that is no number. */
export function niceStep(raw: number): number {
  if (!(raw > 1e-12) || !Number.isFinite(raw)) return 1;
  const decade = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * decade >= raw) return m * decade;
  return 10 * decade;
}

/** A tick on a time axis: where (ms), its label and how the label aligns to it. */
export interface TimeTick {
  ms: number;
  label: string;
  align: 'left' | 'center' | 'right';
}

/** The scope's time ticks: a line every 1, 2, 5, 10 … ms about every 60 px, the last labelled with the unit. */
export function timeTicks(spanMs: number, widthPx: number): TimeTick[] {
  const step = niceStep(spanMs / Math.max(1, widthPx / 60));
  const ticks: TimeTick[] = [];
  for (let i = 0, t = 0; t <= spanMs + 1e-9 && i < MAX_TICKS; i++, t = i * step) {
    const last = t + step > spanMs + 1e-9;
    const label = String(Number(t.toPrecision(3)));
    ticks.push({ ms: t, label: last ? `${label} ms` : label, align: t === 0 ? 'left' : last ? 'right' : 'center' });
  }
  return ticks;
}

/** The spectrum's level lines, `maxDb` down to `minDb`: 20 dB apart where they are 22 px apart, else 40, else as many as MAX_TICKS allows. */
export function levelTicksDb(minDb: number, maxDb: number, heightPx: number): number[] {
  const spanDb = maxDb - minDb;
  const stepDb = Math.max(heightPx / (spanDb / 20) >= 22 ? 20 : 40, spanDb / MAX_TICKS);
  const ticks: number[] = [];
  for (let i = 0, v = maxDb; v >= minDb && i < MAX_TICKS; i++, v = maxDb - i * stepDb) ticks.push(v);
  return ticks;
}

/** A frequency tick's label and where its left edge goes; `label` is empty where it would touch its neighbour. */
export interface FrequencyLabel {
  hz: number;
  label: string;
  left: number;
}

/**
 * The spectrum's frequency labels, placed from the right (the last carries the unit, the
 * first starts at its line, one near the right edge ends there); a label that would come
 * within 4 px of the one to its right is left out (its line stays). `x` maps a frequency to
 * px, `width` measures a label.
 */
export function frequencyLabels(ticksHz: readonly number[], x: (hz: number) => number, rightPx: number, width: (label: string) => number): FrequencyLabel[] {
  let freeRight = Infinity;
  return [...ticksHz].reverse().map((hz, i) => {
    const label = i === 0 ? `${shortHz(hz)} Hz` : shortHz(hz);
    const w = width(label);
    const left = hz === ticksHz[0] ? x(hz) : x(hz) > rightPx - 24 ? rightPx - w : x(hz) - w / 2;
    if (left + w + 4 > freeRight) return { hz, label: '', left };
    freeRight = left;
    return { hz, label, left };
  });
}

/** The scope's full-scale label: "+1", "−0.25", "+0.063" (two significant digits are enough to read a range). */
export function rangeLabel(range: number, sign: 1 | -1): string {
  return `${sign > 0 ? '+' : MINUS}${range >= 0.25 ? String(range) : String(Number(range.toPrecision(2)))}`;
}

/** The scope's vertical axis title: "FS" at full scale, else the range in dB ("FS (−12 dB)"). */
export function rangeTitle(range: number): string {
  return range === 1 ? 'FS' : `FS (${number(20 * Math.log10(range), 0)} dB)`;
}

/**
 * The scope's vertical range when it follows the signal: ±2^-k of full scale, the smallest
 * 6 dB step that holds the peak, down to −60 dBFS (below that there is nothing worth seeing).
 * The first signal sets it at once; later it grows at once and shrinks only after a second
 * below half of it, so it does not flicker.
 */
export class FollowingRange {
  /** ±range of full scale. */
  range = 1;
  #ranged = false;
  #shrinkSince = 0;

  /** Takes a frame's peak (0…1, full scale 1) at time `nowMs`; returns the range to draw. */
  follow(peak: number, nowMs: number): number {
    const wanted = peak > 0 ? Math.min(1, Math.max(2 ** -10, 2 ** Math.ceil(Math.log2(peak)))) : this.range;
    if (!this.#ranged && peak > 0) {
      this.#ranged = true;
      this.range = wanted;
    } else if (wanted > this.range) {
      this.range = wanted;
      this.#shrinkSince = 0;
    } else if (wanted < this.range) {
      if (this.#shrinkSince === 0) this.#shrinkSince = nowMs;
      else if (nowMs - this.#shrinkSince > 1000) {
        this.range = wanted;
        this.#shrinkSince = 0;
      }
    } else {
      this.#shrinkSince = 0;
    }
    return this.range;
  }

  /** Back to full scale, as if no signal had come yet. */
  reset(): void {
    this.range = 1;
    this.#ranged = false;
  }
}

/** The scope's grid over `spanMs`: full scale ±`range` (labelled), half scale (dashed), zero (dashed, darker), and time ticks. */
export function scopeGrid(plot: PlotArea, range: number, spanMs: number): Grid {
  const rows = [1, 0.5, 0, -0.5, -1].map((v) => ({
    y: plot.y + plot.h / 2 - (v * plot.h) / 2,
    label: v === 0 ? '0' : Math.abs(v) === 1 ? rangeLabel(range, v > 0 ? 1 : -1) : '',
    strong: v === 0,
    dashed: Math.abs(v) !== 1,
  }));
  const columns = timeTicks(spanMs, plot.w).map((tick) => ({ x: plot.x + (tick.ms / spanMs) * plot.w, label: tick.label, align: tick.align }));
  return { rows, columns, title: rangeTitle(range) };
}

/** The spectrum's axes: 20 Hz up to `maxHz` on a log scale, −120…0 dB (the analyser's float data, 0 dB a full-scale bin). */
export const SPECTRUM_MIN_HZ = 20;
export const SPECTRUM_MIN_DB = -120;
export const SPECTRUM_MAX_DB = 0;

/** Where a frequency and a level (clamped to the axis) are drawn in `plot`. */
export function spectrumScale(plot: PlotArea, maxHz: number): { x: (hz: number) => number; y: (db: number) => number } {
  const span = SPECTRUM_MAX_DB - SPECTRUM_MIN_DB;
  return {
    x: logFrequencyAxis(SPECTRUM_MIN_HZ, maxHz, plot.x, plot.w),
    y: (db) => plot.y + ((SPECTRUM_MAX_DB - Math.max(SPECTRUM_MIN_DB, Math.min(SPECTRUM_MAX_DB, db))) / span) * plot.h,
  };
}

/** The spectrum's grid: level lines, and frequency ticks (every 1-2-5 step from 420 px wide) with labels that fit (`width` measures one). */
export function spectrumGrid(plot: PlotArea, maxHz: number, width: (label: string) => number): Grid {
  const { x, y } = spectrumScale(plot, maxHz);
  const rows = levelTicksDb(SPECTRUM_MIN_DB, SPECTRUM_MAX_DB, plot.h).map((db) => ({ y: y(db), label: number(db) }));
  const ticks = frequencyTicksHz(plot.w >= 420).filter((f) => f <= maxHz);
  const columns = frequencyLabels(ticks, x, plot.x + plot.w, width).map((l) => ({ x: x(l.hz), label: l.label, align: 'left' as const, labelX: l.left }));
  return { rows, columns, title: 'dB' };
}
