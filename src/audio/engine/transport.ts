/**
 * Playback of in-memory material: play, pause, seek, loop, position.
 *
 * An AudioBufferSourceNode plays once, so every start (play, seek while playing) makes a
 * new one. The buffer is made at the material's own sample rate; the context resamples it
 * to its rate. Each voice has its own gain: a start fades in and a stop fades out over
 * VOICE_FADE_SECONDS, and a seek while playing crossfades old and new voices, so the
 * transport never clicks. Position is computed from the context clock.
 */
import type { IAudioBuffer, IAudioBufferSourceNode, IGainNode } from 'standardized-audio-context';
import type { EngineContext, EngineNode } from './context-types.ts';
import { checkMaterial, checkNumberInRange } from './ranges.ts';
import type { SourceMaterial } from './types.ts';

export const VOICE_FADE_SECONDS = 0.005;

export interface LoopRegion {
  start: number;
  end: number;
}

interface Voice {
  source: IAudioBufferSourceNode<EngineContext>;
  gain: IGainNode<EngineContext>;
}

export class Transport {
  private material: SourceMaterial | null = null;
  private buffer: IAudioBuffer | null = null;
  private voice: Voice | null = null;
  /** Position (s) at context time `startedAt` of the current voice. */
  private offset = 0;
  private startedAt = 0;
  private playingNow = false;
  private looping = true;
  /** A stretch to loop instead of the whole material (a blind test's short comparisons). */
  private region: LoopRegion | null = null;

  constructor(
    private readonly context: EngineContext,
    private readonly output: EngineNode,
    private readonly onEnded: () => void,
  ) {}

  get current(): SourceMaterial | null {
    return this.material;
  }

  get playing(): boolean {
    return this.playingNow;
  }

  get duration(): number {
    return this.buffer ? this.buffer.duration : 0;
  }

  get loop(): boolean {
    return this.looping;
  }

  set loop(on: boolean) {
    if (this.playingNow) this.offset = this.position;
    this.startedAt = this.context.currentTime;
    this.looping = on;
    if (this.voice) this.voice.source.loop = on;
  }

  get position(): number {
    if (!this.playingNow) return this.offset;
    const elapsed = this.offset + (this.context.currentTime - this.startedAt);
    const d = this.duration;
    if (d <= 0) return 0;
    const region = this.looping ? this.region : null;
    if (region) return elapsed < region.end ? elapsed : region.start + ((elapsed - region.start) % (region.end - region.start));
    return this.looping ? elapsed % d : Math.min(elapsed, d);
  }

  get loopRegion(): LoopRegion | null {
    return this.region;
  }

  /**
   * Loops `region` (seconds, start < end ≤ duration) while looping is on, or the whole
   * material with null. Playing from outside the stretch jumps to its start.
   */
  setLoopRegion(region: LoopRegion | null): void {
    if (region) {
      checkNumberInRange('loop start seconds', region.start, { min: 0, max: this.duration }, 's');
      checkNumberInRange('loop end seconds', region.end, { min: region.start + 0.05, max: this.duration }, 's');
    }
    const now = this.context.currentTime;
    if (this.playingNow) {
      this.offset = this.position;
      this.stopVoice(now);
    }
    this.region = region ? { ...region } : null;
    if (this.playingNow) this.startVoice(now);
  }

  /** Loads new material (stops the old), at position 0; playing continues if it was. */
  load(material: SourceMaterial): void {
    checkMaterial(material);
    const frames = material.channels[0]!.length;
    const buffer = this.context.createBuffer(material.channels.length, frames, material.sampleRate);
    material.channels.forEach((channel, c) => buffer.copyToChannel(channel as Float32Array<ArrayBuffer>, c));
    const wasPlaying = this.playingNow;
    this.stopVoice(this.context.currentTime);
    this.material = material;
    this.buffer = buffer;
    this.offset = 0;
    this.region = null;
    this.playingNow = false;
    if (wasPlaying) this.play();
  }

  /** Drops the material (a live input takes over). */
  unload(): void {
    this.stopVoice(this.context.currentTime);
    this.material = null;
    this.buffer = null;
    this.offset = 0;
    this.playingNow = false;
  }

  /** Starts at the current position, at context time `when` (default now). */
  play(when = this.context.currentTime): void {
    if (!this.buffer || this.playingNow) return;
    if (this.offset >= this.duration && !this.looping) this.offset = 0;
    this.startVoice(when);
  }

  pause(when = this.context.currentTime): void {
    if (!this.playingNow) return;
    this.offset = this.position;
    this.playingNow = false;
    this.stopVoice(when);
  }

  seek(seconds: number): void {
    const d = this.duration;
    checkNumberInRange('seek seconds', seconds, { min: 0, max: d }, 's');
    if (!this.playingNow) {
      this.offset = seconds;
      return;
    }
    const now = this.context.currentTime;
    this.stopVoice(now);
    this.offset = seconds;
    this.startVoice(now);
  }

  private startVoice(when: number): void {
    const buffer = this.buffer!;
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.loop = this.looping;
    if (this.region) {
      if (this.offset < this.region.start || this.offset >= this.region.end) this.offset = this.region.start;
      source.loopStart = this.region.start;
      source.loopEnd = this.region.end;
    }
    const gain = this.context.createGain();
    gain.gain.setValueAtTime(0, when);
    gain.gain.linearRampToValueAtTime(1, when + VOICE_FADE_SECONDS);
    source.connect(gain).connect(this.output);
    const voice: Voice = { source, gain };
    source.onended = () => {
      if (this.voice !== voice) return;
      // Reached the end without looping.
      this.voice = null;
      this.playingNow = false;
      this.offset = this.duration;
      gain.disconnect();
      this.onEnded();
    };
    source.start(when, Math.min(this.offset, Math.max(0, buffer.duration - 1 / buffer.sampleRate)));
    this.voice = voice;
    this.startedAt = when;
    this.playingNow = true;
  }

  private stopVoice(when: number): void {
    const voice = this.voice;
    if (!voice) return;
    this.voice = null;
    voice.gain.gain.cancelScheduledValues(when);
    voice.gain.gain.setValueAtTime(voice.gain.gain.value, when);
    voice.gain.gain.linearRampToValueAtTime(0, when + VOICE_FADE_SECONDS);
    voice.source.onended = () => voice.gain.disconnect();
    voice.source.stop(when + VOICE_FADE_SECONDS);
  }

  dispose(): void {
    this.stopVoice(this.context.currentTime);
    this.material = null;
    this.buffer = null;
  }
}
