/**
 * `headroom-chain`: a whole chain in one node. 1 input (digital samples, stereo), N outputs
 * (N = plan.listeners.length, 1…8), 2 channels each:
 *
 *   x ─ source stage ─ [amp stage] ─ splitter stage ═ one acoustic output per listener
 *
 * The stages (source-stage.ts, amp-stage.ts, splitter-stage.ts) run one after the other in
 * one process() call, with Float64 buffers between them. One node instead of three saves
 * the host's per-node cost of every render quantum (docs/decisions.md, "One node per
 * chain"). The three-node chain it replaced is kept under tests/processors/reference as the
 * reference it is checked against (equal to within the Float32 rounding between its nodes).
 *
 * A plan message keeps the chain's shape: the same listener count and the amp present or
 * absent as before (the graph builds a new node for a new shape).
 *
 * Meters, ≤ 30 per second: { type: 'meters', frame, sourceClips, ampClips, listeners:
 * [{ peak: [l, r], rms: [l, r], clips }] }: base-rate samples the source and the amp
 * clipped since the previous report, and each listener's levels and jack clips.
 */
import type { Plan } from '../../src/model/compile.ts';
import { ampSettings, AmpStage, type AmpSettings } from './amp-stage.ts';
import { listenForPlans, MeterClock, OPTIONS_ROOT } from './messages.ts';
import { PlanChecker } from './plan-check.ts';
import { sourceSettings, SourceStage, type SourceSettings } from './source-stage.ts';
import { listenerSettings, SplitterStage, type ListenerReport, type ListenerSettings } from './splitter-stage.ts';
import { selectStereoInput } from './stage-io.ts';
import { contextFrame, contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from './worklet-scope.ts';

const NAME = 'headroom-chain';
const BLOCK = 128;
const CHANNELS = 2;

interface ChainSettings {
  source: SourceSettings;
  amp: AmpSettings | null;
  listeners: ListenerSettings[];
}

function chainSettings(checker: PlanChecker, value: unknown, sampleRateHz: number): ChainSettings {
  const plan: Plan = checker.plan(value, sampleRateHz);
  const source = sourceSettings(checker, plan, sampleRateHz);
  const amp = plan.amp === null ? null : ampSettings(checker, plan);
  return { source, amp, listeners: listenerSettings(checker, plan, sampleRateHz) };
}

export class HeadroomChainProcessor extends ProcessorBase {
  readonly latencySamples: number;
  /** Set by a { type: 'release' } message: process() returns false from then on. */
  private released = false;
  private readonly source: SourceStage;
  private readonly amp: AmpStage | null;
  private readonly splitter: SplitterStage;
  private readonly sourceOut: Float64Array[] = [];
  /** The host's input as Float64 (see `widen`). */
  private readonly wideInput: Float64Array[] = [new Float64Array(BLOCK), new Float64Array(BLOCK)];
  private readonly ampOut: Float64Array[] = [];
  private readonly inputs: Float32Array[];
  private readonly silence = new Float32Array(BLOCK);
  private readonly clock: MeterClock;
  private readonly meters: { type: string; frame: number; sourceClips: number; ampClips: number; listeners: readonly ListenerReport[] };

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    const sampleRateHz = contextSampleRate();
    const checker = new PlanChecker(NAME, OPTIONS_ROOT);
    let settings: ChainSettings;
    try {
      settings = chainSettings(checker, options?.processorOptions && (options.processorOptions as { plan?: unknown }).plan, sampleRateHz);
      const outputs = options?.numberOfOutputs ?? 1;
      if (outputs !== settings.listeners.length) {
        checker.fail(`${OPTIONS_ROOT}.listeners has ${settings.listeners.length} entries but the node has ${outputs} outputs (numberOfOutputs must equal the listener count)`);
      }
    } catch (error) {
      // Browsers report a constructor that throws only as "invoking user-supplied constructor
      // failed"; the port carries the message that names the field (chain-graph.ts prefers it).
      this.port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    this.source = new SourceStage(sampleRateHz, CHANNELS, BLOCK, settings.source);
    this.amp = settings.amp && new AmpStage(sampleRateHz, CHANNELS, BLOCK, settings.amp);
    this.splitter = new SplitterStage(sampleRateHz, settings.listeners);
    this.latencySamples = this.source.latencySamples + (this.amp?.latencySamples ?? 0) + this.splitter.latencySamples;
    for (let c = 0; c < CHANNELS; c++) {
      this.sourceOut.push(new Float64Array(BLOCK));
      this.ampOut.push(new Float64Array(BLOCK));
    }
    this.inputs = [this.silence, this.silence];
    this.clock = new MeterClock(sampleRateHz);
    this.meters = { type: 'meters', frame: 0, sourceClips: 0, ampClips: 0, listeners: this.splitter.reports };

    listenForPlans(this.port, NAME, (messageChecker, value) => {
      const next = chainSettings(messageChecker, value, sampleRateHz);
      const root = messageChecker.root;
      if ((next.amp === null) !== (this.amp === null)) {
        messageChecker.fail(`${root}.amp is ${next.amp === null ? 'null but this chain has an amp' : 'an amp but this chain has none'}; create a new headroom-chain when the amp comes or goes`);
      }
      if (next.listeners.length !== this.splitter.listenerCount) {
        messageChecker.fail(`${root}.listeners has ${next.listeners.length} entries but this node has ${this.splitter.listenerCount} outputs; create a new headroom-chain for a different listener count`);
      }
      this.source.set(next.source);
      if (next.amp) this.amp?.set(next.amp);
      this.splitter.set(next.listeners);
    }, () => (this.released = true));
    this.port.postMessage({ type: 'ready', latencySamples: this.latencySamples });
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.released) return false;
    const first = outputs[0];
    if (!first || first.length === 0) return true;
    const length = Math.min(first[0]!.length, BLOCK);
    selectStereoInput(inputs, this.silence, this.inputs);
    widen(this.inputs, this.wideInput, length);
    this.meters.sourceClips += this.source.process(this.wideInput, this.sourceOut, length);
    let emf = this.sourceOut;
    if (this.amp) {
      this.meters.ampClips += this.amp.process(this.sourceOut, this.ampOut, length);
      emf = this.ampOut;
    }
    this.splitter.processClean(emf, outputs, length);
    if (this.clock.tick(length)) {
      this.splitter.takeReports();
      this.meters.frame = contextFrame();
      this.port.postMessage(this.meters);
      this.meters.sourceClips = 0;
      this.meters.ampClips = 0;
    }
    return true;
  }
}

/**
 * Copies the host's Float32 input into Float64 buffers, so that every stage reads only the
 * chain's own Float64Arrays. node-web-audio-api hands process() Float32Arrays that are not
 * plain ones: it marks them untransferable, which gives them another hidden class (V8's
 * %HaveSameMap says so), and the ClipSection loop that reads them also reads the amp's
 * Float64Arrays. Measured in Node renders of the bench chain: the two ClipSections' profile
 * share fell from 106 to 61 ms in a 30 s render, and the render from 0.616 to 0.560 s
 * (median of 6 alternating pairs). This one loop sees only the host's arrays.
 */
function widen(from: readonly Float32Array[], to: readonly Float64Array[], length: number): void {
  for (let c = 0; c < to.length; c++) {
    const source = from[c]!;
    const target = to[c]!;
    for (let i = 0; i < length; i++) target[i] = source[i]!;
  }
}
