/**
 * The promise that no report holds NaN or an infinity (the contract says number, and JSON
 * would write null). The contract's ranges make every figure finite (docs/model.md,
 * "Allowed ranges"; tests/fuzz/contract-finite.fuzz.test.ts draws setups over all of
 * them); this check turns any case they miss into one clear error instead of a NaN or
 * a 3000 dB SPL reaching a table, a plot or a tick loop.
 */
export class NonFiniteReportError extends Error {
  override readonly name = 'NonFiniteReportError';
}

/** Throws NonFiniteReportError naming the first non-finite number's path (`headphones[0].splDb`). */
export function assertFiniteReport<T>(report: T): T {
  const stack: [unknown, string][] = [[report, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        throw new NonFiniteReportError(`the model computed ${String(value)} for ${path || 'the report'}; the setup is outside what the model can compute`);
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, field] of Object.entries(value)) stack.push([field, path === '' ? key : `${path}.${key}`]);
    }
  }
  return report;
}
