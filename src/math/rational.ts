/**
 * H(jω) of a rational function N(s)/D(s), coefficients in ascending powers of s
 * ([c0, c1, c2] = c0 + c1·s + c2·s²), s in rad/s: the one evaluation the model (a network's
 * exact response) and the kernels (checking a digital design against it) both use.
 */
import { complex, div, type Complex } from './complex.ts';

/** p(jω) by Horner's rule. */
export function polyAtJw(coefficients: readonly number[], omega: number): Complex {
  let re = 0;
  let im = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) {
    // (re + j·im)·(jω) + c_k
    const nextRe = -im * omega + coefficients[k]!;
    im = re * omega;
    re = nextRe;
  }
  return complex(re, im);
}

/** N(j·2πf)/D(j·2πf). */
export function rationalAtHz(numerator: readonly number[], denominator: readonly number[], hz: number): Complex {
  const omega = 2 * Math.PI * hz;
  return div(polyAtJw(numerator, omega), polyAtJw(denominator, omega));
}
