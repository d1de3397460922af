/**
 * Live loudness of A's and B's heard listener and the match that equalizes them.
 *
 * The `headroom-loudness` worklet K-weights every sample of both sides and posts one
 * 400 ms gating block per side every 100 ms (ITU-R BS.1770-4, 75 % overlap); here each side
 * keeps a sliding window of blocks (loudness-window.ts) and its gated loudness. With the
 * match on, the louder side is turned down by the difference, as a ramp of
 * MATCH_RAMP_SECONDS, so corrections are heard as slow level changes, never as steps.
 * Off, both gains return to 0 dB: the default is the physics (docs/architecture.md, "Listening").
 */
import type { IAudioWorkletNode } from 'standardized-audio-context';
import { LoudnessWindow, matchGainsDb } from '../loudness/loudness-window.ts';
import { loudnessOfPower } from '../loudness/bs1770.ts';
import type { EngineContext } from './context-types.ts';
import type { SidePath } from './side-path.ts';
import type { LoudnessReport } from './types.ts';

export const LOUDNESS_PROCESSOR = 'headroom-loudness';
/** Gain changes of the match glide over this time (a hop is 100 ms; slower hides the steps). */
export const MATCH_RAMP_SECONDS = 0.3;

interface LoudnessMessage {
  type: 'loudness';
  frame: number;
  a: number;
  b: number;
}

const isLoudnessMessage = (data: unknown): data is LoudnessMessage =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'loudness';

export class LoudnessMatch {
  private readonly windows = { a: new LoudnessWindow(), b: new LoudnessWindow() };
  private matching = false;
  private last: LoudnessReport = { aLufs: -Infinity, bLufs: -Infinity, offsetDb: 0, aGainDb: 0, bGainDb: 0, matching: false };
  /** Momentary loudness (the latest 400 ms block) of each side, for a live meter. */
  momentary = { aLufs: -Infinity, bLufs: -Infinity };

  constructor(
    private readonly context: EngineContext,
    readonly meter: IAudioWorkletNode<EngineContext>,
    private readonly a: SidePath,
    private readonly b: SidePath,
    private readonly onReport: (report: LoudnessReport) => void,
  ) {
    a.align.connect(meter, 0, 0);
    b.align.connect(meter, 0, 1);
    meter.port.onmessage = (event: MessageEvent) => {
      if (isLoudnessMessage(event.data)) this.add(event.data);
    };
  }

  get report(): LoudnessReport {
    return this.last;
  }

  setMatching(on: boolean): void {
    this.matching = on;
    this.apply();
  }

  /** Forgets the measured blocks (new material): the window refills within a second or two. */
  clear(): void {
    this.windows.a.clear();
    this.windows.b.clear();
  }

  private add(message: LoudnessMessage): void {
    this.windows.a.push(message.a);
    this.windows.b.push(message.b);
    this.momentary = { aLufs: loudnessOfPower(message.a), bLufs: loudnessOfPower(message.b) };
    this.apply();
  }

  private apply(): void {
    const aLufs = this.windows.a.loudness();
    const bLufs = this.windows.b.loudness();
    const gains = matchGainsDb(aLufs, bLufs);
    // In silence (everything gated out) the last offset stays: pausing must not jump the level.
    const offsetDb = gains ? gains.offsetDb : this.last.offsetDb;
    const aGainDb = this.matching ? (gains ? gains.aGainDb : this.last.aGainDb) : 0;
    const bGainDb = this.matching ? (gains ? gains.bGainDb : this.last.bGainDb) : 0;
    const now = this.context.currentTime;
    this.a.matchRamp.to(10 ** (aGainDb / 20), now, MATCH_RAMP_SECONDS);
    this.b.matchRamp.to(10 ** (bGainDb / 20), now, MATCH_RAMP_SECONDS);
    this.last = { aLufs, bLufs, offsetDb, aGainDb, bGainDb, matching: this.matching };
    this.onReport(this.last);
  }

  dispose(): void {
    this.meter.port.onmessage = null;
    this.meter.disconnect();
  }
}
