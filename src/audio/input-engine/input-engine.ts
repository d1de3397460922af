/**
 * The input engine: hears the input side of an audio interface (issue 7) — a guitar pickup
 * loaded by its cable and input, a microphone channel with phantom power, preamp noise and
 * a converter, and monitoring with the round-trip latency — as two chains A and B:
 *
 *   material / microphone ─ source bus ─┬─ chain A (input-chain.ts) ─┐
 *                                        └─ chain B (input-chain.ts) ─┴─ heard bus ─ output safety ─→ speakers
 *
 * On the engine shell (engine/engine-shell.ts: the context, the source bus and transport,
 * the microphone, the 5 ms A/B crossfade, the output safety with its listening level that
 * starts at −24 dB and the −1 dBFS `headroom-limiter`), with its own worklet module
 * (worklets/input.worklet.ts: the three input processors and the limiter); both chains are
 * fed by the same source node, so they run at the same sample position.
 *
 * Every change is live: a new input choice (phantom power, condenser or dynamic, input
 * type, gain …) is compiled with the model (`compileInput`) and posted to the processors.
 * Works on a live AudioContext (the panel) and on an OfflineAudioContext (tests).
 */
import { compileInput, DEFAULT_CALIBRATION_DB_SPL, type InputPlan } from '../../model/input/plan.ts';
import type { EngineContext } from '../engine/context-types.ts';
import { createEngine, EngineShell, type EngineShellOptions } from '../engine/engine-shell.ts';
import { FEEDBACK_WARNING } from '../engine/microphone.ts';
import type { ParamRamp } from '../engine/param-ramp.ts';
import { CALIBRATION_DB_SPL_RANGE, checkNumberInRange, checkSide } from '../engine/ranges.ts';
import type { Side } from '../engine/types.ts';
import defaultWorkletUrl from '../input-worklet-url.ts';
import type { InputChoice } from '../../model/input/contract.ts';
import { InputChain, maxMonitorSamples, MAX_MONITOR_SECONDS, MONITOR_DIRECT_MIX, type MonitorSetting } from './input-chain.ts';

export type { InputChoice };

export interface InputEngineOptions extends EngineShellOptions {
  a: InputChoice;
  b: InputChoice;
  /** SPL that a 0 dBFS sine of material stands for on the microphone path (default 120 dB SPL). */
  calibrationDbSpl?: number;
  /** Start with monitoring (direct + delayed by the monitoring latency) on; default off. */
  monitoring?: boolean;
  workletUrl?: string;
}

/** The plan for `choice` at `sampleRate`; throws a RangeError for a choice the chain cannot play. */
function compileChoice(side: Side, choice: InputChoice, sampleRate: number, calibrationDbSpl: number): InputPlan {
  if (choice.path !== 'instrument' && choice.path !== 'microphone') {
    throw new RangeError(`side ${side}: path must be "instrument" or "microphone" (got ${JSON.stringify(choice.path)})`);
  }
  if (choice.path === 'instrument' && choice.input.instrument == null) throw new RangeError(`side ${side}: the instrument path needs input.instrument`);
  if (choice.path === 'microphone' && choice.input.microphone == null) throw new RangeError(`side ${side}: the microphone path needs input.microphone`);
  const plan = compileInput(choice.input, sampleRate, calibrationDbSpl);
  const max = maxMonitorSamples(sampleRate);
  if (plan.monitor && plan.monitor.delaySamples > max) {
    throw new RangeError(`side ${side}: the monitoring latency must be at most ${MAX_MONITOR_SECONDS} s (${max} samples) to be heard here (got ${plan.monitor.delaySamples} samples)`);
  }
  return plan;
}

export class InputEngine extends EngineShell {
  /** Resolves once the chains' processors have reported their latency. */
  readonly ready: Promise<void>;
  private readonly chains: Record<Side, InputChain>;
  private readonly calibration: number;
  private choices: { a: InputChoice; b: InputChoice };
  private monitoringOn: boolean;

  private constructor(context: EngineContext, options: InputEngineOptions) {
    // Choices that do not compile are refused before any node exists.
    const calibration = checkNumberInRange('calibrationDbSpl', options.calibrationDbSpl ?? DEFAULT_CALIBRATION_DB_SPL, CALIBRATION_DB_SPL_RANGE, 'dB SPL');
    const plans = { a: compileChoice('A', options.a, context.sampleRate, calibration), b: compileChoice('B', options.b, context.sampleRate, calibration) };
    super(context, options, 'input engine');
    this.calibration = calibration;
    this.monitoringOn = options.monitoring ?? false;
    this.choices = { a: options.a, b: options.b };

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
  }

  /** Loads the input worklet module and builds the graph. Call `start()` from a user gesture to hear it. */
  static create(options: InputEngineOptions): Promise<InputEngine> {
    return createEngine(options, options.workletUrl ?? defaultWorkletUrl, (context) => new InputEngine(context, options));
  }

  protected fadeRamps(): { A: ParamRamp; B: ParamRamp } {
    return { A: this.chains.A.fadeRamp, B: this.chains.B.fadeRamp };
  }

  protected disposeSides(): void {
    this.chains.A.dispose();
    this.chains.B.dispose();
  }

  private compile(side: Side, choice: InputChoice): InputPlan {
    return compileChoice(side, choice, this.context.sampleRate, this.calibration);
  }

  private monitorSetting(plan: InputPlan): MonitorSetting {
    if (!this.monitoringOn) return { delaySamples: 0, directMix: 0 };
    return { delaySamples: plan.monitor?.delaySamples ?? 0, directMix: MONITOR_DIRECT_MIX };
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

  // ── Monitoring ─────────────────────────────────────────────────────────────

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

  // ── Sources ────────────────────────────────────────────────────────────────

  /** Switches to the microphone (use it with the microphone path); resolves with the feedback warning to show. */
  async useMicrophone(): Promise<string> {
    await this.openMicrophoneInput();
    return FEEDBACK_WARNING;
  }

  // ── Lifetime ───────────────────────────────────────────────────────────────

  /** The pickup processor's latency in samples (both sides' chains share it); null until reported. */
  get latencySamples(): number | null {
    return this.chains.A.latencySamples;
  }
}
