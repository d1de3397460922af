/**
 * Allocation probe. V8 offers plain JS no per-call allocation counter, but young
 * objects land in the new space, which is collected only when it fills (8–16 MB).
 * Running a block function 20 000 times and reading heapUsed before and after shows
 * any per-call allocation: even one 16-byte object per call is 320 kB per window.
 * The JIT itself allocates now and then (optimised code, feedback after a deopt when a
 * ramp or crossfade starts), tens of kB that do not recur; so we measure several
 * windows and keep the smallest growth — a real per-call allocation shows in every
 * window, JIT noise does not. The tests run the same probe on a deliberately
 * allocating function to prove it would notice. Warm-up first, so compilation is done.
 * Six windows by default: on a loaded machine the optimising compiler (a background
 * thread) can take several windows to finish, and unoptimised code boxes every double it
 * returns (measured: 70 B per block for the first 12 000 blocks with both cores busy).
 */
export function heapGrowthBytes(run: () => void, warmupCalls: number, callsPerWindow: number, windows = 6): number {
  return windowGrowths(run, warmupCalls, callsPerWindow, windows).reduce((a, b) => Math.min(a, b));
}

/**
 * For the sensitivity check: the largest growth over a few windows. A scavenge inside
 * one window makes that window's reading negative; it cannot hit all of them.
 */
export function largestHeapGrowthBytes(run: () => void, callsPerWindow: number, windows = 3): number {
  return windowGrowths(run, 0, callsPerWindow, windows).reduce((a, b) => Math.max(a, b));
}

function windowGrowths(run: () => void, warmupCalls: number, callsPerWindow: number, windows: number): number[] {
  for (let i = 0; i < warmupCalls; i++) run();
  const growths: number[] = [];
  for (let w = 0; w < windows; w++) {
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < callsPerWindow; i++) run();
    growths.push(process.memoryUsage().heapUsed - before);
  }
  return growths;
}
