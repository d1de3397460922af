/**
 * The monitoring path: the signal delayed by a whole number of samples, optionally mixed
 * with the undelayed (direct) signal. Mixing both in equal parts is a comb filter: nulls
 * at fs·(2k + 1)/(2D) for a delay of D samples. One ring buffer per channel, allocated in
 * the constructor for `maxDelaySamples`; no allocation in `process()`.
 */
import type { Samples } from './samples.ts';

export class MonitorDelay {
  private readonly rings: Float64Array[];
  private readonly size: number;
  private write = 0;
  private delay = 0;
  private directGain = 0;
  private delayedGain = 1;

  constructor(maxDelaySamples: number, channelCount: number) {
    if (!(Number.isInteger(maxDelaySamples) && maxDelaySamples >= 0)) throw new RangeError(`maxDelaySamples must be a whole number >= 0 (got ${maxDelaySamples})`);
    this.size = maxDelaySamples + 1;
    this.rings = Array.from({ length: channelCount }, () => new Float64Array(this.size));
  }

  /** delaySamples ≤ maxDelaySamples; directMix 0 = the delayed copy only, 0.5 = both equally. */
  configure(delaySamples: number, directMix: number): void {
    if (!(Number.isInteger(delaySamples) && delaySamples >= 0 && delaySamples < this.size)) {
      throw new RangeError(`delaySamples must be a whole number from 0 to ${this.size - 1} (got ${delaySamples})`);
    }
    if (!(directMix >= 0 && directMix <= 1)) throw new RangeError(`directMix must be from 0 to 1 (got ${directMix})`);
    this.delay = delaySamples;
    this.directGain = directMix;
    this.delayedGain = 1 - directMix;
  }

  /** Channels in place; all channels share the write position, so call once per block with all of them. */
  process(channels: readonly Samples[], length: number): void {
    const size = this.size;
    let write = this.write;
    for (let c = 0; c < channels.length; c++) {
      const ring = this.rings[c]!;
      const data = channels[c]!;
      write = this.write;
      for (let n = 0; n < length; n++) {
        const x = data[n]!;
        ring[write] = x;
        let read = write - this.delay;
        if (read < 0) read += size;
        data[n] = this.directGain * x + this.delayedGain * ring[read]!;
        write = write + 1 === size ? 0 : write + 1;
      }
    }
    this.write = write;
  }
}
