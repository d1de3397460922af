/**
 * The level meter's scale and words: where a level sits on the −60…0 dBFS bar, its colour
 * zone, and the figures read out for screen readers. <headroom-level-meter> draws them.
 */
import { formatDbfs } from '../text/format.ts';

/** Bottom of the scale, dBFS. */
export const MIN_DBFS = -60;
export const TICKS_DB = [-60, -48, -36, -24, -12, -6, 0];

/** Where `dbfs` sits on the bar, 0 (at or under the bottom, or silence) to 1 (full scale or over). */
export function barFraction(dbfs: number): number {
  if (!(dbfs > MIN_DBFS)) return 0;
  return Math.min(1, (dbfs - MIN_DBFS) / -MIN_DBFS);
}

/** The bar's colour: `over` while the clip light is lit or the peak reaches −0.1 dBFS, `hot` from −6 dBFS. */
export function levelZone(peakDbfs: number, clipLit: boolean): 'safe' | 'hot' | 'over' {
  return clipLit || peakDbfs >= -0.1 ? 'over' : peakDbfs >= -6 ? 'hot' : 'safe';
}

/** "−12.3 dBFS", or "−∞ dBFS" for silence. */
export function levelText(dbfs: number): string {
  return Number.isFinite(dbfs) ? formatDbfs(dbfs) : '−∞ dBFS';
}

/** The meter's value for screen readers: the peak clamped to the scale, to 0.1 dB, and in words. */
export function meterValue(peakDbfs: number, rmsDbfs: number, clipLit: boolean): { now: number; text: string } {
  const now = Number.isFinite(peakDbfs) ? Math.min(0, Math.max(MIN_DBFS, peakDbfs)) : MIN_DBFS;
  return { now: Number(now.toFixed(1)), text: `${levelText(peakDbfs)} peak, ${levelText(rmsDbfs)} RMS${clipLit ? ', clipping' : ''}` };
}

/** The numeric readout's pace (the bar follows every reading), ms. */
export const READOUT_MS = 125;
/** How long the peak hold line stays up, ms. */
export const HOLD_MS = 1500;
/** How long the clip light stays lit after the last clipped block, ms: a one-block clip is not missed. */
export const CLIP_LATCH_MS = 1000;

/**
 * What a meter remembers between readings, with the time given (ms): the peak held for HOLD_MS
 * before it falls to the current one, the clip light latched CLIP_LATCH_MS after the clipping,
 * and the figures written at most every READOUT_MS (at once when the sound starts or stops:
 * a change of text costs a layout).
 */
export class LevelHold {
  holdDbfs = -Infinity;
  clipLit = false;
  readout = { peak: -Infinity, rms: -Infinity };
  #holdUntil = 0;
  #clipUntil = 0;
  #readoutAt = -Infinity;

  /** Takes a reading at `now`; returns when the shown state next changes without a new reading (Infinity: never). */
  read(peakDbfs: number, rmsDbfs: number, clipping: boolean, now: number): number {
    if (now - this.#readoutAt >= READOUT_MS || Number.isFinite(peakDbfs) !== Number.isFinite(this.readout.peak)) {
      this.readout = { peak: peakDbfs, rms: rmsDbfs };
      this.#readoutAt = now;
    }
    if (!(peakDbfs < this.holdDbfs) || now >= this.#holdUntil) {
      this.holdDbfs = peakDbfs;
      this.#holdUntil = now + HOLD_MS;
    }
    if (clipping) this.#clipUntil = now + CLIP_LATCH_MS;
    this.clipLit = clipping || (this.clipLit && now < this.#clipUntil);
    return Math.min(peakDbfs < this.holdDbfs ? this.#holdUntil : Infinity, this.clipLit && !clipping ? this.#clipUntil : Infinity);
  }
}
