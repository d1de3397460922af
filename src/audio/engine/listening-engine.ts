/**
 * The listening engine: what the app drives to hear setups A and B (docs/architecture.md, "Listening").
 *
 *   material / microphone ─ source bus ─┬─ chain A (chain-graph) ─ side A path ─┐
 *                                        └─ chain B (chain-graph) ─ side B path ─┴─ heard bus ─ output safety ─→ speakers
 *
 * One context, one worklet module, two chains fed by the same source node, so both run at
 * the same sample position all the time; the A/B switch (ab-switch.ts), the listener
 * choice (side-path.ts) and the loudness match (loudness-match.ts) are gains after the
 * chains; the listening level and the −1 dBFS limiter (output-safety.ts) come last.
 * Works on a live AudioContext (the app) and on an OfflineAudioContext (tests).
 *
 * With `b: null` it is one chain alone (an embedded setup, src/embed): no side B, no
 * loudness match; A is heard.
 */
import { AudioContext, AudioWorkletNode, type IAudioWorkletNode, type IGainNode } from 'standardized-audio-context';
import { buildChainGraph, type ChainGraph } from '../chain-graph.ts';
import { CHANNELS } from '../processor-contract.ts';
import { compile, DEFAULT_CALIBRATION_DB_SPL, type Plan } from '../../model/compile.ts';
import type { Setup } from '../../model/setup.ts';
import defaultWorkletUrl from '../worklet-url.ts';
import { switchSide } from './ab-switch.ts';
import { asEngineNode, asGraphContext, type EngineContext } from './context-types.ts';
import { decodeFile } from './decode.ts';
import { LOUDNESS_PROCESSOR, LoudnessMatch } from './loudness-match.ts';
import { MeterReader } from './meter-reading.ts';
import { FEEDBACK_WARNING, openMicrophone, type LiveInput } from './microphone.ts';
import { LIMITER_PROCESSOR, OutputSafety } from './output-safety.ts';
import { CALIBRATION_DB_SPL_RANGE, checkListenerIndex, checkNumberInRange, checkSide, DEFAULT_LISTENING_LEVEL_DB } from './ranges.ts';
import { workletFactory } from './worklet-factory.ts';
import { SidePath } from './side-path.ts';
import { Transport, type LoopRegion } from './transport.ts';
import type { EngineWarning, ListenerMeters, LoudnessReport, Side, SourceMaterial, TransportState } from './types.ts';

/** Above this simulated SPL, long listening harms hearing (docs/architecture.md, "Listening"; WHO/NIOSH 85 dBA). */
export const SAFE_LISTENING_DB_SPL = 85;
export { DEFAULT_CALIBRATION_DB_SPL };

/** The loudness report of an engine of one chain: nothing measured, nothing matched. */
const NO_LOUDNESS: LoudnessReport = { aLufs: -Infinity, bLufs: -Infinity, offsetDb: 0, aGainDb: 0, bGainDb: 0, matching: false };

export interface ListeningEngineOptions {
  a: Setup;
  /** Setup B, or null for one chain alone. */
  b: Setup | null;
  /** SPL that a 0 dBFS sine at a chain's output stands for (default 120 dB SPL). */
  calibrationDbSpl?: number;
  /** Starting listening level, dB ≤ 0 (default −24 dB: start low). */
  listeningLevelDb?: number;
  /** A context to build on (tests pass an OfflineAudioContext); default a new live AudioContext. */
  context?: EngineContext;
  workletUrl?: string;
  /** Per side, every listener's levels, ≤ 30 times a second per side. */
  onMeters?: (meters: ListenerMeters[]) => void;
  /** Every 100 ms of audio: both sides' loudness and the match's offset. */
  onLoudness?: (report: LoudnessReport) => void;
  onTransport?: (state: TransportState) => void;
  onWarning?: (warning: EngineWarning) => void;
  /** The engine moved the heard listener itself (a setup lost the listener that was heard). */
  onListener?: (side: Side, index: number) => void;
  /** A processor rejected a plan or failed: `side A amp: …`. */
  onError?: (message: string) => void;
}

export class ListeningEngine {
  readonly context: EngineContext;
  /** Resolves once both chains have reported their latency and A and B are aligned. */
  readonly ready: Promise<void>;
  private readonly options: ListeningEngineOptions;
  private readonly sourceBus: IGainNode<EngineContext>;
  private readonly safety: OutputSafety;
  private readonly paths: { A: SidePath; B: SidePath | null };
  private readonly meters: Record<Side, MeterReader>;
  private readonly latencies: Record<Side, number | null> = { A: null, B: null };
  /** Null with one chain: there is nothing to match. */
  private readonly match: LoudnessMatch | null;
  private readonly transport: Transport;
  private microphone: LiveInput | null = null;
  private heardSide: Side = 'A';
  private calibration: number;
  private setups: { a: Setup; b: Setup | null };
  private aligned = false;
  private resolveReady: () => void = () => undefined;
  private loud = false;
  private disposed = false;

  private constructor(context: EngineContext, options: ListeningEngineOptions) {
    this.context = context;
    this.options = options;
    this.calibration = checkNumberInRange('calibrationDbSpl', options.calibrationDbSpl ?? DEFAULT_CALIBRATION_DB_SPL, CALIBRATION_DB_SPL_RANGE, 'dB SPL');
    this.setups = { a: options.a, b: options.b };
    const plans = this.compilePair(options.a, options.b);
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));

    const limiter = this.workletNode(LIMITER_PROCESSOR, 1, 1);
    this.safety = new OutputSafety(context, limiter, options.listeningLevelDb ?? DEFAULT_LISTENING_LEVEL_DB);
    this.sourceBus = context.createGain();
    this.meters = { A: new MeterReader('A', () => this.calibration), B: new MeterReader('B', () => this.calibration) };
    this.paths = {
      A: new SidePath(context, 'A', this.buildChain('A', plans.a), this.safety.heard, true),
      B: plans.b ? new SidePath(context, 'B', this.buildChain('B', plans.b), this.safety.heard, false) : null,
    };
    const b = this.paths.B;
    this.match = b ? new LoudnessMatch(context, this.workletNode(LOUDNESS_PROCESSOR, 2, 0), this.paths.A, b, (report) => options.onLoudness?.(report)) : null;
    this.transport = new Transport(context, this.sourceBus, () => this.emitTransport());
  }

  /** Loads the worklets and builds the graph. Call `start()` from a user gesture to hear it. */
  static async create(options: ListeningEngineOptions): Promise<ListeningEngine> {
    const context = options.context ?? (new AudioContext({ latencyHint: 'interactive' }) as EngineContext);
    try {
      await context.audioWorklet!.addModule(options.workletUrl ?? defaultWorkletUrl);
      return new ListeningEngine(context, options);
    } catch (error) {
      // A context we made and cannot use must not linger (browsers cap live contexts).
      if (!options.context && 'close' in context) await context.close().catch(() => undefined);
      throw error;
    }
  }

  private workletNode(name: string, inputs: number, outputs: number): IAudioWorkletNode<EngineContext> {
    const node = new AudioWorkletNode!(this.context, name, {
      numberOfInputs: inputs,
      numberOfOutputs: outputs,
      outputChannelCount: Array.from({ length: outputs }, () => CHANNELS),
      channelCount: CHANNELS,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
    });
    node.onprocessorerror = () => this.options.onError?.(`${name}: processor error`);
    return node;
  }

  private compilePair(a: Setup, b: Setup | null): { a: Plan; b: Plan | null } {
    const rate = this.context.sampleRate;
    const options = { calibrationDbSpl: this.calibration };
    return { a: compile(a, rate, options), b: b ? compile(b, rate, options) : null };
  }

  private buildChain(side: Side, plan: Plan): ChainGraph {
    const chain = buildChainGraph({
      context: asGraphContext(this.context),
      createWorkletNode: workletFactory,
      plan,
      onLatency: (samples) => this.onLatency(side, samples),
      onMeters: (message) => {
        const path = this.paths?.[side];
        const heard = path && this.heardSide === side ? path.listener : -1;
        this.onReadings(this.meters[side].read(message, this.context.currentTime, heard));
      },
      onError: (role, message) => this.options.onError?.(`side ${side} ${role}: ${message}`),
      onOutputsChange: (outputs) => this.paths?.[side]?.attach(outputs.map(asEngineNode)),
    });
    this.sourceBus.connect(asEngineNode(chain.input));
    return chain;
  }

  private onReadings(readings: ListenerMeters[]): void {
    this.options.onMeters?.(readings);
    const heard = readings.find((r) => r.heard);
    if (!heard) return;
    const loud = heard.splDb > SAFE_LISTENING_DB_SPL;
    if (loud && !this.loud) {
      this.options.onWarning?.({ kind: 'loud', message: `The simulated level is ${heard.splDb.toFixed(0)} dB SPL, above ${SAFE_LISTENING_DB_SPL} dB SPL: long listening at this level harms hearing.` });
    }
    this.loud = loud;
  }

  /** Delays the chain with less latency so both reach the switch at the same sample. */
  private onLatency(side: Side, samples: number): void {
    this.latencies[side] = samples;
    if (!this.paths) return;
    const { A } = this.latencies;
    const B = this.paths.B ? this.latencies.B : A;
    if (A === null || B === null) return;
    const most = Math.max(A, B);
    const now = this.context.currentTime;
    this.paths.A.setAlignSeconds((most - A) / this.context.sampleRate, now, this.aligned);
    this.paths.B?.setAlignSeconds((most - B) / this.context.sampleRate, now, this.aligned);
    if (!this.aligned) {
      this.aligned = true;
      this.resolveReady();
    }
  }

  // ── Context ────────────────────────────────────────────────────────────────

  /** Resumes audio. Browsers allow this only in a user gesture (a click or key press). */
  async start(): Promise<void> {
    const context = this.context;
    if ('resume' in context && context.state !== 'running') await context.resume();
  }

  async suspend(): Promise<void> {
    const context = this.context;
    if ('suspend' in context && context.state === 'running') await context.suspend();
  }

  // ── Setups ─────────────────────────────────────────────────────────────────

  get pair(): { a: Setup; b: Setup | null } {
    return this.setups;
  }

  /**
   * New setups for A and B, applied live (chain-graph ramps and crossfades every change).
   * An engine of one chain takes one setup (b null), an engine of two takes two.
   */
  setPair(a: Setup, b: Setup | null): void {
    this.assertLive();
    if ((b === null) !== (this.paths.B === null)) {
      throw new Error(this.paths.B ? 'setup B is missing: this engine plays two chains' : 'this engine plays one chain: it takes no setup B');
    }
    const plans = this.compilePair(a, b);
    this.setups = { a, b };
    this.paths.A.chain.update(plans.a);
    if (plans.b) this.paths.B?.chain.update(plans.b);
    // The measured loudness was of the old setups: measure afresh (the offset stays until new blocks arrive).
    this.match?.clear();
    for (const [side, plan] of [['A', plans.a], ['B', plans.b]] as const) {
      const path = this.paths[side];
      if (!path || !plan) continue;
      this.meters[side].reset();
      if (path.listener >= plan.listeners.length) {
        const index = plan.listeners.length - 1;
        path.setListener(index, this.context.currentTime);
        this.options.onListener?.(side, index);
      }
    }
  }

  get calibrationDbSpl(): number {
    return this.calibration;
  }

  setCalibrationDbSpl(dbSpl: number): void {
    this.calibration = checkNumberInRange('calibrationDbSpl', dbSpl, CALIBRATION_DB_SPL_RANGE, 'dB SPL');
    this.setPair(this.setups.a, this.setups.b);
  }

  // ── A/B and listeners ──────────────────────────────────────────────────────

  get side(): Side {
    return this.heardSide;
  }

  /** Crossfades (5 ms, equal-gain) to `side` at context time `when` (default now). */
  setSide(side: Side, when = this.context.currentTime): void {
    this.assertLive();
    const b = this.pathOf(side) && this.paths.B;
    this.heardSide = side;
    if (b) switchSide(this.paths.A, b, side, when);
  }

  /** The path of `side`; throws for B on an engine of one chain. */
  private pathOf(side: Side): SidePath {
    const path = this.paths[checkSide(side)];
    if (!path) throw new Error('side B does not exist: this engine plays one chain');
    return path;
  }

  listener(side: Side): number {
    return this.pathOf(side).listener;
  }

  listenerCount(side: Side): number {
    this.pathOf(side);
    return (side === 'A' ? this.setups.a : this.setups.b!).headphones.length;
  }

  /** Which listener of `side` is heard; out of range throws (never clamps). */
  setListener(side: Side, index: number, when = this.context.currentTime): void {
    this.assertLive();
    checkSide(side);
    checkListenerIndex(side, index, this.listenerCount(side));
    const path = this.pathOf(side);
    if (index !== path.listener) this.match?.clear();
    path.setListener(index, when);
  }

  // ── Loudness ───────────────────────────────────────────────────────────────

  setMatchLoudness(on: boolean): void {
    this.match?.setMatching(on);
  }

  get loudness(): LoudnessReport {
    return this.match?.report ?? NO_LOUDNESS;
  }

  // ── Safety and analysis ────────────────────────────────────────────────────

  get listeningLevelDb(): number {
    return this.safety.listeningLevelDb;
  }

  /** dB from −80 to 0, ramped over 50 ms; out of range throws. */
  setListeningLevelDb(db: number): void {
    this.safety.setListeningLevelDb(db);
  }

  /** Gain reduction of the output limiter in its latest report (0 when it is not acting). */
  get limiterReductionDb(): number {
    return this.safety.limiterReductionDb;
  }

  /** The heard signal before the listening level and the limiter: the simulated waveform, clipping included. */
  get analyser(): OutputSafety['analyser'] {
    return this.safety.analyser;
  }

  // ── Sources and transport ──────────────────────────────────────────────────

  get material(): SourceMaterial | null {
    return this.transport.current;
  }

  /** Plays `material` from its start (stops a live input); keeps playing if it was. */
  setMaterial(material: SourceMaterial): void {
    this.assertLive();
    this.stopMicrophone();
    this.transport.load(material);
    this.match?.clear();
    this.emitTransport();
  }

  /** Decodes a file; rejects with `Cannot decode "name": …` and leaves the current material alone. */
  decodeFile(data: ArrayBuffer, name: string): Promise<SourceMaterial> {
    return decodeFile(this.context, data, name);
  }

  /** Switches to the microphone/line input; resolves with the feedback warning to show. */
  async useMicrophone(): Promise<EngineWarning> {
    this.assertLive();
    const input = await openMicrophone(this.context, this.sourceBus);
    this.stopMicrophone();
    this.transport.unload();
    this.microphone = input;
    this.match?.clear();
    const warning: EngineWarning = { kind: 'feedback', message: FEEDBACK_WARNING };
    this.options.onWarning?.(warning);
    this.emitTransport();
    return warning;
  }

  stopMicrophone(): void {
    if (!this.microphone) return;
    this.microphone.stop();
    this.microphone = null;
    this.emitTransport();
  }

  play(when?: number): void {
    this.transport.play(when);
    this.emitTransport();
  }

  pause(): void {
    this.transport.pause();
    this.emitTransport();
  }

  seek(seconds: number): void {
    this.transport.seek(seconds);
    this.emitTransport();
  }

  get loop(): boolean {
    return this.transport.loop;
  }

  set loop(on: boolean) {
    this.transport.loop = on;
    this.emitTransport();
  }

  /** Loops a stretch (seconds) while looping is on; null loops the whole material. */
  setLoopRegion(region: LoopRegion | null): void {
    this.transport.setLoopRegion(region);
    this.emitTransport();
  }

  get position(): number {
    return this.microphone ? 0 : this.transport.position;
  }

  get duration(): number {
    return this.microphone ? Infinity : this.transport.duration;
  }

  get playing(): boolean {
    return this.microphone !== null || this.transport.playing;
  }

  get transportState(): TransportState {
    return {
      playing: this.playing,
      loop: this.loop,
      position: this.position,
      duration: this.duration,
      input: this.microphone ? 'microphone' : this.transport.current ? 'material' : 'none',
    };
  }

  private emitTransport(): void {
    this.options.onTransport?.(this.transportState);
  }

  // ── Lifetime ───────────────────────────────────────────────────────────────

  /** Sum of each chain's processor latency in samples (null until reported). */
  latencySamples(side: Side): number | null {
    return this.latencies[checkSide(side)];
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('the listening engine is disposed');
  }

  /** Stops everything and releases every node; closes the context if the engine made it. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.stopMicrophone();
    this.transport.dispose();
    this.match?.dispose();
    for (const path of [this.paths.A, this.paths.B]) {
      path?.chain.dispose();
      path?.dispose();
    }
    this.sourceBus.disconnect();
    this.safety.dispose();
    const context = this.context;
    if (!this.options.context && 'close' in context && context.state !== 'closed') await context.close();
  }
}
