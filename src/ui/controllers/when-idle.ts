/**
 * Runs `work` once the page has nothing else to do (requestIdleCallback), or after
 * `timeoutMs` at the latest; browsers without requestIdleCallback wait `fallbackMs`.
 */
export function whenIdle(work: () => void, timeoutMs = 5000, fallbackMs = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs });
  else setTimeout(work, fallbackMs);
}
