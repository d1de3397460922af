/**
 * A microphone channel's preamp and converter on samples: gain, the preamp's white
 * Gaussian noise, clipping at digital full scale and N-bit quantization with optional
 * TPDF dither (the sum of two independent uniform values of ±½ LSB: triangular over
 * ±1 LSB, variance q²/6). Output codes are k·q with q = 2^(1−N), clipped to [−1, 1 − q].
 *
 * Random numbers: xorshift32 (Marsaglia 2003), seeded per instance, so a render is
 * reproducible; Gaussian values by Box–Muller. No allocation in `process()`.
 */
import type { Samples } from './samples.ts';

export interface ConverterSettings {
  signalGain: number;
  noiseRms: number;
  bitDepth: number;
  dither: boolean;
}

export class InputConverter {
  private signalGain = 0;
  private noiseRms = 0;
  private step = 2 ** -15;
  private dither = false;
  /**
   * Generator state in typed arrays: a plain number field that holds values beyond the
   * small-integer range in one instance and small ones in another would be stored boxed,
   * and every store would allocate.
   */
  private readonly seed = new Uint32Array(1);
  private readonly spare = new Float64Array(1);
  private hasSpare = false;
  /** Samples clipped at full scale since the counter was last read. */
  clipCount = 0;

  constructor(seed = 0x9e3779b9) {
    this.seed[0] = seed >>> 0 || 1;
  }

  configure(settings: ConverterSettings): void {
    this.signalGain = settings.signalGain;
    this.noiseRms = settings.noiseRms;
    this.step = 2 ** (1 - settings.bitDepth);
    this.dither = settings.dither;
  }

  /** A uniform value in [0, 1). */
  private uniform(): number {
    let x = this.seed[0]!;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed[0] = x;
    return this.seed[0]! / 4294967296;
  }

  private gaussian(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare[0]!;
    }
    const u = 1 - this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare[0] = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  /** input → output, `length` samples; input and output may be the same array. */
  process(input: Samples, output: Samples, length: number): void {
    const q = this.step;
    const top = 1 - q;
    for (let n = 0; n < length; n++) {
      let x = input[n]! * this.signalGain;
      if (this.noiseRms > 0) x += this.noiseRms * this.gaussian();
      if (this.dither) x += (this.uniform() - this.uniform()) * q;
      let y = q * Math.round(x / q);
      if (y > top) {
        y = top;
        this.clipCount++;
      } else if (y < -1) {
        y = -1;
        this.clipCount++;
      }
      output[n] = y;
    }
  }
}
