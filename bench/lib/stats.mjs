// Small helpers for bench/run.mjs: medians, the stall guard's time limits, the table.

/** Median of the finite numbers in `values`; null when there are none. */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A stalled render: more than STALL_FACTOR × the median of the runs so far (or of the estimate). */
export const STALL_FACTOR = 10;
/** No limit below this, so a fast kind is not cut off by ordinary jitter on a loaded machine. */
export const MIN_LIMIT_SECONDS = 20;

/**
 * Time limit for the next render of one kind: STALL_FACTOR × the median of its finished runs,
 * or × `estimateSeconds` (a short probe render, scaled) before any run has finished.
 */
export function renderLimitSeconds(finished, estimateSeconds) {
  const basis = median(finished) ?? estimateSeconds;
  return Math.max(MIN_LIMIT_SECONDS, STALL_FACTOR * basis);
}

/** Runs `promise` against a timer; on time-out calls `onTimeout` and rejects with a StallError. */
export async function withTimeout(promise, seconds, what, onTimeout) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new StallError(`${what} took longer than ${seconds.toFixed(0)} s (${STALL_FACTOR}× its median): stopped as stalled`));
    }, seconds * 1000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export class StallError extends Error {}

const fmt = (value, digits = 1) => (value === null || value === undefined ? '—' : value.toFixed(digits));

/** The summary table, one row per host. */
export function formatTable(results, targets) {
  const rows = [['host', 'chain ×RT', 'A/B ×RT', 'native ×RT', 'chain/native', 'host floor ×RT']];
  for (const host of ['chromium', 'node']) {
    const r = results[host];
    if (!r) continue;
    rows.push([host, fmt(r.chainXRealtime), fmt(r.abXRealtime), fmt(r.nativeXRealtime), fmt(r.chainVsNative, 3), fmt(r.hostFloorXRealtime)]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const lines = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  lines.push('');
  for (const target of targets) lines.push(`${target.pass === null ? 'n/a ' : target.pass ? 'PASS' : 'FAIL'}  ${target.label}`);
  return lines.join('\n');
}
