/** How the blind test's result is written: the p-value and the chance of guessing as much. */

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 0.038, 0.598, 1.000; below 0.001 as 1.5 × 10⁻⁵. */
export function formatPValue(p: number): string {
  if (p >= 0.001) return p.toFixed(3);
  const [mantissa, exponent] = p.toExponential(1).split('e');
  return `${mantissa} × 10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** Percent for the verdict: 3.8 %, 0.0015 %. */
export function formatPercent(p: number): string {
  const percent = p * 100;
  return `${percent >= 1 ? percent.toFixed(1) : Number(percent.toPrecision(2)).toString()}\u202f%`;
}
