/**
 * Linear least squares min ‖A·x − b‖₂ by Householder QR (G. H. Golub & C. F. Van Loan,
 * "Matrix Computations", 4th ed., §5.3.3). QR rather than the normal equations AᵀA·x = Aᵀb
 * because those square the condition number, and the design matrices here (cosines on a
 * log-spaced grid, rows weighted by the inverse of the target) are not well conditioned.
 *
 * Design-time code: allocates; never call it from `process()`.
 */

/**
 * Solves min ‖A·x − b‖ for `rows` (m rows of n columns, m ≥ n) and `rhs` (m values). Returns
 * x, or null when A is rank-deficient to working precision (a column with nothing left
 * after the earlier reflections: |R_jj| ≤ 1e-13 · the largest column norm).
 */
export function leastSquares(rows: readonly (readonly number[])[], rhs: readonly number[]): number[] | null {
  const m = rows.length;
  const n = rows[0]?.length ?? 0;
  if (n === 0 || m < n || rhs.length !== m) throw new RangeError(`least squares needs m ≥ n ≥ 1 rows × columns and m right-hand values (got ${m} × ${n}, ${rhs.length})`);
  // Column-major copy: reflections work down one column at a time.
  const a = Array.from({ length: n }, (_, j) => Float64Array.from(rows, (row) => row[j]!));
  const b = Float64Array.from(rhs);
  let scale = 0;
  for (const column of a) scale = Math.max(scale, norm2(column, 0));
  const diagonal = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const column = a[j]!;
    const norm = norm2(column, j);
    if (!(norm > 1e-13 * scale)) return null;
    // v = x − α·e₁ with α of the opposite sign to x₁ (no cancellation), stored in place.
    const alpha = column[j]! > 0 ? -norm : norm;
    column[j] = column[j]! - alpha;
    let vv = 0;
    for (let i = j; i < m; i++) vv += column[i]! * column[i]!;
    const reflect = (target: Float64Array) => {
      let dot = 0;
      for (let i = j; i < m; i++) dot += column[i]! * target[i]!;
      const f = (2 * dot) / vv;
      for (let i = j; i < m; i++) target[i] = target[i]! - f * column[i]!;
    };
    for (let k = j + 1; k < n; k++) reflect(a[k]!);
    reflect(b);
    diagonal[j] = alpha;
  }
  // Back substitution R·x = (Qᵀb)[0…n−1]; R's strict upper part sits above the diagonal of a.
  const x = new Array<number>(n).fill(0);
  for (let j = n - 1; j >= 0; j--) {
    let sum = b[j]!;
    for (let k = j + 1; k < n; k++) sum -= a[k]![j]! * x[k]!;
    x[j] = sum / diagonal[j]!;
  }
  return x;
}

/** ‖x[from…]‖₂, scaled by the largest |x_i| so that neither squares nor sums overflow. */
function norm2(x: Float64Array, from: number): number {
  let largest = 0;
  for (let i = from; i < x.length; i++) largest = Math.max(largest, Math.abs(x[i]!));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let sum = 0;
  for (let i = from; i < x.length; i++) {
    const r = x[i]! / largest;
    sum += r * r;
  }
  return largest * Math.sqrt(sum);
}
