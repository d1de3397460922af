/**
 * The input engine: hears the input side of an audio interface (issue 7) — a guitar pickup
 * loaded by its cable and input, a microphone channel with phantom power, preamp noise and
 * a converter, and monitoring with the round-trip latency — as two chains A and B:
 *
 *   material / microphone ─ source bus ─┬─ chain A (input-chain.ts) ─┐
 *                                        └─ chain B (input-chain.ts) ─┴─ heard bus ─ output safety ─→ speakers
 *
 * One context (standardized-audio-context), one worklet module (worklets/input.worklet.ts:
 * the three input processors and the output limiter), both chains fed by the same source
 * node, so they run at the same sample position; the A/B switch is a 5 ms equal-gain
 * crossfade of the chains' fade gains. Output safety is the listening engine's own
 * (engine/output-safety.ts): a listening level that starts at −24 dB and the −1 dBFS
 * `headroom-limiter`, the only node connected to the destination.
 *
 * Every change is live: a new input choice (phantom power, condenser or dynamic, input
 * type, gain …) is compiled with the model (`compileInput`) and posted to the processors.
 * Works on a live AudioContext (the panel) and on an OfflineAudioContext (tests).
 */
import { AudioContext, AudioWorkletNode, type IGainNode } from 'standardized-audio-context';
import { compileInput, DEFAULT_CALIBRATION_DB_SPL, type InputPlan } from '../../model/input/plan.ts';
import type { InputSetup } from '../../model/input/contract.ts';
import { AB_CROSSFADE_SECONDS } from '../engine/ab-switch.ts';
import type { EngineContext } from '../engine/context-types.ts';
import { FEEDBACK_WARNING, openMicrophone, type LiveInput } from '../engine/microphone.ts';
import { LIMITER_PROCESSOR, OutputSafety } from '../engine/output-safety.ts';
import { CALIBRATION_DB_SPL_RANGE, checkNumberInRange, checkSide, DEFAULT_LISTENING_LEVEL_DB } from '../engine/ranges.ts';
import { Transport } from '../engine/transport.ts';
import type { Side, SourceMaterial, TransportState } from '../engine/types.ts';
import { CHANNELS } from '../processor-contract.ts';
import defaultWorkletUrl from '../input-worklet-url.ts';
import { InputChain, maxMonitorSamples, MAX_MONITOR_SECONDS, MONITOR_DIRECT_MIX, type InputPath, type MonitorSetting } from './input-chain.ts';

/** What one side plays: a valid `input` section and which of its paths is heard. */
export interface InputChoice {
  input: InputSetup;
  path: InputPath;
}

export interface InputEngineOptions {
  a: InputChoice;
  b: InputChoice;
  /** SPL that a 0 dBFS sine of material stands for on the microphone path (default 120 dB SPL). */
  calibrationDbSpl?: number;
  /** Starting listening level, dB ≤ 0 (default −24 dB: start low). */
  listeningLevelDb?: number;
  /** Start with monitoring (direct + delayed by the monitoring latency) on; default off. */
  monitoring?: boolean;
  /** A context to build on (tests pass an OfflineAudioContext); default a new live AudioContext. */
  context?: EngineContext;
  workletUrl?: string;
  onTransport?: (state: TransportState) => void;
  /** A processor rejected a plan or failed: `side A converter: …`. */
  onError?: (message: string) => void;
}

export class InputEngine {
  readonly context: EngineContext;
  /** Resolves once the chains' processors have reported their latency. */
  readonly ready: Promise<void>;
  private readonly options: InputEngineOptions;
  private readonly sourceBus: IGainNode<EngineContext>;
  private readonly safety: OutputSafety;
  private readonly chains: Record<Side, InputChain>;
  private readonly transport: Transport;
  private readonly calibration: number;
  private choices: { a: InputChoice; b: InputChoice };
  private heardSide: Side = 'A';
  private monitoringOn: boolean;
  private microphone: LiveInput | null = null;
  private disposed = false;

  private constructor(context: EngineContext, options: InputEngineOptions) {
    this.context = context;
    this.options = options;
    this.calibration = checkNumberInRange('calibrationDbSpl', options.calibrationDbSpl ?? DEFAULT_CALIBRATION_DB_SPL, CALIBRATION_DB_SPL_RANGE, 'dB SPL');
    this.monitoringOn = options.monitoring ?? false;
    const plans = { a: this.compile('A', options.a), b: this.compile('B', options.b) };
    this.choices = { a: options.a, b: options.b };

    const limiter = new AudioWorkletNode!(context, LIMITER_PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [CHANNELS],
      channelCount: CHANNELS,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
    });
    limiter.onprocessorerror = () => options.onError?.(`${LIMITER_PROCESSOR}: processor error`);
    this.safety = new OutputSafety(context, limiter, options.listeningLevelDb ?? DEFAULT_LISTENING_LEVEL_DB);
    this.sourceBus = context.createGain();

    let reported = 0;
    let resolveReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => (resolveReady = resolve));
    const onLatency = () => {
      if (++reported === 2) resolveReady();
    };
    const onError = (message: string) => options.onError?.(message);
    const chain = (side: Side, choice: InputChoice, plan: InputPlan) =>
      new InputChain(context, side, plan, choice.path, this.monitorSetting(plan), this.safety.heard, side === 'A', onError, onLatency);
    this.chains = { A: chain('A', options.a, plans.a), B: chain('B', options.b, plans.b) };
    for (const side of ['A', 'B'] as const) this.sourceBus.connect(this.chains[side].input);
    this.transport = new Transport(context, this.sourceBus, () => this.emitTransport());
  }

  /** Loads the input worklet module and builds the graph. Call `start()` from a user gesture to hear it. */
  static async create(options: InputEngineOptions): Promise<InputEngine> {
    const context = options.context ?? (new AudioContext({ latencyHint: 'interactive' }) as EngineContext);
    try {
      await context.audioWorklet!.addModule(options.workletUrl ?? defaultWorkletUrl);
      return new InputEngine(context, options);
    } catch (error) {
      if (!options.context && 'close' in context) await context.close().catch(() => undefined);
      throw error;
    }
  }

  /** The plan for `choice` at this context's rate; throws a RangeError for a choice the chain cannot play. */
  private compile(side: Side, choice: InputChoice): InputPlan {
    if (choice.path !== 'instrument' && choice.path !== 'microphone') {
      throw new RangeError(`side ${side}: path must be "instrument" or "microphone" (got ${JSON.stringify(choice.path)})`);
    }
    if (choice.path === 'instrument' && choice.input.instrument == null) throw new RangeError(`side ${side}: the instrument path needs input.instrument`);
    if (choice.path === 'microphone' && choice.input.microphone == null) throw new RangeError(`side ${side}: the microphone path needs input.microphone`);
    const plan = compileInput(choice.input, this.context.sampleRate, this.calibration);
    const max = maxMonitorSamples(this.context.sampleRate);
    if (plan.monitor && plan.monitor.delaySamples > max) {
      throw new RangeError(`side ${side}: the monitoring latency must be at most ${MAX_MONITOR_SECONDS} s (${max} samples) to be heard here (got ${plan.monitor.delaySamples} samples)`);
    }
    return plan;
  }

  private monitorSetting(plan: InputPlan): MonitorSetting {
    if (!this.monitoringOn) return { delaySamples: 0, directMix: 0 };
    return { delaySamples: plan.monitor?.delaySamples ?? 0, directMix: MONITOR_DIRECT_MIX };
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

  // ── Choices ────────────────────────────────────────────────────────────────

  get pair(): { a: InputChoice; b: InputChoice } {
    return this.choices;
  }

  /** The plan each side runs now (compiled at the context's rate). */
  plan(side: Side): InputPlan {
    return compileInput(this.choices[checkSide(side) === 'A' ? 'a' : 'b'].input, this.context.sampleRate, this.calibration);
  }

  /** New choices for A and B, applied live at context time `when` (default now). Both are checked before either is applied. */
  setPair(a: InputChoice, b: InputChoice, when = this.context.currentTime): void {
    this.assertLive();
    const plans = { A: this.compile('A', a), B: this.compile('B', b) };
    this.choices = { a, b };
    this.chains.A.update(plans.A, a.path, this.monitorSetting(plans.A), when);
    this.chains.B.update(plans.B, b.path, this.monitorSetting(plans.B), when);
  }

  setChoice(side: Side, choice: InputChoice, when = this.context.currentTime): void {
    if (checkSide(side) === 'A') this.setPair(choice, this.choices.b, when);
    else this.setPair(this.choices.a, choice, when);
  }

  // ── A/B and monitoring ─────────────────────────────────────────────────────

  get side(): Side {
    return this.heardSide;
  }

  /** Crossfades (5 ms, equal-gain) to `side` at context time `when` (default now). */
  setSide(side: Side, when = this.context.currentTime): void {
    this.assertLive();
    this.heardSide = checkSide(side);
    this.chains.A.fadeRamp.to(side === 'A' ? 1 : 0, when, AB_CROSSFADE_SECONDS);
    this.chains.B.fadeRamp.to(side === 'B' ? 1 : 0, when, AB_CROSSFADE_SECONDS);
  }

  get monitoring(): boolean {
    return this.monitoringOn;
  }

  /**
   * Monitoring on: each side hears its signal and the same signal delayed by the model's
   * monitoring latency, in equal parts — the comb filter a performer hears. Off: the signal alone.
   */
  setMonitoring(on: boolean, when = this.context.currentTime): void {
    this.assertLive();
    this.monitoringOn = on;
    this.setPair(this.choices.a, this.choices.b, when);
  }

  // ── Safety ─────────────────────────────────────────────────────────────────

  get listeningLevelDb(): number {
    return this.safety.listeningLevelDb;
  }

  /** dB from −80 to 0, ramped over 50 ms; out of range throws. */
  setListeningLevelDb(db: number): void {
    this.safety.setListeningLevelDb(db);
  }

  get limiterReductionDb(): number {
    return this.safety.limiterReductionDb;
  }

  /** The heard signal before the listening level and the limiter. */
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
    this.emitTransport();
  }

  /** Switches to the microphone (use it with the microphone path); resolves with the feedback warning to show. */
  async useMicrophone(): Promise<string> {
    this.assertLive();
    const input = await openMicrophone(this.context, this.sourceBus);
    this.stopMicrophone();
    this.transport.unload();
    this.microphone = input;
    this.emitTransport();
    return FEEDBACK_WARNING;
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

  get loop(): boolean {
    return this.transport.loop;
  }

  set loop(on: boolean) {
    this.transport.loop = on;
    this.emitTransport();
  }

  get playing(): boolean {
    return this.microphone !== null || this.transport.playing;
  }

  get transportState(): TransportState {
    return {
      playing: this.playing,
      loop: this.loop,
      position: this.microphone ? 0 : this.transport.position,
      duration: this.microphone ? Infinity : this.transport.duration,
      input: this.microphone ? 'microphone' : this.transport.current ? 'material' : 'none',
    };
  }

  private emitTransport(): void {
    this.options.onTransport?.(this.transportState);
  }

  // ── Lifetime ───────────────────────────────────────────────────────────────

  /** The pickup processor's latency in samples (both sides' chains share it); null until reported. */
  get latencySamples(): number | null {
    return this.chains.A.latencySamples;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('the input engine is disposed');
  }

  /** Stops everything and releases every node; closes the context if the engine made it. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.stopMicrophone();
    this.transport.dispose();
    this.chains.A.dispose();
    this.chains.B.dispose();
    this.sourceBus.disconnect();
    this.safety.dispose();
    const context = this.context;
    if (!this.options.context && 'close' in context && context.state !== 'closed') await context.close();
  }
}
