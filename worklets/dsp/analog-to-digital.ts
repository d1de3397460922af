/**
 * Analog transfer function → cascaded digital second-order sections, by the bilinear
 * transform (A. V. Oppenheim & R. W. Schafer, "Discrete-Time Signal Processing",
 * 3rd ed., §7.2; pre-warping as in §7.2.2).
 *
 *   H(s) = N(s)/D(s) = g · Π(s − zᵢ) / Π(s − pⱼ),   g = n_m / d_n (leading coefficients)
 *
 * Substituting s = K·(1 − z⁻¹)/(1 + z⁻¹) maps every first-order factor to
 *
 *   s − r  =  (K − r) · (1 − r_d·z⁻¹) / (1 + z⁻¹),   r_d = (K + r)/(K − r)
 *
 * so each analog root r becomes the digital root r_d, the gain picks up (K − r), and
 * the n − m surplus (1 + z⁻¹) factors of a strictly proper H become zeros at z = −1:
 *
 *   H(z) = g · Π(K − zᵢ)/Π(K − pⱼ) · Π(1 − z_{d,i} z⁻¹)/Π(1 − p_{d,j} z⁻¹) · (1 + z⁻¹)^{n−m}
 *
 * K = 2·fs maps analog ω to digital ω_d with ω = 2fs·tan(ω_d/(2fs)); that warping is
 * why the plain transform at 44.1 kHz misses a 0.05 mH in-ear's response by dB near
 * 20 kHz. Pre-warping at f_w uses K = ω_w / tan(ω_w/(2fs)) instead, which makes the
 * response exact at f_w (and only there); running at an oversampled fs is what makes
 * it accurate across the whole band (see docs/dsp.md for measured numbers).
 *
 * Roots far above the band: a root r with |r| > R = FAR_ROOT_RATIO·K (10⁴·K) would map
 * to r_d = (K + r)/(K − r), within 2K/|r| < 2·10⁻⁴ of z = −1, and for |r| ≳ 10¹⁶·K onto
 * z = −1 itself by rounding: a valid 0 Ω source driving a voice coil of 10⁻²⁰ mH has a
 * pole at s ≈ −10²² that became an unstable section at 8 kHz. Such a root does nothing
 * audible. The digital band up to ω_d sees analog frequencies ω ≤ K·tan(ω_d/2fs), and
 * there (s − r) ≈ −r. So it is replaced by a real root at −R, with its in-band factor
 * kept in the gain: (s − r) ≈ (−r/R)·(s + R) (a conjugate pair contributes |r|²/R²).
 * Far zeros in excess of the poles are dropped instead, their factor −z kept in the
 * gain: an H improper only through zeros far above the band is proper in it (a 0.1 Ω,
 * 10⁻²⁰ mH voice coil behind a coupling capacitor on a 0 Ω source compiles to
 * H ≈ s·(1 + 10⁻²²·s)/(s + 10⁸)). Each far root changes the response by at most 2ω/R rad
 * in phase and 8.7·(ω/R)² dB in magnitude; at 20 kHz on a 1× 44.1 kHz network
 * (ω = 6.7·K, the worst case of the 20 Hz–20 kHz grid) that is 0.0013 rad (10 ns of
 * delay) and 4·10⁻⁶ dB. Only the last ~10⁻⁴ of the band below Nyquist, whose analog
 * images lie near R and beyond, changes more. Roots near s = 0 are not touched (they
 * shape the band, e.g. a coupling capacitor's corner); one so close to 0 (or to the
 * imaginary axis) that r_d rounds onto |z| = 1 is refused by the checks below.
 *
 * The designed sections are checked: every coefficient finite and every section inside
 * the stability triangle (|a2| < 1, |a1| < 1 + a2), so a design that rounding put on
 * the unit circle is refused here with the pole that caused it, not later by the
 * cascade that would run it.
 *
 * Sections: complex roots go in conjugate pairs, real roots are paired in sorted
 * order; each pole section takes the zero pair nearest to its poles (which keeps the
 * per-section gain moderate). The whole gain sits in the first section's numerator;
 * with double-precision state the distribution does not matter for noise.
 *
 * Design-time code: allocates; call it when a plan arrives, never in `process()`.
 */
import { complexDivide, complexMultiply } from '../../src/math/complex.ts';
import { polynomialRoots, type Root } from './polynomial-roots.ts';

/** Coefficients per section, 5 per section: b0, b1, b2, a1, a2 (a0 = 1). */
export interface BiquadSections {
  readonly count: number;
  readonly coefficients: Float64Array;
}

export interface AnalogRoots {
  readonly zeros: readonly Root[];
  readonly poles: readonly Root[];
  /** g in H(s) = g · Π(s − z)/Π(s − p). */
  readonly gain: number;
}

export interface BilinearOptions {
  readonly sampleRateHz: number;
  /** Frequency at which the digital response is made exact; omitted: K = 2fs. */
  readonly prewarpHz?: number;
}

/**
 * H(s) = N(s)/D(s) from coefficients in ascending powers of s
 * (`[c0, c1, c2]` is c0 + c1·s + c2·s²). H must be stable and proper (deg N ≤ deg D, not
 * counting zeros far above the band, see the header).
 */
export function bilinearFromPolynomials(
  numerator: readonly number[],
  denominator: readonly number[],
  options: BilinearOptions,
): BiquadSections {
  return bilinearFromRoots(analogRoots(numerator, denominator), options);
}

export function analogRoots(numerator: readonly number[], denominator: readonly number[]): AnalogRoots {
  const num = trimHighZeros(numerator, 'numerator');
  const den = trimHighZeros(denominator, 'denominator');
  return {
    zeros: num.length > 1 ? polynomialRoots(num) : [],
    poles: den.length > 1 ? polynomialRoots(den) : [],
    gain: num[num.length - 1]! / den[den.length - 1]!,
  };
}

/** The bilinear constant K for a sample rate and optional pre-warp frequency. */
export function bilinearConstant(options: BilinearOptions): number {
  const { sampleRateHz, prewarpHz } = options;
  if (!(sampleRateHz > 0) || !Number.isFinite(sampleRateHz)) {
    throw new RangeError(`sampleRateHz must be a finite number > 0 (got ${sampleRateHz})`);
  }
  if (prewarpHz == null) return 2 * sampleRateHz;
  if (!(prewarpHz > 0) || prewarpHz >= sampleRateHz / 2) {
    throw new RangeError(`prewarpHz must be > 0 and < sampleRateHz/2 = ${sampleRateHz / 2} (got ${prewarpHz})`);
  }
  const omega = 2 * Math.PI * prewarpHz;
  return omega / Math.tan(omega / (2 * sampleRateHz));
}

/**
 * A root r with |r| above FAR_ROOT_RATIO·K (the bilinear constant) is replaced by a real
 * root at −FAR_ROOT_RATIO·K, its in-band factor −r kept in the gain (see the header).
 */
export const FAR_ROOT_RATIO = 1e4;

export function bilinearFromRoots(analog: AnalogRoots, options: BilinearOptions): BiquadSections {
  const k = bilinearConstant(options);
  for (const p of analog.poles) {
    if (!(p.re < 0)) throw new RangeError(`H(s) must be stable: pole at ${p.re} + ${p.im}j is not in the left half-plane`);
  }
  if (!Number.isFinite(analog.gain)) throw new RangeError(`gain must be finite (got ${analog.gain})`);

  // Far roots → a real root at −R, their in-band factor (s − r ≈ −r) moved into the gain.
  // Zeros beyond the pole count that are far are dropped outright (factor −z): in band
  // they are constants, so an H that is improper only through them is proper there.
  const far = FAR_ROOT_RATIO * k;
  const isFar = (r: Root) => Math.hypot(r.re, r.im) > far;
  const nearZeros = analog.zeros.filter((z) => !isFar(z));
  // Farthest first, so the drops take the roots that matter least.
  const farZeros = analog.zeros.filter(isFar).sort((a, b) => Math.hypot(b.re, b.im) - Math.hypot(a.re, a.im));
  const dropped = Math.max(0, Math.min(farZeros.length, nearZeros.length + farZeros.length - analog.poles.length));
  if (nearZeros.length + farZeros.length - dropped > analog.poles.length) {
    throw new RangeError(`H(s) must be proper: ${analog.zeros.length} zeros > ${analog.poles.length} poles`);
  }
  let gr = analog.gain;
  let gi = 0;
  const zeros = [...nearZeros];
  farZeros.forEach((z, i) => {
    if (i < dropped) {
      [gr, gi] = complexMultiply(gr, gi, -z.re, -z.im);
      return;
    }
    [gr, gi] = complexMultiply(gr, gi, -z.re / far, -z.im / far);
    zeros.push({ re: -far, im: 0 });
  });
  const poles = analog.poles.map((p) => {
    if (!isFar(p)) return p;
    [gr, gi] = complexDivide(gr, gi, -p.re / far, -p.im / far);
    return { re: -far, im: 0 };
  });

  // Digital gain g·Π(K − z)/Π(K − p), multiplied as a running complex product.
  const digitalZeros: Root[] = [];
  const digitalPoles: Root[] = [];
  for (const z of zeros) {
    [gr, gi] = complexMultiply(gr, gi, k - z.re, -z.im);
    digitalZeros.push(bilinearRoot(z, k));
  }
  for (const p of poles) {
    [gr, gi] = complexDivide(gr, gi, k - p.re, -p.im);
    digitalPoles.push(bilinearRoot(p, k));
  }
  for (let i = zeros.length; i < poles.length; i++) digitalZeros.push({ re: -1, im: 0 });
  poles.forEach((p, i) => {
    const d = digitalPoles[i]!;
    const radius = Math.hypot(d.re, d.im);
    if (!(radius < 1)) {
      throw new RangeError(`pole at ${p.re} + ${p.im}j maps to |z| = ${radius} at ${options.sampleRateHz} Hz (too close to the imaginary axis to realise at this rate)`);
    }
  });
  // Conjugate symmetry makes the product real; gi is rounding only.
  return checkSections(assembleSections(digitalZeros, digitalPoles, gr));
}

/**
 * Throws a RangeError unless every coefficient is finite and every section's poles lie
 * strictly inside |z| = 1 (stability triangle of 1 + a1·z⁻¹ + a2·z⁻²), as BiquadCascade
 * requires; returns the sections.
 */
export function checkSections(sections: BiquadSections): BiquadSections {
  const { count, coefficients } = sections;
  for (let s = 0; s < count; s++) {
    for (let j = 0; j < 5; j++) {
      const value = coefficients[5 * s + j]!;
      if (!Number.isFinite(value)) throw new RangeError(`digital section ${s} coefficient ${j} is not finite (${value})`);
    }
    const a1 = coefficients[5 * s + 3]!;
    const a2 = coefficients[5 * s + 4]!;
    if (!insideTriangle(a1, a2)) {
      throw new RangeError(`digital section ${s} is unstable: a1 = ${a1}, a2 = ${a2} (need |a2| < 1 and |a1| < 1 + a2)`);
    }
  }
  return sections;
}

/**
 * Digital zeros and poles (conjugate pairs) and the gain g of
 * H(z) = g·Π(1 − zᵢ·z⁻¹)/Π(1 − pⱼ·z⁻¹) → checked sections, grouped as the bilinear design's.
 */
export function sectionsFromDigitalRoots(zeros: readonly Root[], poles: readonly Root[], gain: number): BiquadSections {
  return checkSections(assembleSections(zeros, poles, gain));
}

function bilinearRoot(r: Root, k: number): Root {
  const [re, im] = complexDivide(k + r.re, r.im, k - r.re, -r.im);
  return { re, im };
}

/** Both roots of 1 + a1·z⁻¹ + a2·z⁻² strictly inside |z| = 1 (the stability triangle). */
const insideTriangle = (a1: number, a2: number): boolean => Math.abs(a2) < 1 && Math.abs(a1) < 1 + a2;

interface RootUnit {
  /** Monic polynomial 1 + c1·z⁻¹ + c2·z⁻² of the unit's roots. */
  readonly c1: number;
  readonly c2: number;
  /** A representative root for matching (the one with im ≥ 0), and its radius. */
  readonly re: number;
  readonly im: number;
  readonly radius: number;
}

/**
 * Groups roots into units of at most two: conjugate pairs, then sorted reals in pairs.
 * Two real poles both within ~1e-8 of z = 1 (a sub-millihertz corner next to another
 * low one, at 384 kHz) can round into a pair whose 1 + c1 + c2, their stability margin
 * (1 − a)(1 − b), is 0: `poles` then keeps them as two first-order units instead.
 */
function units(roots: readonly Root[], poles = false): RootUnit[] {
  const result: RootUnit[] = [];
  const reals = roots.filter((r) => r.im === 0).map((r) => r.re).sort((a, b) => a - b);
  for (const r of roots) {
    if (r.im > 0) {
      result.push({ c1: -2 * r.re, c2: r.re * r.re + r.im * r.im, re: r.re, im: r.im, radius: Math.hypot(r.re, r.im) });
    }
  }
  for (let i = 0; i < reals.length; i += 2) {
    const a = reals[i]!;
    const b = reals[i + 1];
    if (b === undefined) result.push({ c1: -a, c2: 0, re: a, im: 0, radius: Math.abs(a) });
    else if (poles && !insideTriangle(-(a + b), a * b)) {
      result.push({ c1: -a, c2: 0, re: a, im: 0, radius: Math.abs(a) }, { c1: -b, c2: 0, re: b, im: 0, radius: Math.abs(b) });
    } else result.push({ c1: -(a + b), c2: a * b, re: 0.5 * (a + b), im: 0, radius: Math.max(Math.abs(a), Math.abs(b)) });
  }
  return result;
}

function assembleSections(zeros: readonly Root[], poles: readonly Root[], gain: number): BiquadSections {
  const poleUnits = units(poles, true).sort((a, b) => b.radius - a.radius);
  const zeroUnits = units(zeros);
  const count = Math.max(1, poleUnits.length, zeroUnits.length);
  const coefficients = new Float64Array(5 * count);
  for (let s = 0; s < count; s++) {
    const pole = poleUnits[s];
    let zero: RootUnit | undefined;
    if (zeroUnits.length > 0) {
      // Nearest zero unit to this pole unit (or any, for a pure-FIR remainder).
      let best = 0;
      let bestDistance = Infinity;
      for (let j = 0; j < zeroUnits.length; j++) {
        const z = zeroUnits[j]!;
        const distance = pole ? Math.hypot(z.re - pole.re, z.im - pole.im) : 0;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = j;
        }
      }
      zero = zeroUnits.splice(best, 1)[0];
    }
    const b0 = s === 0 ? gain : 1;
    coefficients[5 * s] = b0;
    coefficients[5 * s + 1] = b0 * (zero?.c1 ?? 0);
    coefficients[5 * s + 2] = b0 * (zero?.c2 ?? 0);
    coefficients[5 * s + 3] = pole?.c1 ?? 0;
    coefficients[5 * s + 4] = pole?.c2 ?? 0;
  }
  return { count, coefficients };
}

function trimHighZeros(coefficients: readonly number[], name: string): number[] {
  const c = coefficients.slice();
  while (c.length > 0 && c[c.length - 1] === 0) c.pop();
  if (c.length === 0) throw new RangeError(`${name} must not be the zero polynomial`);
  for (const value of c) {
    if (!Number.isFinite(value)) throw new RangeError(`${name} coefficients must be finite (got ${value})`);
  }
  return c;
}
