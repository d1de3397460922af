/**
 * What the reference headroom-source and headroom-amp share around their DSP: writing the
 * output with a finiteness guard, and posting the stage's clip count at the meter rate.
 * Allocation-free.
 */
import { flushBlock } from '../../../worklets/dsp/denormal.ts';
import { MeterClock } from '../../../worklets/processors/messages.ts';
import { contextFrame, type WorkletPort } from '../../../worklets/processors/worklet-scope.ts';

/** Copies the stereo work buffers to the output (one channel: left only), guarding finiteness. */
export function writeOutput(work: readonly Float64Array[], out: Float32Array[], length: number): void {
  for (let c = 0; c < out.length && c < work.length; c++) {
    const from = work[c]!;
    const to = out[c]!;
    for (let i = 0; i < length; i++) to[i] = from[i]!;
    if (!flushBlock(to, length)) to.fill(0, 0, length);
  }
}

/** Accumulates a stage's clip count and posts `{ type: 'meters', frame, clips }` at most METER_RATE_HZ a second. */
export class StageMeters {
  private readonly clock: MeterClock;
  /** Reused for every post (the port clones it). */
  private readonly message = { type: 'meters', frame: 0, clips: 0 };
  private clips = 0;

  constructor(sampleRateHz: number) {
    this.clock = new MeterClock(sampleRateHz);
  }

  add(clips: number): void {
    this.clips += clips;
  }

  afterBlock(length: number, port: WorkletPort): void {
    if (!this.clock.tick(length)) return;
    this.message.frame = contextFrame();
    this.message.clips = this.clips;
    this.clips = 0;
    port.postMessage(this.message);
  }
}
