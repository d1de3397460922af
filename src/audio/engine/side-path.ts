/**
 * One side (A or B) from its chain's listener outputs to the heard bus:
 *
 *   chain.outputs[i] ─ select i ─┐
 *                                ├─ selected ─ align (DelayNode) ─┬─ match (loudness gain) ─ fade (A/B) ─→ heard bus
 *   chain.outputs[k] ─ select k ─┘                                └─→ loudness meter input (A: 0, B: 1)
 *
 * - select gains: 1 for the heard listener, 0 for the others; changing listener is an
 *   equal-gain crossfade (LISTENER_CROSSFADE_SECONDS), as the listeners hear the same
 *   material and are strongly correlated, so their sum keeps its level through the fade.
 * - align: delays this side by the difference between the two chains' latencies, so A
 *   and B reach the switch at the same sample position (an amp adds its oversampling
 *   filters' delay to one chain only).
 * - match: the loudness-match gain (loudness-match.ts); fade: the A/B switch (ab-switch.ts).
 */
import type { IDelayNode, IGainNode } from 'standardized-audio-context';
import type { ChainGraph } from '../chain-graph.ts';
import { asEngineNode, type EngineContext, type EngineNode } from './context-types.ts';
import { ParamRamp } from './param-ramp.ts';
import type { Side } from './types.ts';

/** Listener change: short enough to compare listeners directly, long enough not to click. */
export const LISTENER_CROSSFADE_SECONDS = 0.005;
/** Latency alignment changes glide over this time (a brief, tiny pitch bend instead of a jump). */
export const ALIGN_GLIDE_SECONDS = 0.05;
/** Far above any chain's latency (≈ 2 ms). */
const MAX_ALIGN_SECONDS = 0.1;

export class SidePath {
  readonly selected: IGainNode<EngineContext>;
  readonly align: IDelayNode<EngineContext>;
  readonly match: IGainNode<EngineContext>;
  readonly fade: IGainNode<EngineContext>;
  readonly matchRamp: ParamRamp;
  readonly fadeRamp: ParamRamp;
  private readonly alignRamp: ParamRamp;
  private selects: { node: IGainNode<EngineContext>; ramp: ParamRamp; output: EngineNode }[] = [];
  private heardIndex = 0;

  constructor(
    private readonly context: EngineContext,
    readonly side: Side,
    public chain: ChainGraph,
    heardBus: EngineNode,
    audible: boolean,
  ) {
    this.selected = context.createGain();
    this.align = context.createDelay(MAX_ALIGN_SECONDS);
    this.match = context.createGain();
    this.fade = context.createGain();
    this.alignRamp = new ParamRamp(this.align.delayTime, 0);
    this.matchRamp = new ParamRamp(this.match.gain, 1);
    this.fadeRamp = new ParamRamp(this.fade.gain, audible ? 1 : 0);
    this.selected.connect(this.align).connect(this.match).connect(this.fade).connect(heardBus);
    this.attach(chain.outputs.map(asEngineNode));
  }

  get listener(): number {
    return this.heardIndex;
  }

  get listenerCount(): number {
    return this.selects.length;
  }

  /** Follows the chain's outputs (chain-graph onOutputsChange): new ones get a silent select, gone ones are dropped. */
  attach(outputs: readonly EngineNode[]): void {
    const kept = this.selects.filter((s, i) => outputs[i] === s.output);
    for (const s of this.selects.slice(kept.length)) s.node.disconnect();
    this.selects = kept;
    for (let i = kept.length; i < outputs.length; i++) {
      const node = this.context.createGain();
      const ramp = new ParamRamp(node.gain, i === this.heardIndex ? 1 : 0);
      outputs[i]!.connect(node);
      node.connect(this.selected);
      this.selects.push({ node, ramp, output: outputs[i]! });
    }
  }

  /** Crossfades to listener `index` (checked by the caller) at context time `when`. */
  setListener(index: number, when: number): void {
    if (index === this.heardIndex) return;
    this.heardIndex = index;
    this.selects.forEach((s, i) => s.ramp.to(i === index ? 1 : 0, when, LISTENER_CROSSFADE_SECONDS));
  }

  /** Sets the alignment delay; `glide` false for the first setting, before anything is heard. */
  setAlignSeconds(seconds: number, when: number, glide = true): void {
    if (Math.abs(seconds - this.alignRamp.value) < 1e-9) return;
    this.alignRamp.to(seconds, when, glide ? ALIGN_GLIDE_SECONDS : 0);
  }

  dispose(): void {
    for (const s of this.selects) s.node.disconnect();
    this.selects = [];
    this.selected.disconnect();
    this.align.disconnect();
    this.match.disconnect();
    this.fade.disconnect();
  }
}
