/**
 * The listening engine: what the app drives to hear setups A and B (docs/architecture.md, "Listening").
 *
 *   material / microphone ─ source bus ─┬─ chain A (chain-graph) ─ side A path ─┐
 *                                        └─ chain B (chain-graph) ─ side B path ─┴─ heard bus ─ output safety ─→ speakers
 *
 * On the engine shell (engine-shell.ts: the context, the source bus and transport, the
 * microphone, the A/B switch, the output safety): two chains fed by the same source node,
 * so both run at the same sample position all the time; the listener choice (side-path.ts)
 * and the loudness match (loudness-match.ts) are gains after the chains.
 *
 * With `b: null` it is one chain alone (an embedded setup, src/embed): no side B, no
 * loudness match; A is heard.
 */
import { buildChainGraph, type ChainGraph } from '../chain-graph.ts';
import { compile, DEFAULT_CALIBRATION_DB_SPL, type Plan } from '../../model/compile.ts';
import type { Setup } from '../../model/setup.ts';
import defaultWorkletUrl from '../worklet-url.ts';
import { asEngineNode, asGraphContext, type EngineContext } from './context-types.ts';
import { decodeFile } from './decode.ts';
import { createEngine, EngineShell, type EngineShellOptions } from './engine-shell.ts';
import { LOUDNESS_PROCESSOR, LoudnessMatch } from './loudness-match.ts';
import { MeterReader } from './meter-reading.ts';
import { FEEDBACK_WARNING } from './microphone.ts';
import type { ParamRamp } from './param-ramp.ts';
import { CALIBRATION_DB_SPL_RANGE, checkListenerIndex, checkNumberInRange, checkSide } from './ranges.ts';
import { workletFactory } from './worklet-factory.ts';
import { SidePath } from './side-path.ts';
import type { EngineWarning, ListenerMeters, LoudnessReport, Side, SourceMaterial } from './types.ts';

/** Above this simulated SPL, long listening harms hearing (docs/architecture.md, "Listening"; WHO/NIOSH 85 dBA). */
export const SAFE_LISTENING_DB_SPL = 85;
export { DEFAULT_CALIBRATION_DB_SPL };

/** The loudness report of an engine of one chain: nothing measured, nothing matched. */
const NO_LOUDNESS: LoudnessReport = { aLufs: -Infinity, bLufs: -Infinity, offsetDb: 0, aGainDb: 0, bGainDb: 0, matching: false };

export interface ListeningEngineOptions extends EngineShellOptions {
  a: Setup;
  /** Setup B, or null for one chain alone. */
  b: Setup | null;
  /** SPL that a 0 dBFS sine at a chain's output stands for (default 120 dB SPL). */
  calibrationDbSpl?: number;
  workletUrl?: string;
  /** Per side, every listener's levels, ≤ 30 times a second per side. */
  onMeters?: (meters: ListenerMeters[]) => void;
  /** Every 100 ms of audio: both sides' loudness and the match's offset. */
  onLoudness?: (report: LoudnessReport) => void;
  onWarning?: (warning: EngineWarning) => void;
  /** The engine moved the heard listener itself (a setup lost the listener that was heard). */
  onListener?: (side: Side, index: number) => void;
}

/** Setups A and B compiled at `sampleRate` for `calibrationDbSpl`. */
function compilePair(a: Setup, b: Setup | null, sampleRate: number, calibrationDbSpl: number): { a: Plan; b: Plan | null } {
  const options = { calibrationDbSpl };
  return { a: compile(a, sampleRate, options), b: b ? compile(b, sampleRate, options) : null };
}

export class ListeningEngine extends EngineShell {
  /** Resolves once both chains have reported their latency and A and B are aligned. */
  readonly ready: Promise<void>;
  private readonly options: ListeningEngineOptions;
  private readonly paths: { A: SidePath; B: SidePath | null };
  private readonly meters: Record<Side, MeterReader>;
  private readonly latencies: Record<Side, number | null> = { A: null, B: null };
  /** Null with one chain: there is nothing to match. */
  private readonly match: LoudnessMatch | null;
  private calibration: number;
  private setups: { a: Setup; b: Setup | null };
  private aligned = false;
  private resolveReady: () => void = () => undefined;
  private loud = false;

  private constructor(context: EngineContext, options: ListeningEngineOptions) {
    // Setups that do not compile are refused before any node exists.
    const calibration = checkNumberInRange('calibrationDbSpl', options.calibrationDbSpl ?? DEFAULT_CALIBRATION_DB_SPL, CALIBRATION_DB_SPL_RANGE, 'dB SPL');
    const plans = compilePair(options.a, options.b, context.sampleRate, calibration);
    super(context, options, 'listening engine');
    this.options = options;
    this.calibration = calibration;
    this.setups = { a: options.a, b: options.b };
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.meters = { A: new MeterReader('A', () => this.calibration), B: new MeterReader('B', () => this.calibration) };
    this.paths = {
      A: new SidePath(context, 'A', this.buildChain('A', plans.a), this.safety.heard, true),
      B: plans.b ? new SidePath(context, 'B', this.buildChain('B', plans.b), this.safety.heard, false) : null,
    };
    const b = this.paths.B;
    this.match = b ? new LoudnessMatch(context, this.workletNode(LOUDNESS_PROCESSOR, 2, 0), this.paths.A, b, (report) => options.onLoudness?.(report)) : null;
  }

  /** Loads the worklets and builds the graph. Call `start()` from a user gesture to hear it. */
  static create(options: ListeningEngineOptions): Promise<ListeningEngine> {
    return createEngine(options, options.workletUrl ?? defaultWorkletUrl, (context) => new ListeningEngine(context, options));
  }

  protected fadeRamps(): { A: ParamRamp; B: ParamRamp | null } {
    return { A: this.paths.A.fadeRamp, B: this.paths.B?.fadeRamp ?? null };
  }

  /** The measured loudness was of the old sound: measure afresh. */
  protected override onSoundChange(): void {
    this.match?.clear();
  }

  protected disposeSides(): void {
    this.match?.dispose();
    for (const path of [this.paths.A, this.paths.B]) {
      path?.chain.dispose();
      path?.dispose();
    }
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
    const plans = compilePair(a, b, this.context.sampleRate, this.calibration);
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

  // ── Listeners and loudness ───────────────────────────────────────────────

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

  setMatchLoudness(on: boolean): void {
    this.match?.setMatching(on);
  }

  get loudness(): LoudnessReport {
    return this.match?.report ?? NO_LOUDNESS;
  }

  // ── Sources ────────────────────────────────────────────────────────────────

  /** Decodes a file; rejects with `Cannot decode "name": …` and leaves the current material alone. */
  decodeFile(data: ArrayBuffer, name: string): Promise<SourceMaterial> {
    return decodeFile(this.context, data, name);
  }

  /** Switches to the microphone/line input; resolves with the feedback warning to show. */
  async useMicrophone(): Promise<EngineWarning> {
    await this.openMicrophoneInput();
    const warning: EngineWarning = { kind: 'feedback', message: FEEDBACK_WARNING };
    this.options.onWarning?.(warning);
    return warning;
  }

  /** Sum of each chain's processor latency in samples (null until reported). */
  latencySamples(side: Side): number | null {
    return this.latencies[checkSide(side)];
  }
}
