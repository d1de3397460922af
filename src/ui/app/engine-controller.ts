/**
 * EngineController: the app's one link to the listening engine, as a Lit reactive controller
 * (shared behaviour — audio clock, meters — lives in controllers, per Lit's guidance).
 *
 * Browsers create audio only after a user gesture, so the engine is built on the first Play
 * (or the first source choice). Until then the controller only remembers what the user set
 * (setups, side, listeners, level, calibration, loudness match) and hands all of it to the
 * engine when it exists, so nothing set before the first click is lost.
 *
 * Meters arrive up to 30 times a second per side; the controller folds them into plain state
 * and asks the host to re-render at most once per animation frame.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ListeningEngine,
  type ListenerMeters,
  type LoudnessReport,
  type Side,
  type SourceMaterial,
  type TransportState,
} from '../../audio/engine/index.ts';
import type { Setup } from '../../model/setup.ts';
import { LISTENING_LEVEL_RANGE, CALIBRATION_RANGE } from './listening-level.ts';
import { loadBuiltIn } from './built-in-material.ts';
import type { SourceChoice, SourceKind } from './source-choice.ts';

export interface SourceState {
  kind: SourceKind;
  name: string;
  busy: boolean;
  error: string;
  warning: string;
}

const IDLE_TRANSPORT: TransportState = { playing: false, loop: true, position: 0, duration: 0, input: 'none' };

export class EngineController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private engine: ListeningEngine | null = null;
  private creating: Promise<ListeningEngine> | null = null;
  private frame = 0;
  private clock = 0;

  /** What the user set; applied to the engine when it exists. */
  private pair: { a: Setup; b: Setup };
  side: Side = 'A';
  listeners: Record<Side, number> = { A: 0, B: 0 };
  matchLoudness = false;
  listeningLevelDb: number = LISTENING_LEVEL_RANGE.initial;
  calibrationDbSpl: number = CALIBRATION_RANGE.initial;

  /** What the engine reports. */
  transport: TransportState = IDLE_TRANSPORT;
  meters = new Map<string, ListenerMeters>();
  loudness: LoudnessReport | null = null;
  source: SourceState = { kind: 'demo', name: '', busy: false, error: '', warning: '' };
  /** A processor rejected a plan, or audio could not start. */
  error = '';

  constructor(host: ReactiveControllerHost, pair: { a: Setup; b: Setup }) {
    this.host = host;
    this.pair = pair;
    host.addController(this);
  }

  hostConnected(): void {
    // The position moves with the audio clock; 10 updates a second keep the seek bar honest.
    this.clock = window.setInterval(() => {
      if (this.engine && this.transport.playing) this.transport = this.engine.transportState;
      this.requestFrame();
    }, 100);
  }

  hostDisconnected(): void {
    window.clearInterval(this.clock);
    cancelAnimationFrame(this.frame);
    void this.engine?.dispose();
    this.engine = null;
    this.creating = null;
  }

  get started(): boolean {
    return this.engine !== null;
  }

  /** The analyser of the heard signal (before level and limiter), once audio runs. */
  get analyser(): ListeningEngine['analyser'] | null {
    return this.engine?.analyser ?? null;
  }

  /** Levels of listener `index` of `side` from the latest meters, if any. */
  metersOf(side: Side, index: number): ListenerMeters | undefined {
    return this.meters.get(`${side}:${index}`);
  }

  /** The heard listener's meters: what the safety warning follows. */
  get heardMeters(): ListenerMeters | undefined {
    return this.metersOf(this.side, this.listeners[this.side]);
  }

  setPair(a: Setup, b: Setup): void {
    this.pair = { a, b };
    for (const side of ['A', 'B'] as const) {
      const count = (side === 'A' ? a : b).headphones.length;
      if (this.listeners[side] >= count) this.listeners[side] = count - 1;
    }
    this.meters.clear();
    this.engine?.setPair(a, b);
    this.host.requestUpdate();
  }

  setSide(side: Side): void {
    this.side = side;
    this.engine?.setSide(side);
    this.host.requestUpdate();
  }

  setListener(side: Side, index: number): void {
    this.listeners = { ...this.listeners, [side]: index };
    this.engine?.setListener(side, index);
    this.host.requestUpdate();
  }

  setMatchLoudness(on: boolean): void {
    this.matchLoudness = on;
    this.engine?.setMatchLoudness(on);
    this.host.requestUpdate();
  }

  setListeningLevel(db: number): void {
    this.listeningLevelDb = db;
    this.engine?.setListeningLevelDb(db);
    this.host.requestUpdate();
  }

  setCalibration(dbSpl: number): void {
    this.calibrationDbSpl = dbSpl;
    this.engine?.setCalibrationDbSpl(dbSpl);
    this.host.requestUpdate();
  }

  async togglePlay(playing: boolean): Promise<void> {
    const engine = await this.ensureEngine();
    if (!engine) return;
    if (!playing) {
      engine.pause();
      return;
    }
    await engine.start();
    if (this.transport.input === 'none') await this.choose({ kind: 'demo' });
    engine.play();
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
  async choose(choice: SourceChoice): Promise<void> {
    const engine = await this.ensureEngine();
    if (!engine) return;
    this.source = { ...this.source, busy: true, error: '' };
    this.host.requestUpdate();
    try {
      await engine.start();
      if (choice.kind === 'mic') {
        const warning = await engine.useMicrophone();
        this.source = { kind: 'mic', name: 'Microphone / line input', busy: false, error: '', warning: warning.message };
      } else {
        const material = await this.materialFor(engine, choice);
        const wasPlaying = this.transport.playing && this.transport.input !== 'none';
        engine.setMaterial(material);
        if (wasPlaying) engine.play();
        this.source = { kind: choice.kind, name: material.name, busy: false, error: '', warning: '' };
      }
    } catch (error) {
      this.source = { ...this.source, busy: false, error: error instanceof Error ? error.message : String(error) };
    }
    this.host.requestUpdate();
  }

  /** The material the engine plays now (for exporting a stretch of it). */
  get material(): SourceMaterial | null {
    return this.engine?.material ?? null;
  }

  private async materialFor(engine: ListeningEngine, choice: Exclude<SourceChoice, { kind: 'mic' }>): Promise<SourceMaterial> {
    if (choice.kind === 'file') return engine.decodeFile(await choice.file.arrayBuffer(), choice.file.name);
    return loadBuiltIn(choice, engine.context.sampleRate);
  }

  private async ensureEngine(): Promise<ListeningEngine | null> {
    if (this.engine) return this.engine;
    this.creating ??= ListeningEngine.create({
      a: this.pair.a,
      b: this.pair.b,
      calibrationDbSpl: this.calibrationDbSpl,
      listeningLevelDb: this.listeningLevelDb,
      onMeters: (readings) => this.onMeters(readings),
      onLoudness: (report) => {
        this.loudness = report;
        this.requestFrame();
      },
      onTransport: (state) => {
        this.transport = state;
        this.requestFrame();
      },
      onListener: (side, index) => {
        this.listeners = { ...this.listeners, [side]: index };
        this.requestFrame();
      },
      onError: (message) => {
        this.error = message;
        this.requestFrame();
      },
    });
    try {
      const engine = await this.creating;
      this.engine = engine;
      engine.setSide(this.side);
      for (const side of ['A', 'B'] as const) engine.setListener(side, this.listeners[side]);
      engine.setMatchLoudness(this.matchLoudness);
      this.transport = engine.transportState;
      return engine;
    } catch (error) {
      this.creating = null;
      this.error = `Audio could not start: ${error instanceof Error ? error.message : String(error)}`;
      this.host.requestUpdate();
      return null;
    }
  }

  private onMeters(readings: ListenerMeters[]): void {
    for (const reading of readings) this.meters.set(`${reading.side}:${reading.listener}`, reading);
    this.requestFrame();
  }

  private requestFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.host.requestUpdate();
    });
  }
}
