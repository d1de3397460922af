/**
 * The zeros of a function in partial fractions,
 *
 *   σ(s) = 1 + Σ_m r_m / (s − a_m),
 *
 * i.e. the eigenvalues of diag(a) − 1·rᵀ (a diagonal plus a rank-one matrix: vector fitting's
 * pole relocation, Gustavsen & Semlyen 1999, eq. 10). They are found as the roots of the
 * degree-N polynomial p(s) = σ(s)·Π(s − a_m) without ever forming p's coefficients (whose
 * roots are badly conditioned when the a_m span three decades): Aberth–Ehrlich iteration
 * with p/p' = σ / (σ' + σ·Σ 1/(s − a_m)), evaluated in partial fractions, as MPSolve does
 * for secular equations (D. A. Bini & L. Robol, "Solving secular and polynomial equations:
 * A multiprecision algorithm", J. Comput. Appl. Math. 272, 2014). Each zero is then polished
 * by Newton steps on σ itself (σ/σ' has no cancellation near a zero). Real inputs (r and a in
 * conjugate pairs) give zeros in conjugate pairs; these are made exactly conjugate.
 */

export interface Root {
  re: number;
  im: number;
}

const MAX_ITERATIONS = 400;

/** σ(s) and σ'(s) at s = (x, y). */
function secular(poles: readonly Root[], residues: readonly Root[], x: number, y: number): [number, number, number, number] {
  let sr = 1;
  let si = 0;
  let dr = 0;
  let di = 0;
  for (let m = 0; m < poles.length; m++) {
    // q = 1/(s − a)
    const ur = x - poles[m]!.re;
    const ui = y - poles[m]!.im;
    const den = ur * ur + ui * ui;
    const qr = ur / den;
    const qi = -ui / den;
    const rr = residues[m]!.re;
    const ri = residues[m]!.im;
    // r·q
    const tr = rr * qr - ri * qi;
    const ti = rr * qi + ri * qr;
    sr += tr;
    si += ti;
    // σ' = −Σ r·q²
    dr -= tr * qr - ti * qi;
    di -= tr * qi + ti * qr;
  }
  return [sr, si, dr, di];
}

/**
 * The N zeros of σ. `scale` is a typical |a| (used for the starting points and the
 * convergence test).
 */
export function secularZeros(poles: readonly Root[], residues: readonly Root[]): Root[] {
  const n = poles.length;
  if (n === 0) return [];
  const scale = Math.max(...poles.map((a) => Math.hypot(a.re, a.im)));
  // Start beside each pole, rotated by a different angle each so that no two starts coincide
  // and none is exactly real or exactly conjugate to another (Aberth needs distinct starts).
  const zs: Root[] = poles.map((a, m) => {
    const size = Math.hypot(a.re, a.im) || scale * 1e-3;
    const angle = 0.7 + 2.39996 * m;
    return { re: a.re + 0.1 * size * Math.cos(angle), im: a.im + 0.1 * size * Math.sin(angle) };
  });
  const done = new Array<boolean>(n).fill(false);
  for (let iteration = 0; iteration < MAX_ITERATIONS && done.includes(false); iteration++) {
    for (let i = 0; i < n; i++) {
      if (done[i]) continue;
      const z = zs[i]!;
      const [sr, si, dr, di] = secular(poles, residues, z.re, z.im);
      // Σ 1/(z − a_m)
      let pr = 0;
      let pi = 0;
      for (const a of poles) {
        const ur = z.re - a.re;
        const ui = z.im - a.im;
        const den = ur * ur + ui * ui;
        pr += ur / den;
        pi -= ui / den;
      }
      // w = σ / (σ' + σ·P)
      const br = dr + (sr * pr - si * pi);
      const bi = di + (sr * pi + si * pr);
      const bd = br * br + bi * bi;
      const wr = (sr * br + si * bi) / bd;
      const wi = (si * br - sr * bi) / bd;
      // Aberth: z −= w / (1 − w·Σ_{j≠i} 1/(z − z_j))
      let cr = 0;
      let ci = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const ur = z.re - zs[j]!.re;
        const ui = z.im - zs[j]!.im;
        const den = ur * ur + ui * ui;
        cr += ur / den;
        ci -= ui / den;
      }
      const er = 1 - (wr * cr - wi * ci);
      const ei = -(wr * ci + wi * cr);
      const ed = er * er + ei * ei;
      const stepR = (wr * er + wi * ei) / ed;
      const stepI = (wi * er - wr * ei) / ed;
      if (!Number.isFinite(stepR) || !Number.isFinite(stepI)) {
        done[i] = true;
        continue;
      }
      z.re -= stepR;
      z.im -= stepI;
      if (Math.hypot(stepR, stepI) <= 1e-14 * Math.max(Math.hypot(z.re, z.im), 1e-9 * scale)) done[i] = true;
    }
  }
  for (const z of zs) polish(poles, residues, z);
  return conjugatePairs(zs, scale);
}

function polish(poles: readonly Root[], residues: readonly Root[], z: Root): void {
  for (let k = 0; k < 3; k++) {
    const [sr, si, dr, di] = secular(poles, residues, z.re, z.im);
    const dd = dr * dr + di * di;
    if (!(dd > 0)) return;
    const stepR = (sr * dr + si * di) / dd;
    const stepI = (si * dr - sr * di) / dd;
    if (!Number.isFinite(stepR) || !Number.isFinite(stepI)) return;
    // Only take a step that stays local (Newton far from a zero can jump to another).
    if (Math.hypot(stepR, stepI) > 1e-3 * Math.hypot(z.re, z.im)) return;
    z.re -= stepR;
    z.im -= stepI;
  }
}

/**
 * Real zeros (|Im| below 1e-9 of the size) become exactly real; the others are matched with
 * their nearest conjugate and the pair is averaged into an exact conjugate pair.
 */
function conjugatePairs(zs: Root[], scale: number): Root[] {
  const out: Root[] = [];
  const left = zs.map((z) => ({ ...z }));
  while (left.length > 0) {
    const z = left.shift()!;
    const size = Math.max(Math.hypot(z.re, z.im), 1e-12 * scale);
    if (Math.abs(z.im) <= 1e-9 * size) {
      out.push({ re: z.re, im: 0 });
      continue;
    }
    let best = -1;
    let distance = Infinity;
    left.forEach((w, j) => {
      const d = Math.hypot(w.re - z.re, w.im + z.im);
      if (d < distance) {
        distance = d;
        best = j;
      }
    });
    if (best < 0 || distance > 1e-6 * size) {
      // No partner: the zero is (numerically) real after all.
      out.push({ re: z.re, im: 0 });
      continue;
    }
    const w = left.splice(best, 1)[0]!;
    const re = (z.re + w.re) / 2;
    const im = Math.abs(z.im - w.im) / 2;
    out.push({ re, im }, { re, im: -im });
  }
  return out;
}
