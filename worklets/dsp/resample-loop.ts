/**
 * Sample-rate conversion of a loop (material that plays round and round, like the demo
 * track) by a rational factor L/M, with a Kaiser-windowed sinc in polyphase form.
 *
 *   y[k] = Σ_j x[(⌊kM/L⌋ + j) mod n] · h(j − φ_k),   φ_k = (kM mod L)/L,   j = −W+1…W
 *   h(t) = 2f_c·sinc(2f_c·t)·w(t/W),   w = Kaiser(β)           (t in input samples)
 *
 * The input is read cyclically, so the last output samples are made from the first input
 * samples as the loop plays them: the seam stays as clean as it was. One table of 2W taps
 * per phase (L phases), computed once per call.
 *
 * The band to keep is 0–20 kHz (as the half-band design's, half-band-design.ts). Content of
 * the interpolated signal between the output's Nyquist frequency and f_out − 20 kHz folds
 * above 20 kHz, outside the audio band; so does the interpolation's first image below
 * f_in − 20 kHz. The stopband starts at min(f_in, f_out) − 20 kHz, with 80 dB
 * (β = 0.1102·(A − 8.7), Kaiser's formula), and W follows Kaiser's length estimate for that
 * transition band. 48 → 44.1 kHz: stopband from 24.1 kHz, 2W = 60 taps.
 *
 * Allocates (the table and the output); meant for preparing material, not for a block loop.
 */
import { besselI0 } from './half-band-design.ts';

/** The audio band kept intact. */
const PASSBAND_HZ = 20_000;
const STOPBAND_DB = 80;
/** Far more phases than any pair of common rates needs (44.1 ↔ 48 kHz: 147 or 160). */
const MAX_PHASES = 4096;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** How a loop at `fromRate` becomes one at `toRate`: the factor, the output length, the filter. */
export interface LoopResampling {
  /** Up and down factors, toRate/fromRate = up/down in lowest terms. */
  up: number;
  down: number;
  /** Output samples for an input of `inputLength` (a loop of the same duration). */
  outputLength(inputLength: number): number;
  /** Taps per phase (2W). */
  taps: number;
}

export function loopResampling(fromRate: number, toRate: number): LoopResampling {
  for (const [name, rate] of [['fromRate', fromRate], ['toRate', toRate]] as const) {
    if (!Number.isInteger(rate) || rate < 8000 || rate > 384_000) throw new RangeError(`${name} must be a whole number of Hz from 8000 to 384000 (got ${rate})`);
  }
  const g = gcd(fromRate, toRate);
  const up = toRate / g;
  const down = fromRate / g;
  if (up > MAX_PHASES) throw new RangeError(`resampling ${fromRate} → ${toRate} Hz needs ${up} phases (at most ${MAX_PHASES})`);
  const { halfWidth } = design(fromRate, toRate);
  return { up, down, taps: 2 * halfWidth, outputLength: (n) => Math.round((n * up) / down) };
}

/** Cutoff (cycles per input sample), half width W (input samples) and β of the kernel. */
function design(fromRate: number, toRate: number): { cutoff: number; halfWidth: number; beta: number } {
  const low = Math.min(fromRate, toRate);
  // 20 kHz, or a little under the lower Nyquist frequency at low rates.
  const pass = Math.min(PASSBAND_HZ, 0.46 * low);
  const passCycles = pass / fromRate;
  const stopCycles = (low - pass) / fromRate;
  const transition = stopCycles - passCycles;
  const taps = Math.ceil((STOPBAND_DB - 7.95) / (14.36 * transition));
  return { cutoff: (passCycles + stopCycles) / 2, halfWidth: Math.max(2, Math.ceil(taps / 2)), beta: 0.1102 * (STOPBAND_DB - 8.7) };
}

/** `input` (one loop) at `fromRate` as the same loop at `toRate`. Equal rates give a copy. */
export function resampleLoop(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  const plan = loopResampling(fromRate, toRate);
  if (fromRate === toRate) return input.slice();
  const n = input.length;
  if (n === 0) return new Float32Array(0);
  const { up, down } = plan;
  const { cutoff, halfWidth: w, beta } = design(fromRate, toRate);
  const width = 2 * w;
  const table = new Float64Array(up * width);
  const i0Beta = besselI0(beta);
  for (let p = 0; p < up; p++) {
    const phase = p / up;
    for (let j = 0; j < width; j++) {
      const t = j - w + 1 - phase;
      const r = t / w;
      const window = Math.abs(r) < 1 ? besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta : 0;
      const x = 2 * cutoff * t;
      table[p * width + j] = 2 * cutoff * (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)) * window;
    }
  }
  const out = new Float32Array(plan.outputLength(n));
  for (let k = 0; k < out.length; k++) {
    const position = k * down;
    const base = Math.floor(position / up) - w + 1;
    const row = (position % up) * width;
    let sum = 0;
    if (base >= 0 && base + width <= n) {
      for (let j = 0; j < width; j++) sum += input[base + j]! * table[row + j]!;
    } else {
      for (let j = 0; j < width; j++) sum += input[(((base + j) % n) + n) % n]! * table[row + j]!;
    }
    out[k] = sum;
  }
  return out;
}
