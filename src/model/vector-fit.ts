/**
 * Vector fitting of a one-port's measured impedance Z(jω) by a rational function in
 * pole–residue form (B. Gustavsen & A. Semlyen, "Rational approximation of frequency domain
 * responses by vector fitting", IEEE Trans. Power Delivery 14(3), 1999; relaxed as in
 * B. Gustavsen, "Improving the pole relocating properties of vector fitting", IEEE Trans.
 * Power Delivery 21(3), 2006):
 *
 *   Z(s) = d + s·e + Σ_m r_m / (s − a_m)
 *
 * 1. Start from complex pole pairs spread log-evenly over the band, each with a small real
 *    part (a = −β/100 ± jβ).
 * 2. Pole relocation, repeated until the poles stop moving: with the poles fixed, solve the
 *    linear least-squares problem (σ·Z)(s_k) ≈ p(s_k), σ(s) = d̃ + Σ c̃_m/(s − a_m),
 *    p(s) = d + s·e + Σ c_m/(s − a_m), plus Gustavsen's relaxation row Re Σ_k σ(s_k) = K. The
 *    zeros of σ are the new poles (secular-zeros.ts); any in the right half-plane is mirrored
 *    into the left, so the fit is stable.
 * 3. Residue identification: with the final poles, least squares for r, d and e.
 * 4. Passivity: an impedance is passive when Re Z(jω) ≥ 0 at every ω and e ≥ 0. Where the fit
 *    dips below zero (searched on a dense grid from ω_min/1000 to 1000·ω_max, plus ω = 0 and
 *    ∞), a heavily weighted row asks for a small positive Re Z there, and step 3 is repeated
 *    (a simple form of Gustavsen & Semlyen's residue perturbation, IEEE Trans. Power Systems
 *    16(1), 2001). A passive Z keeps every divider built from it stable: Zs + Z is then a
 *    positive-real function too, whose zeros, the divider's poles, lie in the left half-plane.
 *
 * Every equation is divided by its data point, so the fit minimises the *relative* error,
 * split into its real part (the error in ln|Z|) and its imaginary part (the error in phase);
 * `phaseWeight` weighs the second against the first. Real arithmetic throughout: a conjugate
 * pair contributes the two real basis functions 1/(s−a) + 1/(s−ā) and j/(s−a) − j/(s−ā), so
 * residues come out exactly conjugate. The frequency axis is scaled by the band's geometric
 * centre for conditioning.
 */
import { LeastSquaresSystem } from './least-squares.ts';
import { secularZeros, type Root } from './secular-zeros.ts';

export interface PoleResidueModel {
  /** Real poles (im = 0) and the upper member of each conjugate pair (im > 0), rad/s. */
  poles: Root[];
  /** One per pole; the pair's lower member has the conjugate. Ω·rad/s. */
  residues: Root[];
  /** d, Ω. */
  constant: number;
  /** e, Ω per rad/s (an inductance in H). */
  slope: number;
}

export interface FitData {
  /** rad/s, rising. */
  omega: readonly number[];
  re: readonly number[];
  im: readonly number[];
}

export interface VectorFitOptions {
  /** Number of poles (a pair counts two). */
  order: number;
  /** Most relocation steps (it stops earlier once the poles move less than 1e-7). */
  iterations?: number;
  /**
   * Weight of the phase part of the relative error against its magnitude part (ln|Z|), 1 for
   * the plain complex relative error. Below 1 the fit follows |Z| more closely than a phase
   * that may not be consistent with it (a phase estimated or typed in).
   */
  phaseWeight?: number;
}

export interface VectorFitResult {
  model: PoleResidueModel;
  /** Re Z(jω) ≥ 0 everywhere and e ≥ 0, as checked after the fit. */
  passive: boolean;
}

const DEFAULT_ITERATIONS = 12;

const columnCount = (poles: readonly Root[]): number => poles.reduce((n, p) => n + (p.im === 0 ? 1 : 2), 0);

/**
 * The pole basis at s = jx for every x: row k holds, per column, [re, im] (a real pole has one
 * column, 1/(s − a); a pair two, 1/(s−a) + 1/(s−ā) and j/(s−a) − j/(s−ā)).
 */
function basisTable(poles: readonly Root[], x: readonly number[]): Float64Array {
  const n = columnCount(poles);
  const table = new Float64Array(x.length * 2 * n);
  x.forEach((xk, k) => {
    let c = 2 * n * k;
    for (const pole of poles) {
      const ur = -pole.re;
      if (pole.im === 0) {
        const den = ur * ur + xk * xk;
        table[c++] = ur / den;
        table[c++] = -xk / den;
        continue;
      }
      const up = xk - pole.im;
      const uq = xk + pole.im;
      const dp = ur * ur + up * up;
      const dq = ur * ur + uq * uq;
      const pr = ur / dp;
      const pi = -up / dp;
      const qr = ur / dq;
      const qi = -uq / dq;
      table[c++] = pr + qr;
      table[c++] = pi + qi;
      table[c++] = qi - pi;
      table[c++] = pr - qr;
    }
  });
  return table;
}

function startingPoles(order: number, xMin: number, xMax: number): Root[] {
  const pairs = Math.floor(order / 2);
  const poles: Root[] = [];
  for (let i = 0; i < pairs; i++) {
    const beta = pairs === 1 ? Math.sqrt(xMin * xMax) : xMin * (xMax / xMin) ** (i / (pairs - 1));
    poles.push({ re: -beta / 100, im: beta });
  }
  if (order % 2 === 1) poles.push({ re: -Math.sqrt(xMin * xMax), im: 0 });
  return poles;
}

/** Complex residues of the columns' coefficients, one per pole item. */
function residuesOf(poles: readonly Root[], coefficients: readonly number[], offset: number): Root[] {
  let c = offset;
  return poles.map((pole) => (pole.im === 0 ? { re: coefficients[c++]!, im: 0 } : { re: coefficients[c++]!, im: coefficients[c++]! }));
}

/**
 * The coefficient at s = jx of the model's column j: a pole basis function (j < n, read from
 * the basis table's row), the constant d (j = n) or the slope e (j = n + 1, s itself).
 */
function modelColumn(table: Float64Array, row: number, n: number, x: number, j: number, into: [number, number]): [number, number] {
  if (j < n) {
    into[0] = table[row + 2 * j]!;
    into[1] = table[row + 2 * j + 1]!;
  } else if (j === n) {
    into[0] = 1;
    into[1] = 0;
  } else {
    into[0] = 0;
    into[1] = x;
  }
  return into;
}

/**
 * Writes rows 2k and 2k + 1 of `system`: the complex equation Σ_j a_j·x_j = b (a_j given by
 * `coefficient(j)`), divided by the data point z so that its residual is relative, the phase
 * row weighted by `phaseWeight`.
 */
function writeRelative(system: LeastSquaresSystem, k: number, coefficient: (j: number) => [number, number], br: number, bi: number, zr: number, zi: number, phaseWeight: number): void {
  const den = zr * zr + zi * zi;
  const ur = zr / den;
  const ui = -zi / den;
  for (let j = 0; j < system.columns; j++) {
    const [ar, ai] = coefficient(j);
    system.set(2 * k, j, ar * ur - ai * ui);
    system.set(2 * k + 1, j, phaseWeight * (ar * ui + ai * ur));
  }
  system.rhs[2 * k] = br * ur - bi * ui;
  system.rhs[2 * k + 1] = phaseWeight * (br * ui + bi * ur);
}

/** One relocation step (2 above): the zeros of σ, mirrored into the left half-plane; null if singular. */
function relocate(poles: readonly Root[], x: readonly number[], data: FitData, phaseWeight: number): Root[] | null {
  const n = columnCount(poles);
  const table = basisTable(poles, x);
  const K = x.length;
  // Columns: c (n), d, e, c̃ (n), d̃.
  const sigmaAt = n + 2;
  const cols = sigmaAt + n + 1;
  const system = new LeastSquaresSystem(2 * K + 1, cols);
  const sigmaSum = new Float64Array(n);
  const entry: [number, number] = [0, 0];
  for (let k = 0; k < K; k++) {
    const fr = data.re[k]!;
    const fi = data.im[k]!;
    const row = 2 * n * k;
    // p(s_k) − Z_k·σ(s_k) = 0.
    const coefficient = (j: number): [number, number] => {
      if (j < sigmaAt) {
        modelColumn(table, row, n, x[k]!, j, entry);
      } else if (j < cols - 1) {
        const br = table[row + 2 * (j - sigmaAt)]!;
        const bi = table[row + 2 * (j - sigmaAt) + 1]!;
        entry[0] = -(fr * br - fi * bi);
        entry[1] = -(fr * bi + fi * br);
      } else {
        entry[0] = -fr;
        entry[1] = -fi;
      }
      return entry;
    };
    writeRelative(system, k, coefficient, 0, 0, fr, fi, phaseWeight);
    for (let j = 0; j < n; j++) sigmaSum[j] = sigmaSum[j]! + table[row + 2 * j]!;
  }
  // Relaxation: Re Σ_k σ(s_k) = K, weighted like an average data row (each has size ~1).
  const lambda = 1 / Math.sqrt(K);
  for (let j = 0; j < n; j++) system.set(2 * K, sigmaAt + j, lambda * sigmaSum[j]!);
  system.set(2 * K, cols - 1, lambda * K);
  system.rhs[2 * K] = lambda * K;
  const saved = Float64Array.from(system.matrix);
  const savedRhs = Float64Array.from(system.rhs);
  let solution = system.solve();
  let dTilde = solution?.[cols - 1] ?? 0;
  if (solution === null || Math.abs(dTilde) < 1e-8) {
    // Relaxation failed (σ's constant vanished): solve again with σ's constant fixed at 1.
    const fixed = new LeastSquaresSystem(2 * K, cols - 1);
    for (let j = 0; j < cols - 1; j++) for (let i = 0; i < 2 * K; i++) fixed.set(i, j, saved[j * (2 * K + 1) + i]!);
    for (let i = 0; i < 2 * K; i++) fixed.rhs[i] = savedRhs[i]! - saved[(cols - 1) * (2 * K + 1) + i]!;
    solution = fixed.solve();
    if (solution === null) return null;
    solution.push(1);
    dTilde = 1;
  }
  const sigma = residuesOf(poles, solution, sigmaAt);
  // σ/d̃ in full partial fractions (both members of each pair).
  const allPoles: Root[] = [];
  const allResidues: Root[] = [];
  poles.forEach((pole, m) => {
    const r = sigma[m]!;
    allPoles.push(pole);
    allResidues.push({ re: r.re / dTilde, im: r.im / dTilde });
    if (pole.im !== 0) {
      allPoles.push({ re: pole.re, im: -pole.im });
      allResidues.push({ re: r.re / dTilde, im: -r.im / dTilde });
    }
  });
  const zeros = secularZeros(allPoles, allResidues);
  if (zeros.some((z) => !Number.isFinite(z.re) || !Number.isFinite(z.im))) return null;
  return zeros
    .filter((z) => z.im >= 0)
    .map((z) => ({ re: z.re > 0 ? -z.re : z.re === 0 ? -1e-6 * Math.abs(z.im) : z.re, im: z.im }));
}

/** Largest relative move between two pole sets of the same order, matched in order of size. */
function largestMove(before: readonly Root[], after: readonly Root[]): number {
  const sorted = (poles: readonly Root[]) =>
    poles.flatMap((p) => (p.im === 0 ? [p] : [p, { re: p.re, im: -p.im }])).sort((a, b) => Math.hypot(a.re, a.im) - Math.hypot(b.re, b.im) || a.im - b.im);
  const a = sorted(before);
  const b = sorted(after);
  if (a.length !== b.length) return Infinity;
  return Math.max(0, ...a.map((p, m) => Math.hypot(p.re - b[m]!.re, p.im - b[m]!.im) / Math.hypot(b[m]!.re, b[m]!.im)));
}

interface Constraint {
  x: number;
  /** The Re Z asked for there. */
  target: number;
  /** Row weight. */
  weight: number;
}

/** Residue identification (3 above), with passivity rows for `constraints`. Columns: c (n), d[, e]. */
function identify(poles: readonly Root[], x: readonly number[], data: FitData, phaseWeight: number, withSlope: boolean, constraints: readonly Constraint[]): number[] | null {
  const n = columnCount(poles);
  const cols = n + 1 + (withSlope ? 1 : 0);
  const table = basisTable(poles, x);
  const K = x.length;
  const system = new LeastSquaresSystem(2 * K + constraints.length, cols);
  const entry: [number, number] = [0, 0];
  for (let k = 0; k < K; k++) {
    const row = 2 * n * k;
    const coefficient = (j: number): [number, number] => modelColumn(table, row, n, x[k]!, j, entry);
    writeRelative(system, k, coefficient, data.re[k]!, data.im[k]!, data.re[k]!, data.im[k]!, phaseWeight);
  }
  constraints.forEach(({ x: xc, target, weight }, i) => {
    const row = 2 * K + i;
    if (Number.isFinite(xc)) {
      const b = basisTable(poles, [xc]);
      for (let j = 0; j < n; j++) system.set(row, j, weight * b[2 * j]!);
    }
    system.set(row, n, weight);
    system.rhs[row] = weight * target;
  });
  return system.solve();
}

/** Re Z(jx) on `grid` for a fit in scaled units (x = ∞ gives d). */
function realParts(poles: readonly Root[], coefficients: readonly number[], grid: readonly number[]): number[] {
  const n = columnCount(poles);
  // x = ∞ is evaluated as 0 and then replaced by d.
  const table = basisTable(poles, grid.map((x) => (Number.isFinite(x) ? x : 0)));
  return grid.map((x, k) => {
    let sum = coefficients[n]!;
    if (!Number.isFinite(x)) return sum;
    for (let j = 0; j < n; j++) sum += coefficients[j]! * table[2 * n * k + 2 * j]!;
    return sum;
  });
}

/** Where Re Z < 0 on the check grid: the grid's local minima below it (ω = 0 and ∞ included). */
function violations(poles: readonly Root[], coefficients: readonly number[], grid: readonly number[]): number[] {
  const values = realParts(poles, coefficients, grid);
  const out: number[] = [];
  values.forEach((v, i) => {
    if (!(v < 0)) return;
    const left = i === 0 ? Infinity : values[i - 1]!;
    const right = i === values.length - 1 ? Infinity : values[i + 1]!;
    if (v <= left && v <= right) out.push(grid[i]!);
  });
  return out;
}

export function vectorFit(data: FitData, options: VectorFitOptions): VectorFitResult | null {
  const K = data.omega.length;
  if (K < 2) throw new RangeError('vector fitting needs at least two points');
  const omega0 = Math.sqrt(data.omega[0]! * data.omega[K - 1]!);
  const x = data.omega.map((w) => w / omega0);
  const xMin = x[0]!;
  const xMax = x[K - 1]!;
  const phaseWeight = options.phaseWeight ?? 1;
  let poles = startingPoles(options.order, xMin, xMax);
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  for (let i = 0; i < iterations && poles.length > 0; i++) {
    const next = relocate(poles, x, data, phaseWeight);
    // A singular system (data the poles already fit exactly, e.g. a flat curve): keep the poles.
    if (next === null) break;
    const moved = largestMove(poles, next);
    poles = next;
    if (moved < 1e-7) break;
  }

  // Residues, then passivity: first with e, dropping it if it comes out negative.
  let withSlope = true;
  let coefficients = identify(poles, x, data, phaseWeight, withSlope, []);
  if (coefficients === null || coefficients[columnCount(poles) + 1]! < 0) {
    withSlope = false;
    coefficients = identify(poles, x, data, phaseWeight, withSlope, []);
    if (coefficients === null) return null;
  }
  const grid: number[] = [0];
  for (let g = Math.log10(xMin) - 3; g <= Math.log10(xMax) + 3; g += 1 / 80) grid.push(10 ** g);
  grid.push(Infinity);
  // Where Re Z dips below 0, ask for 1e-4 of the smallest |Z| in the data, 100× as firmly as
  // a data row (whose size is ~1 after the division by Z).
  let smallest = Infinity;
  for (let k = 0; k < K; k++) smallest = Math.min(smallest, Math.hypot(data.re[k]!, data.im[k]!));
  const constraints: Constraint[] = [];
  for (let round = 0; round < 10; round++) {
    const found = violations(poles, coefficients, grid);
    if (found.length === 0) break;
    for (const xv of found) constraints.push({ x: xv, target: 1e-4 * smallest, weight: 100 / smallest });
    const next = identify(poles, x, data, phaseWeight, withSlope, constraints);
    if (next === null) return null;
    coefficients = next;
  }
  const passive = violations(poles, coefficients, grid).length === 0;

  const n = columnCount(poles);
  return {
    model: {
      poles: poles.map((p) => ({ re: p.re * omega0, im: p.im * omega0 })),
      residues: residuesOf(poles, coefficients, 0).map((r) => ({ re: r.re * omega0, im: r.im * omega0 })),
      constant: coefficients[n]!,
      slope: withSlope ? coefficients[n + 1]! / omega0 : 0,
    },
    passive,
  };
}

/** Z(jω) of a fitted model, [re, im]. */
export function evaluateFit(model: PoleResidueModel, omega: number): [number, number] {
  let re = model.constant;
  let im = model.slope * omega;
  model.poles.forEach((pole, m) => {
    const r = model.residues[m]!;
    // r/(jω − a), and for a pair also r̄/(jω − ā).
    for (const sign of pole.im === 0 ? [1] : [1, -1]) {
      const ur = -pole.re;
      const ui = omega - sign * pole.im;
      const ri = sign * r.im;
      const den = ur * ur + ui * ui;
      re += (r.re * ur + ri * ui) / den;
      im += (ri * ur - r.re * ui) / den;
    }
  });
  return [re, im];
}
