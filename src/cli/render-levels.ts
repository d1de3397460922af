/**
 * Levels of a rendered file, in the output convention of docs/model.md: a 0 dBFS sine stands
 * for the calibration SPL. RMS is stated AES17-style (a full-scale sine reads 0 dBFS), so
 * levelDbfs + calibrationDbSpl is the SPL of a sine with that RMS. Measured chunk by chunk
 * as the render writes.
 */
export interface Levels {
  /** RMS over all channels, dB re a full-scale sine; null for digital silence. */
  levelDbfs: number | null;
  /** Largest |sample|, dB re 1; null for digital silence. */
  peakDbfs: number | null;
}

export class LevelMeter {
  private sumSquares = 0;
  private count = 0;
  private peak = 0;

  add(channels: readonly Float32Array[], frames: number): void {
    for (const channel of channels) {
      let sum = 0;
      let peak = this.peak;
      for (let i = 0; i < frames; i++) {
        const x = channel[i]!;
        sum += x * x;
        peak = Math.max(peak, Math.abs(x));
      }
      this.sumSquares += sum;
      this.peak = peak;
      this.count += frames;
    }
  }

  /**
   * The same for a stereo chunk, while copying it interleaved into `into` (2 · frames floats,
   * left first): one pass over the samples where `add` and an interleaving copy took two. The
   * sums run per channel in the same order as `add`'s, so the levels are the same to the bit
   * (docs/decisions.md, "Render speed: one pass per stage").
   */
  addInterleaving(left: Float32Array, right: Float32Array, frames: number, into: Float32Array): void {
    let sumLeft = 0;
    let sumRight = 0;
    let peak = this.peak;
    for (let i = 0, o = 0; i < frames; i++, o += 2) {
      const l = left[i]!;
      const r = right[i]!;
      into[o] = l;
      into[o + 1] = r;
      sumLeft += l * l;
      sumRight += r * r;
      peak = Math.max(peak, Math.abs(l), Math.abs(r));
    }
    this.sumSquares += sumLeft;
    this.sumSquares += sumRight;
    this.peak = peak;
    this.count += 2 * frames;
  }

  levels(): Levels {
    if (this.peak === 0 || this.count === 0) return { levelDbfs: null, peakDbfs: null };
    return { levelDbfs: 20 * Math.log10(Math.sqrt(this.sumSquares / this.count) * Math.SQRT2), peakDbfs: 20 * Math.log10(this.peak) };
  }
}
