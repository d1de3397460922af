/**
 * EngineController: a component's one link to the listening engine, as a Lit reactive
 * controller. The app uses it for A and B; <headroom-sim> (src/embed) for one setup alone.
 *
 * Browsers start audio only from a user gesture. With `warmUp` (the app) the engine is made
 * while the page is idle after it loads — its context held suspended, the worklets loaded,
 * the graph built, the demo track made at the context's rate — so Play only has to resume
 * it and sounds at once (docs/decisions.md, "First sound"); without (an embedded element,
 * which may share a page with many others) it is made on the first Play. Either way, until it
 * exists the controller only remembers what the user set (setups, side, listeners, level,
 * calibration, loudness match) and hands all of it to the engine then, so nothing set before
 * or while the worklets load is lost. A host removed while the engine is still being made
 * gets it disposed as soon as it exists.
 *
 * Two speeds of state (docs/decisions.md, "A quiet page"):
 * - what the host's template shows (playing or not, the material, the side, an error, which
 *   listeners clip) changes rarely: each change asks the host for one update;
 * - what moves all the time while playing — the heard listener's levels per side and the
 *   play position — goes to LiveValues that only the meters, the level readout and the seek
 *   bar subscribe to. Nothing ticks while nothing plays: the position clock runs only
 *   while playing, and a paused engine's context is suspended once the fade-out has played.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ListeningEngine,
  type EngineWarning,
  type ListenerMeters,
  type LoudnessReport,
  type Side,
  type SourceMaterial,
  type TransportState,
} from '../../audio/engine/index.ts';
import { catchUp, clippingChange, listenersFor, shownOffset, transportShownChange, type EnginePair, type ListeningChoices } from '../../audio/engine/listening-choices.ts';
import type { Setup } from '../../model/setup.ts';
import { LiveValue } from '../controllers/live-value.ts';
import { whenIdle } from '../controllers/when-idle.ts';
import { LISTENING_LEVEL_RANGE, CALIBRATION_RANGE } from './listening-level.ts';
import { loadBuiltIn, prepareBuiltIn, readyBuiltIn } from '../../audio/sources/built-in-material.ts';
import type { SourceChoice, SourceKind } from './source-choice.ts';

export interface SourceState {
  kind: SourceKind;
  name: string;
  busy: boolean;
  error: string;
  warning: string;
}

const IDLE_TRANSPORT: TransportState = { playing: false, loop: true, position: 0, duration: 0, input: 'none' };
/** The seek bar's clock while playing: 4 steps a second keep it honest (each moves the slider: a layout). */
const POSITION_INTERVAL_MS = 250;
/** Longer than the engine's pause fade (a few ms) and a render quantum or two. */
const SUSPEND_AFTER_PAUSE_MS = 250;
const SIDES: readonly Side[] = ['A', 'B'];

export class EngineController implements ReactiveController, ListeningChoices {
  private readonly host: ReactiveControllerHost;
  private engine: ListeningEngine | null = null;
  private creating: Promise<ListeningEngine | null> | null = null;
  /** Counts disconnections: an engine whose making began in an earlier connection is disposed. */
  private connection = 0;
  private clock = 0;
  private suspendTimer = 0;
  private choosing: Promise<void> = Promise.resolve();

  /** What the user set; applied to the engine when it exists (listening-choices.ts). */
  pair: EnginePair;
  side: Side = 'A';
  listeners: Record<Side, number> = { A: 0, B: 0 };
  matchLoudness = false;
  listeningLevelDb: number = LISTENING_LEVEL_RANGE.initial;
  calibrationDbSpl: number = CALIBRATION_RANGE.initial;

  /** What the engine reports, as the host shows it. */
  transport: TransportState = IDLE_TRANSPORT;
  /** The loudness match's report; the host is updated when its shown offset (0.1 dB) changes. */
  loudness: LoudnessReport | null = null;
  source: SourceState = { kind: 'demo', name: '', busy: false, error: '', warning: '' };
  /** The engine's latest warning (the microphone's feedback risk, a loud level). */
  warning: EngineWarning | null = null;
  /** A processor rejected a plan, or audio could not start. */
  error = '';

  /** The levels of the heard listener of each side, while playing (undefined otherwise). */
  readonly meters: Record<Side, LiveValue<ListenerMeters | undefined>> = { A: new LiveValue<ListenerMeters | undefined>(undefined), B: new LiveValue<ListenerMeters | undefined>(undefined) };
  /** Seconds into the material. */
  readonly position = new LiveValue(0);
  /** Per side, which listeners clip now (the meters' hold included); one array per change, so views re-render only then. */
  private clipping: Record<Side, readonly boolean[]> = { A: [], B: [] };

  private readonly warmUp: boolean;

  constructor(host: ReactiveControllerHost, pair: EnginePair, options: { warmUp?: boolean } = {}) {
    this.host = host;
    this.pair = pair;
    this.warmUp = options.warmUp ?? false;
    host.addController(this);
  }

  hostConnected(): void {
    // The engine and the demo track take seconds to make: make them while the page has
    // nothing else to do, so Play sounds at once (docs/decisions.md, "First sound").
    const connection = this.connection;
    whenIdle(() => {
      // Gone from the page before the page went idle: nothing to prepare for.
      if (connection !== this.connection) return;
      void (this.warmUp ? this.prepare() : prepareBuiltIn({ kind: 'demo' }));
    });
  }

  /** The engine, suspended, with the demo track loaded at its rate; a failure here is not shown (Play tries again and says why). */
  private async prepare(): Promise<void> {
    const engine = await this.ensureEngine({ quiet: true });
    if (!engine) {
      prepareBuiltIn({ kind: 'demo' });
      return;
    }
    if (!engine.playing) await engine.suspend().catch(() => undefined);
    // The demo track, made at the context's rate and loaded, unless the user chose something else meanwhile.
    const demo = await loadBuiltIn({ kind: 'demo' }, engine.context.sampleRate).catch(() => null);
    if (demo && !engine.material && this.transport.input === 'none' && this.source.kind === 'demo' && !this.source.busy) this.use(engine, demo, 'demo');
  }

  hostDisconnected(): void {
    this.connection += 1;
    this.stopClock();
    window.clearTimeout(this.suspendTimer);
    void this.engine?.dispose().catch(() => undefined);
    this.engine = null;
    this.creating = null;
    this.transport = IDLE_TRANSPORT;
  }

  get started(): boolean {
    return this.engine !== null;
  }

  /** The analyser of the heard signal (before level and limiter), once audio runs. */
  get analyser(): ListeningEngine['analyser'] | null {
    return this.engine?.analyser ?? null;
  }

  /** The loudness match's offset of B against A (dB); null while it is being measured. */
  get loudnessOffsetDb(): number | null {
    return this.loudness && Number.isFinite(this.loudness.offsetDb) ? this.loudness.offsetDb : null;
  }

  /** Which listeners of `side` clip now, while playing; undefined while nothing plays. */
  clippingOf(side: Side): readonly boolean[] | undefined {
    return this.transport.playing ? this.clipping[side] : undefined;
  }

  setPair(a: Setup, b: Setup | null = null): void {
    this.pair = { a, b };
    this.listeners = listenersFor(this.listeners, this.pair);
    this.clipping = { A: [], B: [] };
    this.clearMeters();
    this.change((engine) => engine.setPair(a, b));
  }

  setSide(side: Side): void {
    this.side = side;
    this.change((engine) => engine.setSide(side));
  }

  setListener(side: Side, index: number): void {
    this.listeners = { ...this.listeners, [side]: index };
    this.meters[side].set(undefined);
    this.change((engine) => engine.setListener(side, index));
  }

  setMatchLoudness(on: boolean): void {
    this.matchLoudness = on;
    this.change((engine) => engine.setMatchLoudness(on));
  }

  setListeningLevel(db: number): void {
    this.listeningLevelDb = db;
    this.change((engine) => engine.setListeningLevelDb(db));
  }

  setCalibration(dbSpl: number): void {
    this.calibrationDbSpl = dbSpl;
    this.change((engine) => engine.setCalibrationDbSpl(dbSpl));
  }

  /**
   * Plays or pauses. Play made before anything is loaded loads the demo track; Play made
   * while a choice is being prepared plays that choice as soon as it is ready.
   */
  async togglePlay(playing: boolean): Promise<void> {
    if (!playing) {
      this.engine?.pause();
      this.scheduleSuspend();
      return;
    }
    const engine = await this.ensureEngine();
    if (!engine) return;
    window.clearTimeout(this.suspendTimer);
    await engine.start();
    await this.choosing;
    if (!engine.material && this.transport.input !== 'microphone') await this.choose({ kind: 'demo' });
    if (this.engine === engine) engine.play();
  }

  seek(seconds: number): void {
    this.engine?.seek(seconds);
  }

  setLoop(loop: boolean): void {
    if (this.engine) this.engine.loop = loop;
  }

  /** Loops a stretch of the material (the blind test's), or all of it with null. */
  setLoopRegion(region: { start: number; end: number } | null): void {
    this.engine?.setLoopRegion(region);
  }

  /**
   * Loads what the user chose. A failure (an undecodable file, a refused microphone) shows
   * its message and leaves the material that was loaded, and whether it was playing, alone.
   */
  choose(choice: SourceChoice): Promise<void> {
    const previous = this.choosing;
    const done = previous.then(() => this.load(choice));
    this.choosing = done;
    return done;
  }

  /** The material the engine plays now (for exporting a stretch of it). */
  get material(): SourceMaterial | null {
    return this.engine?.material ?? null;
  }

  private async load(choice: SourceChoice): Promise<void> {
    const engine = await this.ensureEngine();
    // Made already (the demo track after the page's idle time, a test signal chosen before): play it within this click.
    const ready = engine && choice.kind !== 'mic' && choice.kind !== 'file' ? readyBuiltIn(choice, engine.context.sampleRate) : null;
    if (engine && ready) {
      this.use(engine, ready, choice.kind);
      return;
    }
    const before = this.source.kind;
    this.source = { ...this.source, kind: choice.kind, busy: true, error: '' };
    this.host.requestUpdate();
    if (!engine) {
      this.source = { ...this.source, kind: before, busy: false };
      this.host.requestUpdate();
      return;
    }
    try {
      if (choice.kind === 'mic') {
        await engine.start();
        const warning = await engine.useMicrophone();
        this.source = { kind: 'mic', name: 'Microphone / line input', busy: false, error: '', warning: warning.message };
      } else {
        this.use(engine, await this.materialFor(engine, choice), choice.kind);
        return;
      }
    } catch (error) {
      this.source = { ...this.source, kind: before, busy: false, error: error instanceof Error ? error.message : String(error) };
    }
    this.host.requestUpdate();
  }

  /** Plays `material` from now on (from its start; still playing if it was). */
  private use(engine: ListeningEngine, material: SourceMaterial, kind: SourceKind): void {
    const wasPlaying = engine.playing;
    engine.setMaterial(material);
    if (wasPlaying) engine.play();
    this.source = { kind, name: material.name, busy: false, error: '', warning: '' };
    this.host.requestUpdate();
  }

  private async materialFor(engine: ListeningEngine, choice: Exclude<SourceChoice, { kind: 'mic' }>): Promise<SourceMaterial> {
    if (choice.kind === 'file') return engine.decodeFile(await choice.file.arrayBuffer(), choice.file.name);
    return loadBuiltIn(choice, engine.context.sampleRate);
  }

  /** Runs `change` on the engine if it exists and shows the new state. */
  private change(change: (engine: ListeningEngine) => void): void {
    this.apply(change);
    this.host.requestUpdate();
  }

  /** Runs `change` on the engine if it exists; a refusal (a plan a processor cannot take) becomes the error shown. */
  private apply(change: (engine: ListeningEngine) => void): void {
    if (!this.engine) return;
    try {
      change(this.engine);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private ensureEngine(options: { quiet?: boolean } = {}): Promise<ListeningEngine | null> {
    if (this.engine) return Promise.resolve(this.engine);
    this.creating ??= this.create(options.quiet ?? false);
    return this.creating;
  }

  private async create(quiet: boolean): Promise<ListeningEngine | null> {
    const connection = this.connection;
    const made = { pair: this.pair, calibrationDbSpl: this.calibrationDbSpl };
    let engine: ListeningEngine;
    try {
      engine = await ListeningEngine.create({
        ...made.pair,
        calibrationDbSpl: made.calibrationDbSpl,
        listeningLevelDb: this.listeningLevelDb,
        onMeters: (readings) => this.onMeters(readings),
        onLoudness: (report) => this.onLoudness(report),
        onTransport: (state) => this.onTransport(state),
        onListener: (side, index) => {
          this.listeners = { ...this.listeners, [side]: index };
          this.host.requestUpdate();
        },
        onWarning: (warning) => {
          // A level dancing around 85 dB SPL warns again at every crossing: show the first, not each one.
          if (warning.kind === this.warning?.kind) return;
          this.warning = warning;
          this.host.requestUpdate();
        },
        onError: (message) => {
          this.error = message;
          this.host.requestUpdate();
        },
      });
    } catch (error) {
      if (connection === this.connection) {
        this.creating = null;
        if (!quiet) {
          this.error = `Audio could not start: ${error instanceof Error ? error.message : String(error)}`;
          this.host.requestUpdate();
        }
      }
      return null;
    }
    if (connection !== this.connection) {
      // The host left the page while the worklets loaded: let the audio go.
      await engine.dispose().catch(() => undefined);
      return null;
    }
    this.engine = engine;
    this.apply((e) => catchUp(e, made, this));
    // Nothing on screen changes with the engine alone (a page left idle is not re-rendered for it).
    this.onTransport(engine.transportState);
    // Made by a choice or while idle, not by Play: no sound yet, so let the audio rest until Play.
    this.scheduleSuspend();
    return engine;
  }

  private onTransport(state: TransportState): void {
    const was = this.transport;
    this.transport = state;
    this.position.set(state.position);
    if (state.playing && !was.playing) this.startClock();
    if (!state.playing && was.playing) {
      this.stopClock();
      this.clearMeters();
    }
    if (transportShownChange(was, state)) this.host.requestUpdate();
  }

  private onMeters(readings: ListenerMeters[]): void {
    if (!this.transport.playing) return;
    const side = readings[0]?.side;
    if (!side) return;
    const heard = readings[this.listeners[side]];
    if (heard) this.meters[side].set(heard);
    const clipping = clippingChange(this.clipping[side], readings);
    if (clipping) {
      this.clipping = { ...this.clipping, [side]: clipping };
      this.host.requestUpdate();
    }
  }

  private onLoudness(report: LoudnessReport): void {
    const changed = shownOffset(report) !== shownOffset(this.loudness);
    this.loudness = report;
    if (changed) this.host.requestUpdate();
  }

  private clearMeters(): void {
    for (const side of SIDES) this.meters[side].set(undefined);
  }

  private startClock(): void {
    this.stopClock();
    this.clock = window.setInterval(() => {
      if (this.engine) this.position.set(this.engine.position);
    }, POSITION_INTERVAL_MS);
  }

  private stopClock(): void {
    window.clearInterval(this.clock);
    this.clock = 0;
  }

  /** A paused engine's worklets would keep running on silence: suspend the context once the fade has played. */
  private scheduleSuspend(): void {
    const engine = this.engine;
    window.clearTimeout(this.suspendTimer);
    if (!engine) return;
    this.suspendTimer = window.setTimeout(() => {
      if (this.engine === engine && !engine.playing) void engine.suspend().catch(() => undefined);
    }, SUSPEND_AFTER_PAUSE_MS);
  }
}
