/**
 * One listener's output file, written while the render runs: the float WAV header (the
 * frame count is known from the input), then each chunk as it comes (the encoder is the
 * app's, src/audio/engine/wav-export.ts), and the file's levels, measured as it is written.
 * It is written under a `.partial` name and renamed when complete, so a failed or stopped
 * render leaves no half file behind.
 */
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { FLOAT_WAV_HEADER_BYTES, floatWavHeader, interleaveFloat32, LITTLE_ENDIAN_PLATFORM } from '../audio/engine/wav-export.ts';
import { LevelMeter } from './render-levels.ts';

export class WavOutput {
  private handle: FileHandle | null = null;
  /** Two buffers: one being written to the file while the next chunk is interleaved into the other. */
  private readonly buffers = [new Uint8Array(0), new Uint8Array(0)];
  private turn = 0;
  private pending: Promise<unknown> = Promise.resolve();
  private position = 0;
  readonly partialPath: string;
  /** The levels of what was written so far. */
  readonly meter = new LevelMeter();

  constructor(
    readonly path: string,
    private readonly channelCount: number,
    private readonly sampleRateHz: number,
    private readonly frames: number,
  ) {
    this.partialPath = `${path}.partial`;
  }

  async open(): Promise<void> {
    this.handle = await open(this.partialPath, 'w');
    await this.handle.write(floatWavHeader(this.channelCount, this.sampleRateHz, this.frames), 0, FLOAT_WAV_HEADER_BYTES, 0);
    this.position = FLOAT_WAV_HEADER_BYTES;
  }

  /**
   * Interleaves the chunk and starts writing it; returns once the previous chunk's write has
   * finished, so the file is written while the next chunk renders (and at most two chunks wait).
   */
  async write(channels: readonly Float32Array[], count: number): Promise<void> {
    const bytes = count * this.channelCount * 4;
    this.turn ^= 1;
    if (this.buffers[this.turn]!.length < bytes) this.buffers[this.turn] = new Uint8Array(bytes);
    const buffer = this.buffers[this.turn]!;
    if (LITTLE_ENDIAN_PLATFORM && this.channelCount === 2) {
      // The buffers start their own ArrayBuffers, so the float view is aligned.
      this.meter.addInterleaving(channels[0]!, channels[1]!, count, new Float32Array(buffer.buffer, 0, 2 * count));
    } else {
      this.meter.add(channels, count);
      interleaveFloat32(channels, 0, count, buffer);
    }
    const previous = this.pending;
    const at = this.position;
    this.position += bytes;
    this.pending = previous.then(() => this.handle!.write(buffer, 0, bytes, at));
    await previous;
  }

  /** Waits for the last write, closes the file and gives it its name. */
  async finish(): Promise<void> {
    await this.pending;
    await this.handle!.close();
    this.handle = null;
    await rename(this.partialPath, this.path);
  }

  /** Closes and deletes the partial file (after a failure). */
  async discard(): Promise<void> {
    await this.pending.catch(() => undefined);
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    await unlink(this.partialPath).catch(() => undefined);
  }
}
