/**
 * What the listening engine and the input engine are both made of:
 *
 *   material / microphone ─ source bus ─┬─ side A ─┐
 *                                        └─ side B ─┴─ heard bus ─ output safety ─→ speakers
 *
 * One context with its worklet module; a source bus that the transport (material) or the
 * microphone feeds; two sides behind fade gains, switched by the A/B crossfade (ab-switch.ts);
 * the output safety last (the listening level and the −1 dBFS limiter, output-safety.ts). An
 * engine supplies its sides: what runs between the source bus and the heard bus, their fade
 * ramps, and what to forget when the sound changes. Works on a live AudioContext (the app) and
 * on an OfflineAudioContext (tests).
 */
import { AudioContext, type IAudioWorkletNode, type IGainNode } from 'standardized-audio-context';
import { switchSide } from './ab-switch.ts';
import type { EngineContext } from './context-types.ts';
import { openMicrophone, type LiveInput } from './microphone.ts';
import { LIMITER_PROCESSOR, OutputSafety } from './output-safety.ts';
import type { ParamRamp } from './param-ramp.ts';
import { checkSide, DEFAULT_LISTENING_LEVEL_DB } from './ranges.ts';
import { Transport, type LoopRegion } from './transport.ts';
import { stereoWorkletNode } from './worklet-factory.ts';
import type { Side, SourceMaterial, TransportState } from './types.ts';

export interface EngineShellOptions {
  /** Starting listening level, dB ≤ 0 (default −24 dB: start low). */
  listeningLevelDb?: number;
  /** A context to build on (tests pass an OfflineAudioContext); default a new live AudioContext. */
  context?: EngineContext;
  onTransport?: (state: TransportState) => void;
  /** A processor rejected a plan or failed. */
  onError?: (message: string) => void;
}

/**
 * Takes the options' context or makes a live one, loads `workletUrl` into it and builds the
 * engine. A context made here that cannot be used is closed: browsers cap live contexts.
 */
export async function createEngine<E>(options: EngineShellOptions, workletUrl: string, build: (context: EngineContext) => E): Promise<E> {
  const context = options.context ?? (new AudioContext({ latencyHint: 'interactive' }) as EngineContext);
  try {
    await context.audioWorklet!.addModule(workletUrl);
    return build(context);
  } catch (error) {
    if (!options.context && 'close' in context) await context.close().catch(() => undefined);
    throw error;
  }
}

export abstract class EngineShell {
  readonly context: EngineContext;
  protected readonly sourceBus: IGainNode<EngineContext>;
  protected readonly safety: OutputSafety;
  protected readonly transport: Transport;
  protected microphone: LiveInput | null = null;
  protected heardSide: Side = 'A';
  private disposed = false;

  protected constructor(
    context: EngineContext,
    private readonly shellOptions: EngineShellOptions,
    /** How the engine calls itself in errors: `the listening engine is disposed`. */
    private readonly engineName: string,
  ) {
    this.context = context;
    const limiter = this.workletNode(LIMITER_PROCESSOR, 1, 1);
    this.safety = new OutputSafety(context, limiter, shellOptions.listeningLevelDb ?? DEFAULT_LISTENING_LEVEL_DB);
    this.sourceBus = context.createGain();
    this.transport = new Transport(context, this.sourceBus, () => this.emitTransport());
  }

  /** The fade ramps of the sides (B null for an engine of one chain). */
  protected abstract fadeRamps(): { A: ParamRamp; B: ParamRamp | null };

  /** The sound changed (new material, the microphone): what was measured of the old one is stale. */
  protected onSoundChange(): void {}

  /** Releases the sides' nodes (the shell releases its own). */
  protected abstract disposeSides(): void;

  /** A stereo processor node of this engine's worklet module; its failure goes to onError. */
  protected workletNode(name: string, inputs: number, outputs: number): IAudioWorkletNode<EngineContext> {
    return stereoWorkletNode(this.context, name, { inputs, outputs }, (message) => this.shellOptions.onError?.(message));
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

  // ── A/B ────────────────────────────────────────────────────────────────────

  get side(): Side {
    return this.heardSide;
  }

  /** Crossfades (5 ms, equal-gain) to `side` at context time `when` (default now); B on an engine of one chain throws. */
  setSide(side: Side, when = this.context.currentTime): void {
    this.assertLive();
    const ramps = this.fadeRamps();
    if (checkSide(side) === 'B' && !ramps.B) throw new Error('side B does not exist: this engine plays one chain');
    this.heardSide = side;
    if (ramps.B) switchSide(ramps.A, ramps.B, side, when);
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
    this.onSoundChange();
    this.emitTransport();
  }

  /** Switches the source bus to the microphone/line input (the material stops). */
  protected async openMicrophoneInput(): Promise<void> {
    this.assertLive();
    const input = await openMicrophone(this.context, this.sourceBus);
    this.stopMicrophone();
    this.transport.unload();
    this.microphone = input;
    this.onSoundChange();
    this.emitTransport();
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

  protected emitTransport(): void {
    this.shellOptions.onTransport?.(this.transportState);
  }

  // ── Lifetime ───────────────────────────────────────────────────────────────

  get isDisposed(): boolean {
    return this.disposed;
  }

  protected assertLive(): void {
    if (this.disposed) throw new Error(`the ${this.engineName} is disposed`);
  }

  /** Stops everything and releases every node; closes the context if the engine made it. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.stopMicrophone();
    this.transport.dispose();
    this.disposeSides();
    this.sourceBus.disconnect();
    this.safety.dispose();
    const context = this.context;
    if (!this.shellOptions.context && 'close' in context && context.state !== 'closed') await context.close();
  }
}
