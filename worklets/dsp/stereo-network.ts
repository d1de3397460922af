/**
 * A network for both channels of a chain, with left and right either independent or coupled
 * through shared ground returns (docs/model.md 14.4):
 *
 *   independent:  L' = H·L,  R' = H·R                      (one stereo BiquadCascade)
 *   coupled:      M = (L + R)/2 through H_mid, S = (L − R)/2 through H_side,
 *                 L' = M' + S',  R' = M' − S'               (two mono BiquadCascades)
 *
 * Mid and side diagonalise the coupled pair because the two channels are identical circuits;
 * with H_mid = H_side the two forms are the same filter. New sections within the same form are
 * BiquadCascade's own warm-up and crossfade. A change of form (returns appear or go) runs the
 * incoming form from silence beside the heard one for the warm-up (20 ms), then crossfades
 * over 20 ms on a raised cosine, so the switch is as click-free as a change of sections; a
 * change asked for during a switch waits in a single "latest wins" slot.
 *
 * Independent chains pay one call: the stereo cascade runs as before. No allocation after
 * construction; `setSections` belongs in a plan handler.
 */
import type { BiquadSections } from './analog-to-digital.ts';
import { BiquadCascade } from './biquad-cascade.ts';
import { CROSSFADE, crossfadeBlock, fadeCurve, IDLE, WARMUP } from './crossfade.ts';

export interface StereoNetworkOptions {
  readonly maxSections: number;
  readonly maxBlockLength: number;
  readonly sampleRateHz: number;
  readonly warmupMs?: number;
  readonly crossfadeMs?: number;
}

const STEREO = 0;
const MID_SIDE = 1;

export class StereoNetwork {
  private readonly stereo: BiquadCascade;
  private readonly mid: BiquadCascade;
  private readonly side: BiquadCascade;
  /** Mid and side signals, filtered in place. */
  private readonly midBlock: Float64Array;
  private readonly sideBlock: Float64Array;
  private readonly midChannel: Float64Array[];
  private readonly sideChannel: Float64Array[];
  /** The incoming form's output during a switch, and a copy of the input when filtering in place. */
  private readonly incoming: Float64Array[];
  private readonly inputCopy: Float64Array[];
  private heard = STEREO;
  /** The switch between forms (crossfade.ts); public for crossfadeBlock, not for callers. */
  phase = IDLE;
  position = 0;
  private readonly warmupSamples: number;
  private readonly fadeCurve: Float64Array;
  private pending: { mid: BiquadSections; side: BiquadSections | null } | null = null;

  constructor(options: StereoNetworkOptions) {
    const { maxSections, maxBlockLength, sampleRateHz } = options;
    const cascade = (channelCount: number) =>
      new BiquadCascade({ maxSections, channelCount, maxBlockLength, sampleRateHz, warmupMs: options.warmupMs, crossfadeMs: options.crossfadeMs });
    this.stereo = cascade(2);
    this.mid = cascade(1);
    this.side = cascade(1);
    this.midBlock = new Float64Array(maxBlockLength);
    this.sideBlock = new Float64Array(maxBlockLength);
    this.midChannel = [this.midBlock];
    this.sideChannel = [this.sideBlock];
    this.incoming = [new Float64Array(maxBlockLength), new Float64Array(maxBlockLength)];
    this.inputCopy = [new Float64Array(maxBlockLength), new Float64Array(maxBlockLength)];
    this.warmupSamples = Math.round(((options.warmupMs ?? 20) * sampleRateHz) / 1000);
    this.fadeCurve = fadeCurve(Math.round(((options.crossfadeMs ?? 20) * sampleRateHz) / 1000));
  }

  /** Whether left and right are heard coupled (mid/side form). */
  get coupled(): boolean {
    return this.heard === MID_SIDE;
  }

  /**
   * New sections: `side` null for independent channels (the stereo form with `mid`), else the
   * mid/side form. `immediate` replaces the filters at once with cleared state (before audio).
   */
  setSections(mid: BiquadSections, side: BiquadSections | null, immediate = false): void {
    const form = side === null ? STEREO : MID_SIDE;
    if (immediate) {
      this.phase = IDLE;
      this.pending = null;
      this.heard = form;
      this.load(mid, side, true);
      return;
    }
    if (this.phase === IDLE && this.pending === null && form === this.heard) {
      this.load(mid, side, false);
      return;
    }
    this.pending = { mid, side };
  }

  /** Filters both channels from `sources` (default: in place) into `outputs`. */
  process(outputs: readonly Float64Array[], length: number, sources: readonly Float64Array[] = outputs): void {
    if (this.phase === IDLE && this.pending !== null) this.begin();
    if (this.phase === IDLE) {
      this.run(this.heard, outputs, length, sources);
      return;
    }
    // A switch: both forms run on the same input; the incoming one's output goes to `incoming`.
    let input = sources;
    if (sources[0] === outputs[0] || sources[1] === outputs[1]) {
      for (let c = 0; c < 2; c++) {
        const from = sources[c]!;
        const to = this.inputCopy[c]!;
        for (let i = 0; i < length; i++) to[i] = from[i]!;
      }
      input = this.inputCopy;
    }
    this.run(this.heard, outputs, length, input);
    this.run(1 - this.heard, this.incoming, length, input);
    crossfadeBlock(this, outputs, this.incoming, 2, length, this.warmupSamples, this.fadeCurve);
    if (this.phase === IDLE) this.heard = 1 - this.heard;
  }

  /** Starts a waiting change (process time): another form warms up, the same form just loads. */
  private begin(): void {
    const next = this.pending!;
    this.pending = null;
    const form = next.side === null ? STEREO : MID_SIDE;
    if (form === this.heard) {
      this.load(next.mid, next.side, false);
      return;
    }
    // The incoming form starts from silence with its new sections.
    this.load(next.mid, next.side, true);
    this.phase = this.warmupSamples > 0 ? WARMUP : CROSSFADE;
    this.position = 0;
  }

  private load(mid: BiquadSections, side: BiquadSections | null, immediate: boolean): void {
    if (side === null) {
      this.stereo.setSections(mid, immediate);
    } else {
      this.mid.setSections(mid, immediate);
      this.side.setSections(side, immediate);
    }
  }

  private run(form: number, outputs: readonly Float64Array[], length: number, sources: readonly Float64Array[]): void {
    if (form === STEREO) {
      this.stereo.process(outputs, length, sources);
      return;
    }
    const left = sources[0]!;
    const right = sources[1]!;
    const m = this.midBlock;
    const s = this.sideBlock;
    for (let i = 0; i < length; i++) {
      m[i] = 0.5 * (left[i]! + right[i]!);
      s[i] = 0.5 * (left[i]! - right[i]!);
    }
    this.mid.process(this.midChannel, length);
    this.side.process(this.sideChannel, length);
    const outLeft = outputs[0]!;
    const outRight = outputs[1]!;
    for (let i = 0; i < length; i++) {
      outLeft[i] = m[i]! + s[i]!;
      outRight[i] = m[i]! - s[i]!;
    }
  }
}
