/**
 * ListeningSession: a page's one link to its listening engine, with no Lit and no DOM (the
 * app's EngineController is this session as a Lit reactive controller; its node tests drive it
 * with an engine double).
 *
 * Browsers start audio only from a user gesture. `prepare()` (the app, while the page is idle)
 * makes the engine early — its context held suspended, the worklets loaded, the graph built,
 * the demo track made at the context's rate — so Play only has to resume it and sounds at once
 * (docs/decisions.md, "First sound"); without it (an embedded element, which may share a page
 * with many others) the engine is made on the first Play. Either way, until it exists the
 * session only remembers what the user set (listening-choices.ts) and hands all of it to the
 * engine then, so nothing set before or while the worklets load is lost. A session closed
 * while the engine is still being made disposes it as soon as it exists.
 *
 * Two speeds of state (docs/decisions.md, "A quiet page"): what the page's template shows
 * (playing or not, the material, the side, an error, which listeners clip) changes rarely and
 * calls `changed()` once per change; what moves all the time while playing — the heard
 * listener's levels per side and the play position — goes to `showMeters` and `showPosition`.
 * Nothing ticks while nothing plays: the position clock runs only while playing, and a paused
 * engine's context is suspended once the fade-out has played.
 */
import type { BuiltInChoice } from '../sources/built-in-material.ts';
import type { Setup } from '../../model/setup.ts';
import { catchUp, clippingChange, listenersFor, shownOffset, transportShownChange, type ChoiceTarget, type EnginePair, type ListeningChoices } from './listening-choices.ts';
import type { ListeningEngine, ListeningEngineOptions } from './listening-engine.ts';
import { DEFAULT_LISTENING_LEVEL_DB } from './ranges.ts';
import type { EngineWarning, ListenerMeters, LoudnessReport, Side, SourceMaterial, TransportState } from './types.ts';
import { DEFAULT_CALIBRATION_DB_SPL } from '../../model/compile.ts';

/** A built-in sound (src/audio/sources/built-in-material.ts), a file of the user's, or the microphone. */
export type SourceChoice = BuiltInChoice | { kind: 'file'; file: File } | { kind: 'mic' };
export type SourceKind = SourceChoice['kind'];

export interface SourceState {
  kind: SourceKind;
  name: string;
  busy: boolean;
  error: string;
  warning: string;
}

/** What the session uses of an engine (the ListeningEngine has it all). */
export type SessionEngine = ChoiceTarget &
  Pick<ListeningEngine, 'playing' | 'material' | 'transportState' | 'position' | 'analyser' | 'start' | 'suspend' | 'play' | 'pause' | 'seek' | 'setLoopRegion' | 'setMaterial' | 'useMicrophone' | 'decodeFile' | 'dispose'> & {
    loop: boolean;
    readonly context: { readonly sampleRate: number };
  };

/** How engines and built-in sounds are made (src/audio/sources/built-in-material.ts in the page). */
export interface SessionParts {
  create(options: ListeningEngineOptions): Promise<SessionEngine>;
  loadBuiltIn(choice: BuiltInChoice, sampleRate: number): Promise<SourceMaterial>;
  readyBuiltIn(choice: BuiltInChoice, sampleRate: number): SourceMaterial | null;
  prepareBuiltIn(choice: BuiltInChoice): void;
}

const IDLE_TRANSPORT: TransportState = { playing: false, loop: true, position: 0, duration: 0, input: 'none' };
/** The seek bar's clock while playing: 4 steps a second keep it honest (each moves the slider: a layout). */
const POSITION_INTERVAL_MS = 250;
/** Longer than the engine's pause fade (a few ms) and a render quantum or two. */
const SUSPEND_AFTER_PAUSE_MS = 250;
const SIDES: readonly Side[] = ['A', 'B'];
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class ListeningSession implements ListeningChoices {
  private engine: SessionEngine | null = null;
  private creating: Promise<SessionEngine | null> | null = null;
  /** Counts closings: an engine whose making began before the last close is disposed. */
  #closings = 0;
  private clock: ReturnType<typeof setInterval> | undefined;
  private suspendTimer: ReturnType<typeof setTimeout> | undefined;
  private choosing: Promise<void> = Promise.resolve();

  /** What the user set; applied to the engine when it exists. */
  pair: EnginePair;
  side: Side = 'A';
  listeners: Record<Side, number> = { A: 0, B: 0 };
  matchLoudness = false;
  listeningLevelDb: number = DEFAULT_LISTENING_LEVEL_DB;
  calibrationDbSpl: number = DEFAULT_CALIBRATION_DB_SPL;

  /** What the engine reports, as the page shows it. */
  transport: TransportState = IDLE_TRANSPORT;
  /** The loudness match's report; `changed()` comes when its shown offset (0.1 dB) changes. */
  loudness: LoudnessReport | null = null;
  source: SourceState = { kind: 'demo', name: '', busy: false, error: '', warning: '' };
  /** The engine's latest warning (the microphone's feedback risk, a loud level). */
  warning: EngineWarning | null = null;
  /** A processor rejected a plan, or audio could not start. */
  error = '';
  /** Per side, which listeners clip now (the meters' hold included). */
  private clipping: Record<Side, readonly boolean[]> = { A: [], B: [] };

  constructor(
    pair: EnginePair,
    private readonly parts: SessionParts,
  ) {
    this.pair = pair;
  }

  /** Something the page shows changed. */
  protected changed(): void {}
  /** The heard listener's levels on `side` while playing (undefined: none). */
  protected showMeters(_side: Side, _meters: ListenerMeters | undefined): void {}
  /** Seconds into the material. */
  protected showPosition(_seconds: number): void {}

  /** How many times the session was closed: work begun before a close checks it has not changed. */
  get closings(): number {
    return this.#closings;
  }

  /** The engine, suspended, with the demo track loaded at its rate; a failure here is not shown (Play tries again and says why). */
  async prepare(): Promise<void> {
    const engine = await this.ensureEngine(true);
    if (!engine) {
      this.parts.prepareBuiltIn({ kind: 'demo' });
      return;
    }
    if (!engine.playing) await engine.suspend().catch(() => undefined);
    // The demo track, made at the context's rate and loaded, unless the user chose something else meanwhile.
    const demo = await this.parts.loadBuiltIn({ kind: 'demo' }, engine.context.sampleRate).catch(() => null);
    if (demo && !engine.material && this.transport.input === 'none' && this.source.kind === 'demo' && !this.source.busy) this.use(engine, demo, 'demo');
  }

  /** The page left: the audio goes (an engine still being made goes once it exists). */
  close(): void {
    this.#closings += 1;
    this.stopClock();
    clearTimeout(this.suspendTimer);
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

  /** The material the engine plays now (for exporting a stretch of it). */
  get material(): SourceMaterial | null {
    return this.engine?.material ?? null;
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
    this.showMeters(side, undefined);
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
    clearTimeout(this.suspendTimer);
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
   * Loads what the user chose, after any choice before it. A failure (an undecodable file, a
   * refused microphone) shows its message and leaves the material that was loaded, and
   * whether it was playing, alone.
   */
  choose(choice: SourceChoice): Promise<void> {
    const done = this.choosing.then(() => this.load(choice));
    this.choosing = done;
    return done;
  }

  private async load(choice: SourceChoice): Promise<void> {
    const engine = await this.ensureEngine();
    // Made already (the demo track after the page's idle time, a test signal chosen before): play it within this click.
    const ready = engine && choice.kind !== 'mic' && choice.kind !== 'file' ? this.parts.readyBuiltIn(choice, engine.context.sampleRate) : null;
    if (engine && ready) {
      this.use(engine, ready, choice.kind);
      return;
    }
    const before = this.source.kind;
    this.source = { ...this.source, kind: choice.kind, busy: true, error: '' };
    this.changed();
    if (!engine) {
      this.source = { ...this.source, kind: before, busy: false };
      this.changed();
      return;
    }
    try {
      if (choice.kind !== 'mic') {
        const material = choice.kind === 'file' ? engine.decodeFile(await choice.file.arrayBuffer(), choice.file.name) : this.parts.loadBuiltIn(choice, engine.context.sampleRate);
        this.use(engine, await material, choice.kind);
        return;
      }
      await engine.start();
      const warning = await engine.useMicrophone();
      this.source = { kind: 'mic', name: 'Microphone / line input', busy: false, error: '', warning: warning.message };
    } catch (error) {
      this.source = { ...this.source, kind: before, busy: false, error: messageOf(error) };
    }
    this.changed();
  }

  /** Plays `material` from now on (from its start; still playing if it was). */
  private use(engine: SessionEngine, material: SourceMaterial, kind: SourceKind): void {
    const wasPlaying = engine.playing;
    engine.setMaterial(material);
    if (wasPlaying) engine.play();
    this.source = { kind, name: material.name, busy: false, error: '', warning: '' };
    this.changed();
  }

  /** Runs `change` on the engine if it exists (a refusal — a plan a processor cannot take — becomes the error shown), and shows the new state. */
  private change(change: (engine: SessionEngine) => void): void {
    this.apply(change);
    this.changed();
  }

  private apply(change: (engine: SessionEngine) => void): void {
    if (!this.engine) return;
    try {
      change(this.engine);
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private ensureEngine(quiet = false): Promise<SessionEngine | null> {
    if (this.engine) return Promise.resolve(this.engine);
    this.creating ??= this.create(quiet);
    return this.creating;
  }

  private async create(quiet: boolean): Promise<SessionEngine | null> {
    const closings = this.closings;
    const made = { pair: this.pair, calibrationDbSpl: this.calibrationDbSpl };
    let engine: SessionEngine;
    try {
      engine = await this.parts.create({
        ...made.pair,
        calibrationDbSpl: made.calibrationDbSpl,
        listeningLevelDb: this.listeningLevelDb,
        onMeters: (readings) => this.onMeters(readings),
        onLoudness: (report) => this.onLoudness(report),
        onTransport: (state) => this.onTransport(state),
        onListener: (side, index) => {
          this.listeners = { ...this.listeners, [side]: index };
          this.changed();
        },
        onWarning: (warning) => {
          // A level dancing around 85 dB SPL warns again at every crossing: show the first, not each one.
          if (warning.kind === this.warning?.kind) return;
          this.warning = warning;
          this.changed();
        },
        onError: (message) => {
          this.error = message;
          this.changed();
        },
      });
    } catch (error) {
      if (closings === this.closings) {
        this.creating = null;
        if (!quiet) {
          this.error = `Audio could not start: ${messageOf(error)}`;
          this.changed();
        }
      }
      return null;
    }
    if (closings !== this.closings) {
      // Closed while the worklets loaded: let the audio go.
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
    this.showPosition(state.position);
    if (state.playing && !was.playing) this.startClock();
    if (!state.playing && was.playing) {
      this.stopClock();
      this.clearMeters();
    }
    if (transportShownChange(was, state)) this.changed();
  }

  private onMeters(readings: ListenerMeters[]): void {
    if (!this.transport.playing) return;
    const side = readings[0]?.side;
    if (!side) return;
    const heard = readings[this.listeners[side]];
    if (heard) this.showMeters(side, heard);
    const clipping = clippingChange(this.clipping[side], readings);
    if (clipping) {
      this.clipping = { ...this.clipping, [side]: clipping };
      this.changed();
    }
  }

  private onLoudness(report: LoudnessReport): void {
    const changed = shownOffset(report) !== shownOffset(this.loudness);
    this.loudness = report;
    if (changed) this.changed();
  }

  private clearMeters(): void {
    for (const side of SIDES) this.showMeters(side, undefined);
  }

  private startClock(): void {
    this.stopClock();
    this.clock = setInterval(() => {
      if (this.engine) this.showPosition(this.engine.position);
    }, POSITION_INTERVAL_MS);
  }

  private stopClock(): void {
    clearInterval(this.clock);
    this.clock = undefined;
  }

  /** A paused engine's worklets would keep running on silence: suspend the context once the fade has played. */
  private scheduleSuspend(): void {
    const engine = this.engine;
    clearTimeout(this.suspendTimer);
    if (!engine) return;
    this.suspendTimer = setTimeout(() => {
      if (this.engine === engine && !engine.playing) void engine.suspend().catch(() => undefined);
    }, SUSPEND_AFTER_PAUSE_MS);
  }
}
