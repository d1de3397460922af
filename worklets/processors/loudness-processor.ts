/**
 * `headroom-loudness`: a live ITU-R BS.1770-4 meter for the A/B loudness match.
 * 2 inputs (input 0: side A's heard listener, input 1: side B's), 0 outputs, stereo each
 * (a mono input counts on both channels, as it is heard on both ears).
 *
 * Every sample is K-weighted (worklets/dsp/k-weighting.ts) — no sample is dropped, unlike
 * polling an AnalyserNode — and every 100 ms, once 400 ms exist, it posts the mean-square
 * power of the latest 400 ms gating block of each input (75 % overlap, BS.1770-4 §2.3,
 * channel weights 1 for left and right):
 *
 *   { type: 'loudness', frame, a, b }      a, b = Σ_channels mean(y²) over the block
 *
 * Gating and the conversion to LUFS happen on the main thread (src/audio/loudness), which
 * keeps the window of blocks the match needs. Allocation-free in process().
 */
import { GatingBlocks, KWeightingFilter } from '../dsp/k-weighting.ts';
import { contextFrame, contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from './worklet-scope.ts';

const CHANNELS = 2;
const SIDES = 2;

export class HeadroomLoudnessProcessor extends ProcessorBase {
  private readonly filters: KWeightingFilter[][];
  private readonly blocks: GatingBlocks[];
  private readonly message = { type: 'loudness', frame: 0, a: 0, b: 0 };
  private readonly silence = new Float32Array(128);

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    const rate = contextSampleRate();
    this.filters = Array.from({ length: SIDES }, () => Array.from({ length: CHANNELS }, () => new KWeightingFilter(rate)));
    this.blocks = Array.from({ length: SIDES }, () => new GatingBlocks(rate));
    this.port.postMessage({ type: 'ready', latencySamples: 0 });
  }

  process(inputs: Float32Array[][]): boolean {
    const first = inputs[0];
    const frames = first && first.length > 0 ? first[0]!.length : inputs[1] && inputs[1].length > 0 ? inputs[1][0]!.length : 128;
    // Split the block at hop boundaries (both sides' hops are aligned: same rate, same start).
    let offset = 0;
    while (offset < frames) {
      const run = Math.min(frames - offset, this.blocks[0]!.remaining);
      let completed = false;
      for (let s = 0; s < SIDES; s++) {
        const input = inputs[s];
        const left = input && input.length > 0 ? input[0]! : this.silence;
        const right = input && input.length > 1 ? input[1]! : left;
        const filters = this.filters[s]!;
        const sum = filters[0]!.sumOfSquares(offset === 0 ? left : left.subarray(offset), run) + filters[1]!.sumOfSquares(offset === 0 ? right : right.subarray(offset), run);
        if (this.blocks[s]!.add(sum, run)) completed = true;
      }
      offset += run;
      if (completed) {
        this.message.frame = contextFrame() + offset;
        this.message.a = this.blocks[0]!.blockPower;
        this.message.b = this.blocks[1]!.blockPower;
        this.port.postMessage(this.message);
      }
    }
    return true;
  }
}
