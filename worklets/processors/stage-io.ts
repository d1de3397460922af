/**
 * What headroom-source and headroom-amp share around their DSP: picking the stereo input
 * (mono input feeds both channels, no input is silence), writing the output with a
 * finiteness guard, and posting the stage's clip count at the meter rate. Allocation-free.
 */
import { flushBlock } from '../dsp/denormal.ts';
import { MeterClock } from './messages.ts';
import { contextFrame, type WorkletPort } from './worklet-scope.ts';

/** Points `into[0..1]` at the input's channels: mono goes to both, no input is `silence`. */
export function selectStereoInput(inputs: Float32Array[][], silence: Float32Array, into: Float32Array[]): void {
  const input = inputs[0];
  const left = input && input.length > 0 ? input[0]! : silence;
  into[0] = left;
  into[1] = input && input.length > 1 ? input[1]! : left;
}

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
