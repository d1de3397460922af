/**
 * Small readings of analyser data for the scope and the spectrum: a trigger point, the
 * strongest spectral peak and the levels of its harmonics. Display helpers only; nothing here
 * feeds the model or the audio.
 */

/**
 * The first rising zero crossing in `samples[from..to)`, as a fractional index (linear
 * interpolation between the two samples around zero), or null. The signal must first go
 * below −`hysteresis`, so noise around zero does not trigger.
 */
export function risingZeroCrossing(samples: ArrayLike<number>, from: number, to: number, hysteresis = 0): number | null {
  let armed = false;
  const end = Math.min(to, samples.length);
  for (let i = Math.max(1, from); i < end; i++) {
    const previous = samples[i - 1]!;
    const current = samples[i]!;
    if (previous < -hysteresis) armed = true;
    if (armed && previous < 0 && current >= 0) return i - 1 + previous / (previous - current);
  }
  return null;
}

/** Linear interpolation of `samples` at a fractional index. */
export function sampleAt(samples: ArrayLike<number>, index: number): number {
  const i = Math.floor(index);
  const t = index - i;
  const a = samples[i] ?? 0;
  const b = samples[i + 1] ?? a;
  return a + t * (b - a);
}

export interface SpectralPeak {
  bin: number;
  /** Interpolated frequency (parabola through the peak bin and its neighbours, in dB). */
  hz: number;
  db: number;
}

/** The strongest bin at or above `minHz`, refined by parabolic interpolation; null if all are silent. */
export function strongestPeak(db: ArrayLike<number>, sampleRate: number, fftSize: number, minHz = 20): SpectralPeak | null {
  const binHz = sampleRate / fftSize;
  const first = Math.max(1, Math.ceil(minHz / binHz));
  let best = -1;
  for (let k = first; k < db.length; k++) {
    if (Number.isFinite(db[k]!) && (best < 0 || db[k]! > db[best]!)) best = k;
  }
  if (best < 0) return null;
  return refine(db, best, binHz);
}

function refine(db: ArrayLike<number>, k: number, binHz: number): SpectralPeak {
  const a = db[k - 1];
  const b = db[k]!;
  const c = db[k + 1];
  let offset = 0;
  if (a !== undefined && c !== undefined && Number.isFinite(a) && Number.isFinite(c)) {
    const denominator = a - 2 * b + c;
    if (denominator < 0) offset = Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denominator));
  }
  return { bin: k, hz: (k + offset) * binHz, db: b - 0.25 * ((a ?? b) - (c ?? b)) * offset };
}

/**
 * The `count` strongest local maxima at or above `minHz` and above `floorDb`, loudest first,
 * each refined like `strongestPeak`. A maximum within 3 bins of a louder one is the same
 * component's skirt (the window's main lobe is 4 bins wide) and is skipped.
 */
export function strongestPeaks(db: ArrayLike<number>, sampleRate: number, fftSize: number, count: number, minHz = 20, floorDb = -Infinity): SpectralPeak[] {
  const binHz = sampleRate / fftSize;
  const first = Math.max(1, Math.ceil(minHz / binHz));
  const maxima: number[] = [];
  for (let k = first; k < db.length - 1; k++) {
    const v = db[k]!;
    if (Number.isFinite(v) && v > floorDb && v >= db[k - 1]! && v > db[k + 1]!) maxima.push(k);
  }
  maxima.sort((a, b) => db[b]! - db[a]!);
  const chosen: number[] = [];
  for (const k of maxima) {
    if (chosen.length >= count) break;
    if (chosen.every((c) => Math.abs(c - k) > 3)) chosen.push(k);
  }
  return chosen.map((k) => refine(db, k, binHz));
}

export interface Harmonic extends SpectralPeak {
  /** 2 for the second harmonic, … */
  n: number;
  /** Level relative to the fundamental. */
  dbc: number;
  /** Stands at least 10 dB above the noise floor (the spectrum's median, or `floorDb` if higher), so it is real. */
  significant: boolean;
}

/** Harmonics 2..`count` of `fundamental` below the Nyquist frequency: the strongest bin within ±2 bins of n·f0. */
export function harmonicsOf(
  db: ArrayLike<number>,
  fundamental: SpectralPeak,
  sampleRate: number,
  fftSize: number,
  count = 10,
  floorDb = -Infinity,
): Harmonic[] {
  const binHz = sampleRate / fftSize;
  const floor = Math.max(median(db), floorDb);
  const harmonics: Harmonic[] = [];
  for (let n = 2; n <= count; n++) {
    const centre = Math.round((n * fundamental.hz) / binHz);
    if (centre + 2 >= db.length) break;
    let best = centre;
    for (let k = centre - 2; k <= centre + 2; k++) if (db[k]! > db[best]!) best = k;
    const peak = refine(db, best, binHz);
    harmonics.push({ ...peak, n, dbc: peak.db - fundamental.db, significant: peak.db > floor + 10 });
  }
  return harmonics;
}

function median(values: ArrayLike<number>): number {
  const finite = Array.from(values).filter(Number.isFinite).sort((x, y) => x - y);
  return finite.length ? finite[Math.floor(finite.length / 2)]! : -Infinity;
}
