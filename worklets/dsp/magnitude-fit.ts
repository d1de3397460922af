/**
 * Analog network → digital sections at the base rate, by matched poles and a numerator
 * fitted to the analog magnitude: the 1× design for networks whose bilinear transform at
 * 1× warps too much (see networks.ts for how the design is chosen).
 *
 * Why. The bilinear transform gives H_d(e^{jθ}) = H(j·K·tan(θ/2)): the whole analog axis
 * squeezed into 0…fs/2. At 48 kHz, pre-warped at 20 kHz, 15 kHz is heard as the analog
 * response at 17.2 kHz, and a network whose level still moves up there (a phone's 2.9 Ω
 * against two voice coils' inductance) misses by 0.05 dB. Oversampling shrinks the
 * warping but costs interpolators and 2–4× the filtering. This design stays at 1×:
 *
 * 1. Poles by the matched-z (impulse-invariant) map z = e^{pT}, T = 1/fs: every mode of
 *    the network decays and rings exactly as the analog one (Oppenheim & Schafer,
 *    "Discrete-Time Signal Processing", 3rd ed., §7.1.1). Stable by construction:
 *    Re p < 0 ⇒ |e^{pT}| < 1. Poles far above the band map next to z = 0.
 * 2. Zeros well inside the band (|z| < 2π·fs/8, e.g. a motional branch's resonance or a
 *    coupling capacitor's zero at s = 0) by the same map, F(z) = Π(1 − e^{zT}·z⁻¹): they
 *    shape the response where the map is accurate, and near z = 1 no fit could place them.
 * 3. The m remaining zeros (those above fs/8 and any that aliasing would misplace, plus
 *    `extraOrder` more, balanced by poles at z = 0) are chosen so that |H_d| fits |H|:
 *    with P(θ) = |H(jω)|²·|A(e^{jθ})|² / |F(e^{jθ})|² (ω = θ·fs, A the pole polynomial),
 *    the free numerator Q must satisfy |Q(e^{jθ})|² ≈ P(θ). |Q|² is a cosine series
 *
 *        R(θ) = r₀ + 2·Σ_{k=1..m} r_k·cos(kθ),
 *
 *    linear in r, so r is the weighted least-squares fit of P on 240 log-spaced
 *    frequencies from 20 Hz to 0.995·fs/2, weights 1/P (relative error, i.e. dB) in the
 *    band and 0.1/P above it (kept near the analog response there, not fitted to it).
 * 4. Q from R by spectral factorization (Fejér–Riesz): z^m·R(z) has its 2m roots in pairs
 *    (ρ, 1/ρ̄); Q takes the m inside the unit circle (minimum phase, as the analog network
 *    is: a passive divider's zeros are in the left half-plane), scaled so |Q|² = R.
 *    The overall sign is that of the analog response at 1 kHz.
 *
 * Returns null (the caller falls back to an oversampled bilinear design) when the fit is
 * not a realisable magnitude: R not positive everywhere on [0, π], a root pair on the unit
 * circle, a rank-deficient fit, an unstable section after rounding, or a response that
 * rises more than 1 dB above the analog network's largest gain anywhere up to fs/2 (a
 * fitted bump above the band is still heard as level; this keeps it from being louder).
 * The accuracy in the band is the caller's to measure (networks.ts: networkErrorDb).
 *
 * Design-time code: allocates; call it when a plan arrives, never in `process()`.
 */
import { analogRoots, sectionsFromDigitalRoots, type BiquadSections } from './analog-to-digital.ts';
import { analogResponse, sectionsResponse } from './frequency-response.ts';
import { leastSquares } from './least-squares.ts';
import { polynomialRoots, type Root } from './polynomial-roots.ts';

export interface MagnitudeFitOptions {
  readonly sampleRateHz: number;
  /** Free zeros beyond the network's order, each balanced by a pole at z = 0; default 0. */
  readonly extraOrder?: number;
  /**
   * Pole–zero pairs left out of the design, nearest first (a conjugate pair counts as
   * one); default 0. The fit still targets the whole |H|. See `cancelPairs`.
   */
  readonly cancelledPairs?: number;
}

/** Zeros below this fraction of fs are mapped, not fitted (see the header, step 2). */
export const MAPPED_ZERO_FRACTION = 1 / 8;
/** Upper edge of the band fitted at full weight (or just below fs/2 if that is lower). */
const BAND_HZ = 20_000;
const GRID_POINTS = 240;
const ABOVE_BAND_WEIGHT = 0.1;
/** Largest gain over the analog network's that the design may have anywhere (1 dB). */
const MAX_EXCESS_GAIN = 10 ** (1 / 20);
/**
 * Points on [0, π] where R must be positive and the gain bounded. R is a cosine series of
 * degree m ≤ ~16, so its features are π/m wide; the spectral factorization's root count
 * (exactly m inside the unit circle) is the proof of positivity, the grid a quick reject.
 */
const CHECK_POINTS = 512;

export function fitMagnitude(numerator: readonly number[], denominator: readonly number[], options: MagnitudeFitOptions): BiquadSections | null {
  const fs = options.sampleRateHz;
  if (!(fs > 0) || !Number.isFinite(fs)) throw new RangeError(`sampleRateHz must be a finite number > 0 (got ${fs})`);
  const extra = options.extraOrder ?? 0;
  if (!Number.isInteger(extra) || extra < 0) throw new RangeError(`extraOrder must be an integer ≥ 0 (got ${extra})`);
  const nyquist = fs / 2;
  const bandHz = Math.min(BAND_HZ, 0.995 * nyquist);

  const analog = analogRoots(numerator, denominator);
  for (const p of analog.poles) {
    if (!(p.re < 0)) throw new RangeError(`H(s) must be stable: pole at ${p.re} + ${p.im}j is not in the left half-plane`);
  }
  const { poles: keptPoles, zeros: keptZeros } = cancelPairs(analog.poles, analog.zeros, options.cancelledPairs ?? 0);
  const mappedLimit = 2 * Math.PI * fs * MAPPED_ZERO_FRACTION;
  const mappedZeros = keptZeros.filter((z) => Math.hypot(z.re, z.im) < mappedLimit).map((z) => matched(z, fs));
  const poles = keptPoles.map((p) => matched(p, fs));
  for (let i = 0; i < extra; i++) poles.push({ re: 0, im: 0 });
  const m = poles.length - mappedZeros.length;
  if (m < 0) return null;

  const a = realPolynomial(poles);
  const f = realPolynomial(mappedZeros);
  const response = (hz: number) => {
    const h = analogResponse(numerator, denominator, hz);
    return h.re * h.re + h.im * h.im;
  };

  // Step 3: weighted least squares for r₀…r_m.
  const rows: number[][] = [];
  const rhs: number[] = [];
  let analogPeak = 0;
  for (let i = 0; i < GRID_POINTS; i++) {
    const hz = 20 * (0.995 * nyquist / 20) ** (i / (GRID_POINTS - 1));
    const theta = (2 * Math.PI * hz) / fs;
    const h2 = response(hz);
    analogPeak = Math.max(analogPeak, h2);
    const target = (h2 * magnitudeSquared(a, theta)) / magnitudeSquared(f, theta);
    if (!(target > 0) || !Number.isFinite(target)) return null;
    const w = (hz <= bandHz ? 1 : ABOVE_BAND_WEIGHT) / target;
    const row = [w];
    for (let k = 1; k <= m; k++) row.push(2 * w * Math.cos(k * theta));
    rows.push(row);
    rhs.push(w * target);
  }
  const r = leastSquares(rows, rhs);
  if (r === null) return null;
  let rMax = 0;
  let rMin = Infinity;
  for (let i = 0; i <= CHECK_POINTS; i++) {
    const value = cosineSeries(r, (Math.PI * i) / CHECK_POINTS);
    rMax = Math.max(rMax, value);
    rMin = Math.min(rMin, value);
  }
  if (!(rMin > 1e-9 * rMax)) return null;

  // Step 4: spectral factorization.
  let freeZeros: Root[] = [];
  if (m > 0) {
    // z^m·R(z), ascending powers of z: r_m … r_1, r_0, r_1 … r_m.
    const symmetric = [...r.slice(1).reverse(), r[0]!, ...r.slice(1)];
    freeZeros = polynomialRoots(symmetric).filter((z) => Math.hypot(z.re, z.im) < 1);
    if (freeZeros.length !== m) return null;
  }
  const q = realPolynomial(freeZeros);
  let gain = Math.sqrt(cosineSeries(r, 0) / magnitudeSquared(q, 0));

  let sections: BiquadSections;
  try {
    sections = sectionsFromDigitalRoots([...mappedZeros, ...freeZeros], poles, gain);
    const referenceHz = Math.min(1000, bandHz / 2);
    const d = sectionsResponse(sections, referenceHz, fs);
    const h = analogResponse(numerator, denominator, referenceHz);
    if (d.re * h.re + d.im * h.im < 0) {
      gain = -gain;
      sections = sectionsFromDigitalRoots([...mappedZeros, ...freeZeros], poles, gain);
    }
  } catch {
    // sectionsFromDigitalRoots refuses non-finite or unstable sections (rounding near |z| = 1).
    return null;
  }
  const limit = analogPeak * MAX_EXCESS_GAIN * MAX_EXCESS_GAIN;
  for (let i = 0; i <= CHECK_POINTS; i++) {
    const d = sectionsResponse(sections, (nyquist * i) / CHECK_POINTS, fs);
    if (!(d.re * d.re + d.im * d.im <= limit)) return null;
  }
  return sections;
}

/**
 * Leaves out the `count` pole–zero pairs that nearly cancel. A listener on a shared output
 * sees every other headphone's voice coil and motional branch as a pole and a zero a fraction
 * of a percent apart (through the source's few ohms), whose net effect on |H| is hundredths
 * of a dB; the fit absorbs it, and each pair left out is a section (or half of one) fewer.
 * Pairs are matched by relative distance |p − z|/|p|, real with real and conjugate pairs with
 * conjugate pairs (the upper root stands for both); the nearest go first.
 */
function cancelPairs(poles: readonly Root[], zeros: readonly Root[], count: number): { poles: Root[]; zeros: Root[] } {
  if (count === 0) return { poles: [...poles], zeros: [...zeros] };
  const dropped = new Set<Root>();
  for (const { pole, zero } of nearestPairs(poles, zeros).slice(0, count)) dropped.add(pole).add(zero);
  const conjugateDropped = (r: Root, list: readonly Root[]) => r.im < 0 && list.some((u) => dropped.has(u) && u.re === r.re && u.im === -r.im);
  return {
    poles: poles.filter((p) => !dropped.has(p) && !conjugateDropped(p, poles)),
    zeros: zeros.filter((z) => !dropped.has(z) && !conjugateDropped(z, zeros)),
  };
}

/** Pole–zero pairs a relative distance below this are offered for cancelling (`cancellablePairs`). */
export const CANCELLABLE_DISTANCE = 0.05;

/** How many of the network's pole–zero pairs are within CANCELLABLE_DISTANCE of each other. */
export function cancellablePairs(numerator: readonly number[], denominator: readonly number[]): number {
  const analog = analogRoots(numerator, denominator);
  return nearestPairs(analog.poles, analog.zeros).filter((pair) => pair.distance < CANCELLABLE_DISTANCE).length;
}

/** Disjoint pole–zero pairs (upper roots only), greedily nearest first. */
function nearestPairs(poles: readonly Root[], zeros: readonly Root[]): { pole: Root; zero: Root; distance: number }[] {
  const candidates: { pole: Root; zero: Root; distance: number }[] = [];
  for (const pole of poles) {
    if (pole.im < 0) continue;
    for (const zero of zeros) {
      if (zero.im < 0 || (pole.im === 0) !== (zero.im === 0)) continue;
      candidates.push({ pole, zero, distance: Math.hypot(pole.re - zero.re, pole.im - zero.im) / Math.hypot(pole.re, pole.im) });
    }
  }
  candidates.sort((x, y) => x.distance - y.distance);
  const used = new Set<Root>();
  const pairs: { pole: Root; zero: Root; distance: number }[] = [];
  for (const candidate of candidates) {
    if (used.has(candidate.pole) || used.has(candidate.zero)) continue;
    used.add(candidate.pole).add(candidate.zero);
    pairs.push(candidate);
  }
  return pairs;
}

/** z = e^{rT}. */
function matched(root: Root, sampleRateHz: number): Root {
  const radius = Math.exp(root.re / sampleRateHz);
  const angle = root.im / sampleRateHz;
  return { re: radius * Math.cos(angle), im: radius * Math.sin(angle) };
}

/** Coefficients of Π(1 − ρ·z⁻¹) in ascending powers of z⁻¹ (roots in conjugate pairs: real). */
function realPolynomial(roots: readonly Root[]): number[] {
  let re = [1];
  let im = [0];
  for (const root of roots) {
    const nextRe = [...re, 0];
    const nextIm = [...im, 0];
    for (let k = 0; k < re.length; k++) {
      nextRe[k + 1]! -= re[k]! * root.re - im[k]! * root.im;
      nextIm[k + 1]! -= re[k]! * root.im + im[k]! * root.re;
    }
    re = nextRe;
    im = nextIm;
  }
  return re;
}

/** |Σ c_k·e^{−jkθ}|². */
function magnitudeSquared(c: readonly number[], theta: number): number {
  let re = 0;
  let im = 0;
  for (let k = 0; k < c.length; k++) {
    re += c[k]! * Math.cos(k * theta);
    im -= c[k]! * Math.sin(k * theta);
  }
  return re * re + im * im;
}

/** r₀ + 2·Σ r_k·cos(kθ). */
function cosineSeries(r: readonly number[], theta: number): number {
  let value = r[0]!;
  for (let k = 1; k < r.length; k++) value += 2 * r[k]! * Math.cos(k * theta);
  return value;
}
