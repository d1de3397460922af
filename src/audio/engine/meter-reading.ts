/**
 * Turns one chain's processor meters messages (chain-graph onMeters) into per-listener
 * readings: peak and RMS in dB, the simulated SPL, and the clips that reach each listener
 * (`listenerClips`, processor-contract.ts). One reading per message: the processor posts at
 * most 30 a second.
 */
import { listenerClips, type ChainMeters } from '../processor-contract.ts';
import type { ListenerMeters, Side } from './types.ts';

/** How long the clip indicator stays lit after the last clip: long enough to see. */
export const CLIP_HOLD_SECONDS = 0.5;
/** Quietest level a meter reports; silence reads this instead of −Infinity. */
export const METER_FLOOR_DBFS = -150;

const toDb = (linear: number): number => Math.max(METER_FLOOR_DBFS, 20 * Math.log10(linear));

export class MeterReader {
  private totals: number[] = [];
  private lastClipAt: number[] = [];

  constructor(
    readonly side: Side,
    private readonly calibrationDbSpl: () => number,
  ) {}

  /** Starts the clip totals again (a new pair of setups). */
  reset(): void {
    this.totals = [];
    this.lastClipAt = [];
  }

  /**
   * Reads one message into every listener's reading. `nowSeconds` is the context time (for
   * the clip hold); `heard` is the heard listener or −1.
   */
  read(message: ChainMeters, nowSeconds: number, heard: number): ListenerMeters[] {
    return message.listeners.map((channels, i) => {
      const clips = listenerClips(message, i);
      this.totals[i] = (this.totals[i] ?? 0) + clips;
      if (clips > 0) this.lastClipAt[i] = nowSeconds;
      const peak = Math.max(0, ...channels.peak);
      const rms = Math.max(0, ...channels.rms);
      const rmsDbfs = toDb(Math.SQRT2 * rms);
      const last = this.lastClipAt[i];
      return {
        side: this.side,
        listener: i,
        peakDbfs: toDb(peak),
        rmsDbfs,
        splDb: rmsDbfs + this.calibrationDbSpl(),
        clipCount: this.totals[i]!,
        clipping: last !== undefined && nowSeconds - last <= CLIP_HOLD_SECONDS,
        heard: i === heard,
      };
    });
  }
}
