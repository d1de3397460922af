/**
 * The live loudness of one side for the A/B match: BS.1770-4 gated loudness over a sliding
 * window of the latest gating blocks (the meter posts one every 100 ms).
 *
 * Why a sliding window of 10 s rather than the momentary (400 ms) or short-term (3 s)
 * loudness of EBU Tech 3341: A and B play the same material at the same sample position,
 * so their difference is steady even when the music is not, but a longer window keeps the
 * offset from following single drum hits and quiet passages, while still following a new
 * file or a new setup within seconds. Gating drops pauses and fade-outs (−70 LUFS absolute,
 * −10 LU relative), as BS.1770 intends for programme loudness.
 */
import { gatedLoudness } from './bs1770.ts';

export const MATCH_WINDOW_BLOCKS = 100;

export class LoudnessWindow {
  private readonly powers: Float64Array;
  private count = 0;
  private next = 0;

  constructor(readonly capacity: number = MATCH_WINDOW_BLOCKS) {
    this.powers = new Float64Array(capacity);
  }

  push(blockPower: number): void {
    this.powers[this.next] = blockPower > 0 && Number.isFinite(blockPower) ? blockPower : 0;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Gated loudness in LUFS of the blocks in the window; −Infinity when all are gated out. */
  loudness(): number {
    return gatedLoudness(this.count === this.capacity ? this.powers : this.powers.subarray(0, this.count));
  }

  clear(): void {
    this.count = 0;
    this.next = 0;
  }
}

/**
 * The gains that make A and B equally loud. Only the louder side is turned down (by the
 * difference); the quieter side is never raised, so matching can never push the output
 * towards the limiter or raise the listening level (hearing safety first).
 */
export function matchGainsDb(aLufs: number, bLufs: number): { offsetDb: number; aGainDb: number; bGainDb: number } | null {
  if (!Number.isFinite(aLufs) || !Number.isFinite(bLufs)) return null;
  const offsetDb = aLufs - bLufs;
  return { offsetDb, aGainDb: offsetDb > 0 ? -offsetDb : 0, bGainDb: offsetDb < 0 ? offsetDb : 0 };
}
