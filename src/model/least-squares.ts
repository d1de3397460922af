/**
 * Dense linear least squares for the model's fits (vector fitting of impedance curves):
 * min ‖A·x − b‖₂ with the columns of A scaled to unit length first, then Householder QR
 * (Golub & Van Loan, "Matrix Computations", 4th ed., §5.3). Column scaling matters here: the
 * columns of a vector-fitting system (1/(s − a) for poles from 20 Hz to 20 kHz, the constant
 * and s·e) differ in size by many decades, and QR on unscaled columns would lose the small
 * ones to rounding.
 *
 * The audio kernels have their own solver (worklets/dsp/least-squares.ts); the model may not
 * import the worklets (layer rules), so this one is written for the model's systems, which
 * are built straight into a column-major matrix.
 */

/** An m × n system, column-major (`matrix[j·m + i]` is row i of column j). Solving overwrites it. */
export class LeastSquaresSystem {
  readonly matrix: Float64Array;
  readonly rhs: Float64Array;

  constructor(
    readonly rows: number,
    readonly columns: number,
  ) {
    if (columns < 1 || rows < columns) throw new RangeError(`least squares needs m ≥ n ≥ 1 (got ${rows} × ${columns})`);
    this.matrix = new Float64Array(rows * columns);
    this.rhs = new Float64Array(rows);
  }

  set(row: number, column: number, value: number): void {
    this.matrix[column * this.rows + row] = value;
  }

  /**
   * x minimising ‖A·x − b‖₂, or null when A is rank deficient to working precision (a scaled
   * column with less than 1e-12 of its length left after the earlier reflections).
   */
  solve(): number[] | null {
    const { rows: m, columns: n, matrix: a, rhs: b } = this;
    const scales = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = j * m; i < (j + 1) * m; i++) sum += a[i]! * a[i]!;
      const length = Math.sqrt(sum);
      if (!(length > 0) || !Number.isFinite(length)) return null;
      for (let i = j * m; i < (j + 1) * m; i++) a[i] = a[i]! / length;
      scales[j] = length;
    }
    const diagonal = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const v = j * m;
      let norm = 0;
      for (let i = j; i < m; i++) norm += a[v + i]! * a[v + i]!;
      norm = Math.sqrt(norm);
      if (!(norm > 1e-12)) return null;
      const first = a[v + j]!;
      const alpha = first > 0 ? -norm : norm;
      a[v + j] = first - alpha;
      // ‖v‖² = 2·norm·(norm + |x_j|).
      const vv = 2 * norm * (norm + Math.abs(first));
      for (let k = j + 1; k <= n; k++) {
        const target = k < n ? a : b;
        const t = k < n ? k * m : 0;
        let dot = 0;
        for (let i = j; i < m; i++) dot += a[v + i]! * target[t + i]!;
        const f = (2 * dot) / vv;
        for (let i = j; i < m; i++) target[t + i] = target[t + i]! - f * a[v + i]!;
      }
      diagonal[j] = alpha;
    }
    const x = new Array<number>(n).fill(0);
    for (let j = n - 1; j >= 0; j--) {
      let sum = b[j]!;
      for (let k = j + 1; k < n; k++) sum -= a[k * m + j]! * x[k]!;
      x[j] = sum / diagonal[j]!;
    }
    return x.map((value, j) => value / scales[j]!);
  }
}
