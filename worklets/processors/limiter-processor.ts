/**
 * `headroom-limiter`: the output safety limiter, 1 input, 1 output, stereo.
 *
 * A brickwall lookahead limiter (worklets/dsp/limiter.ts) with its ceiling fixed at
 * −1 dBFS: it takes no options and no messages, so nothing a setup or the app sends can
 * raise or bypass it (docs/architecture.md, "Listening": the output stays at or below −1 dBFS).
 *
 * Out: { type: 'ready', latencySamples } once;
 *      { type: 'meters', frame, reductionDb } ≤ 30 times a second: the largest gain
 *      reduction since the previous report (0 when idle), for a "limiting" indicator.
 */
import { BrickwallLimiter } from '../dsp/limiter.ts';
import { MeterClock } from './messages.ts';
import { contextFrame, contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from './worklet-scope.ts';

export const LIMITER_CEILING_DBFS = -1;
const CHANNELS = 2;

export class HeadroomLimiterProcessor extends ProcessorBase {
  private readonly limiter: BrickwallLimiter;
  private readonly clock: MeterClock;
  private readonly io: Float32Array[] = [];
  private readonly message = { type: 'meters', frame: 0, reductionDb: 0 };

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    const sampleRateHz = contextSampleRate();
    this.limiter = new BrickwallLimiter({ sampleRateHz, threshold: 10 ** (LIMITER_CEILING_DBFS / 20), channels: CHANNELS });
    this.clock = new MeterClock(sampleRateHz);
    this.port.postMessage({ type: 'ready', latencySamples: this.limiter.latencySamples });
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0];
    if (!out || out.length === 0) return true;
    const length = out[0]!.length;
    const input = inputs[0];
    // Copy the input to the output buffers and limit there (mono input feeds both channels).
    for (let c = 0; c < out.length; c++) {
      const from = input && input.length > 0 ? input[Math.min(c, input.length - 1)]! : null;
      if (from) out[c]!.set(from.length === length ? from : from.subarray(0, length));
      else out[c]!.fill(0);
    }
    this.io.length = 0;
    for (let c = 0; c < out.length && c < CHANNELS; c++) this.io.push(out[c]!);
    this.limiter.process(this.io, length);
    if (this.clock.tick(length)) {
      const gain = this.limiter.takeMinGain();
      this.message.frame = contextFrame();
      this.message.reductionDb = gain < 1 ? -20 * Math.log10(gain) : 0;
      this.port.postMessage(this.message);
    }
    return true;
  }
}
