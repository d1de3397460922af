/**
 * What <headroom-input-panel> plays through: it makes the input engine on the first play (in
 * the click, so the AudioContext is created inside the user's gesture), keeps what was set
 * before the engine existed (the side heard, monitoring, the listening level, the sound) and
 * hands it over then, feeds the chosen sound (the plucked string or the demo track, rendered
 * once per sample rate, or the microphone), and releases the engine on dispose().
 */
import type { Side } from '../engine/types.ts';
import { microphoneErrorMessage } from '../engine/index.ts';
import { renderDemoTrack, renderPluckedString, type SourceMaterial } from '../sources/index.ts';
import { InputEngine, type InputChoice } from './input-engine.ts';

export type InputSound = 'plucked' | 'demo' | 'microphone';

export interface InputPlayerOptions {
  listeningLevelDb: number;
  /** Whether the panel is still on the page: an engine made after it left is released at once. */
  isLive(): boolean;
  /** An engine-side error, or the microphone refused, in words. */
  onError(message: string): void;
}

export class InputPlayer {
  side: Side = 'A';
  monitoring = false;
  sound: InputSound = 'plucked';
  listeningLevelDb: number;
  playing = false;
  /** The microphone's warning (e.g. feedback through speakers), '' for none. */
  warning = '';

  #engine: InputEngine | null = null;
  #creating: Promise<InputEngine> | null = null;
  #materials = new Map<string, Promise<SourceMaterial>>();

  constructor(private readonly options: InputPlayerOptions) {
    this.listeningLevelDb = options.listeningLevelDb;
  }

  /** The engine, once play() made it; null before. */
  get engine(): InputEngine | null {
    return this.#engine;
  }

  setSide(side: Side): void {
    this.side = side;
    this.#engine?.setSide(side);
  }

  /** Throws when a side's monitoring latency is too long to be heard here. */
  setMonitoring(on: boolean): void {
    this.monitoring = on;
    this.#engine?.setMonitoring(on);
  }

  setListeningLevelDb(db: number): void {
    this.listeningLevelDb = db;
    this.#engine?.setListeningLevelDb(db);
  }

  /** Throws (a RangeError) for a choice the engine cannot play. */
  setChoice(side: Side, choice: InputChoice): void {
    this.#engine?.setChoice(side, choice);
  }

  async setSound(sound: InputSound): Promise<void> {
    this.sound = sound;
    if (this.#engine && this.playing) await this.#load(this.#engine);
  }

  async play(a: InputChoice, b: InputChoice, workletUrl?: string): Promise<void> {
    const engine = await this.#ensureEngine(a, b, workletUrl);
    await engine.start();
    await this.#load(engine);
    this.playing = true;
  }

  pause(): void {
    this.#engine?.pause();
    this.#engine?.stopMicrophone();
    this.playing = false;
  }

  dispose(): void {
    const engine = this.#engine;
    this.#engine = null;
    this.#creating = null;
    this.playing = false;
    void engine?.dispose();
  }

  #material(kind: 'plucked' | 'demo', sampleRate: number): Promise<SourceMaterial> {
    const key = `${kind}@${sampleRate}`;
    let material = this.#materials.get(key);
    if (!material) {
      material = kind === 'plucked' ? renderPluckedString(sampleRate) : renderDemoTrack(sampleRate);
      this.#materials.set(key, material);
      material.catch(() => this.#materials.delete(key));
    }
    return material;
  }

  async #load(engine: InputEngine): Promise<void> {
    this.warning = '';
    if (this.sound === 'microphone') {
      try {
        this.warning = await engine.useMicrophone();
      } catch (error) {
        this.options.onError(error instanceof Error ? error.message : microphoneErrorMessage(error));
      }
      return;
    }
    engine.setMaterial(await this.#material(this.sound, engine.context.sampleRate));
    engine.play();
  }

  #ensureEngine(a: InputChoice, b: InputChoice, workletUrl: string | undefined): Promise<InputEngine> {
    this.#creating ??= InputEngine.create({
      a,
      b,
      ...(workletUrl ? { workletUrl } : {}),
      listeningLevelDb: this.listeningLevelDb,
      monitoring: this.monitoring,
      onError: this.options.onError,
    }).then((engine) => {
      if (!this.options.isLive()) {
        void engine.dispose();
        throw new Error('the input panel was removed');
      }
      engine.setSide(this.side, engine.context.currentTime);
      this.#engine = engine;
      return engine;
    });
    this.#creating.catch(() => (this.#creating = null));
    return this.#creating;
  }
}
