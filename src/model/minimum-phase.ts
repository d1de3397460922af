/**
 * The phase of an impedance from its magnitude alone. A passive one-port's impedance has no
 * zeros or poles in the right half-plane (Z and 1/Z are both positive-real), so it is a
 * minimum-phase function, and its phase follows from ln|Z| by the Hilbert transform over
 * log frequency: Bode's gain–phase relation (H. W. Bode, "Network Analysis and Feedback
 * Amplifier Design", 1945, ch. 14):
 *
 *   φ(ω₀) = (1/π) ∫ (d ln|Z| / du) · ln coth(|u|/2) du,   u = ln(ω/ω₀)
 *
 * A slope of +1 (an inductor) everywhere gives +90°, of −1 (a capacitor) −90°: the kernel
 * integrates to π²/2. The kernel weights the slope near ω₀ most, but it reaches out a few
 * decades, so the magnitude must be extended beyond the measured band:
 *   - below the first point |Z| is held (a headphone tends to its DC resistance);
 *   - above the last point |Z| rises as a voice coil's R + jωL fitted to its last third of an
 *     octave (held when those points do not rise), for three decades.
 * The integral is a sum over a grid of 1/48 octave with each cell's kernel integrated exactly
 * (`kernelIntegral`), so the logarithmic singularity at u = 0 costs no accuracy.
 */

const STEP = Math.LN2 / 48;
/** Decades the magnitude is extended beyond each end. */
const EXTENSION_DECADES = 3;

/**
 * W(a) = ∫₀ᵃ ln coth(u/2) du. For small a the series ln coth(u/2) = ln(2/u) + u²/12 − 7u⁴/1440 + …
 * integrated term by term; for larger a, W(∞) − ∫ₐ^∞ with ln coth(u/2) = 2·Σ_{k odd} e^{−ku}/k.
 */
export function kernelIntegral(a: number): number {
  if (a <= 0) return 0;
  if (a < 0.5) return a * Math.log(2 / a) + a + a ** 3 / 36 - (7 * a ** 5) / 7200;
  let tail = 0;
  for (let k = 1; k < 200; k += 2) {
    const term = Math.exp(-k * a) / (k * k);
    tail += term;
    if (term < 1e-18) break;
  }
  return (Math.PI * Math.PI) / 4 - 2 * tail;
}

/**
 * The rise above the last point, as a voice coil's R + jωL: |Z|² = R² + (ωL)² fitted by least
 * squares (linear in R² and L²) to the points of the last third of an octave (at least two).
 * Returns ln|Z(u)| − ln|Z(u_last)| for u above the last point, or 0 (held) when the fit does not
 * describe a rise (L² ≤ 0 or R² ≤ 0).
 */
function highExtension(lnF: readonly number[], ohms: readonly number[]): (u: number) => number {
  const last = lnF.length - 1;
  let first = last - 1;
  while (first > 0 && lnF[last]! - lnF[first - 1]! <= Math.LN2 / 3) first--;
  // x = f², y = |Z|²: y = R² + L'²·x (L' = 2πL).
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  const n = last - first + 1;
  for (let i = first; i <= last; i++) {
    const x = Math.exp(2 * lnF[i]!);
    const y = ohms[i]! ** 2;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  const a = (sy - b * sx) / n;
  if (!(b > 0) || !(a > 0)) return () => 0;
  const atLast = a + b * Math.exp(2 * lnF[last]!);
  return (u) => 0.5 * Math.log((a + b * Math.exp(2 * u)) / atLast);
}

/**
 * The minimum phase, in degrees, at each point of a magnitude curve (`hz` rising, `ohms` > 0).
 */
export function minimumPhaseDeg(hz: readonly number[], ohms: readonly number[]): number[] {
  const n = hz.length;
  if (n < 2) return hz.map(() => 0);
  const lnF = hz.map(Math.log);
  const lnZ = ohms.map(Math.log);
  const rise = highExtension(lnF, ohms);
  const low = lnF[0]! - EXTENSION_DECADES * Math.LN10;
  const high = lnF[n - 1]! + EXTENSION_DECADES * Math.LN10;
  /** ln|Z| at u = ln f: interpolated, held below, extended above. */
  const magnitude = (u: number): number => {
    if (u <= lnF[0]!) return lnZ[0]!;
    if (u >= lnF[n - 1]!) return lnZ[n - 1]! + rise(u);
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (lnF[mid]! <= u) lo = mid;
      else hi = mid;
    }
    return lnZ[lo]! + ((lnZ[hi]! - lnZ[lo]!) * (u - lnF[lo]!)) / (lnF[hi]! - lnF[lo]!);
  };
  const cells = Math.ceil((high - low) / STEP);
  // Slope of each cell [low + j·h, low + (j+1)·h] (exact for the piecewise-linear magnitude).
  const slopes = new Float64Array(cells);
  let previous = magnitude(low);
  for (let j = 0; j < cells; j++) {
    const next = magnitude(low + (j + 1) * STEP);
    slopes[j] = (next - previous) / STEP;
    previous = next;
  }
  // Kernel weight of a cell m cells away: ∫ ln coth(|u|/2) du over [(m − ½)h, (m + ½)h], exact.
  const signedIntegral = (x: number) => (x < 0 ? -kernelIntegral(-x) : kernelIntegral(x));
  const weights = new Float64Array(2 * cells + 1);
  for (let m = -cells; m <= cells; m++) weights[m + cells] = signedIntegral((m + 0.5) * STEP) - signedIntegral((m - 0.5) * STEP);
  // The phase at each cell's centre, then at the points by linear interpolation.
  const phase = new Float64Array(cells);
  for (let k = 0; k < cells; k++) {
    let sum = 0;
    for (let j = 0; j < cells; j++) sum += slopes[j]! * weights[j - k + cells]!;
    phase[k] = sum / Math.PI;
  }
  return lnF.map((u) => {
    const x = (u - low) / STEP - 0.5;
    const k = Math.min(cells - 2, Math.max(0, Math.floor(x)));
    const t = x - k;
    return (phase[k]! + t * (phase[k + 1]! - phase[k]!)) * (180 / Math.PI);
  });
}
