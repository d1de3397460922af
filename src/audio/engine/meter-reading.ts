/**
 * Turns one chain's processor meters messages (chain-graph onMeters) into per-listener
 * readings: peak and RMS in dB, the simulated SPL, and the clips that reach each listener.
 *
 * The splitter reports every listener's levels; the source and amp report only their clip
 * counts, in their own messages. A listener hears every clip upstream of it, so the clips
 * the source and amp reported since the splitter's previous message are added to each
 * listener's own jack clips (the same rule as meter-totals.ts). One reading per splitter
 * message: the processors post at most 30 a second.
 */
import type { MeterRole, ProcessorMessage } from '../processor-contract.ts';
import type { ListenerMeters, Side } from './types.ts';

type MetersMessage = Extract<ProcessorMessage, { type: 'meters' }>;

/** How long the clip indicator stays lit after the last clip: long enough to see. */
export const CLIP_HOLD_SECONDS = 0.5;
/** Quietest level a meter reports; silence reads this instead of −Infinity. */
export const METER_FLOOR_DBFS = -150;

const toDb = (linear: number): number => Math.max(METER_FLOOR_DBFS, 20 * Math.log10(linear));

export class MeterReader {
  private upstreamClips = 0;
  private totals: number[] = [];
  private lastClipAt: number[] = [];

  constructor(
    readonly side: Side,
    private readonly calibrationDbSpl: () => number,
  ) {}

  /** Starts the clip totals again (a new pair of setups). */
  reset(): void {
    this.upstreamClips = 0;
    this.totals = [];
    this.lastClipAt = [];
  }

  /**
   * Feeds one message; returns the readings when it was the splitter's, else null.
   * `nowSeconds` is the context time (for the clip hold); `heard` is the heard listener or −1.
   */
  read(role: MeterRole, message: MetersMessage, nowSeconds: number, heard: number): ListenerMeters[] | null {
    if (role !== 'splitter') {
      this.upstreamClips += message.clips ?? 0;
      return null;
    }
    const upstream = this.upstreamClips;
    this.upstreamClips = 0;
    return (message.listeners ?? []).map((channels, i) => {
      const clips = upstream + channels.clips;
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
