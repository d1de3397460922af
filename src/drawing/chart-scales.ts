/**
 * The charts' scales and ticks as plain numbers: which frequencies get a tick, the level,
 * |Z| and phase windows of the uPlot charts, the oscilloscope's time ticks and its range
 * that follows the signal. The views (src/ui/views) only paint what these say.
 */
import { MINUS, number } from '../text/format.ts';

/** Ticks on a 20 Hz–20 kHz log axis: every 1-2-5 step, or only the decades on a narrow plot. */
export function frequencyTicksHz(wide: boolean): number[] {
  return wide ? [20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000] : [20, 100, 1000, 10_000];
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
