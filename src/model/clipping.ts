/**
 * Where the chain stops being linear, for a sine at 1 kHz.
 *
 * Each stage has two limits (docs/model.md, "7. Clipping"):
 *   rail:    internal EMF peak ≤ √2 · maxOutputVrms
 *   current: peak output current EMF_peak / |Zo + Z_load| ≤ maxOutputCurrentMa
 * Below the first limit the chain is linear, so every quantity scales with the
 * signal: a limit whose quantity is q at 0 dBFS is reached at 20·log10(limit / q) dBFS.
 * With independent amp outputs the rail is shared (one EMF) but each jack has
 * its own current limit, which reaches only that jack's listener.
 */
import { abs } from './complex.ts';
import { solveChain } from './solver.ts';
import type { Setup } from './setup.ts';
import type { ClippingReport, StageName } from './report-contract.ts';
import { REFERENCE_HZ, SQRT2, voltageRatioToDb } from './units.ts';

export interface Limit {
  stage: StageName;
  limitedBy: 'rail' | 'current';
  /** Signal level at which this limit is reached (may be above 0 dBFS: then never reached). */
  atSignalDbfs: number;
  /** Indices of the listeners whose signal this limit distorts. */
  listeners: number[];
  /** For current limits on independent outputs: the jack (= listener) index. */
  jack: number | null;
}

/** Every limit of the chain at the setup's volume, in the order source, amp; rail before current. */
export function chainLimits(setup: Setup): Limit[] {
  const fullScale: Setup = { ...setup, signal: { levelDbfs: 0 } };
  const solution = solveChain(fullScale, REFERENCE_HZ);
  const everyone = setup.headphones.map((_, i) => i);
  const limits: Limit[] = [];

  const { source, amp } = setup;
  limits.push({
    stage: 'source',
    limitedBy: 'rail',
    atSignalDbfs: voltageRatioToDb(source.maxOutputVrms / abs(solution.source.emf)),
    listeners: everyone,
    jack: null,
  });
  if (source.maxOutputCurrentMa != null) {
    limits.push({
      stage: 'source',
      limitedBy: 'current',
      atSignalDbfs: currentLimitDbfs(source.maxOutputCurrentMa, abs(solution.source.current)),
      listeners: everyone,
      jack: null,
    });
  }
  if (amp && solution.amp) {
    limits.push({
      stage: 'amp',
      limitedBy: 'rail',
      atSignalDbfs: voltageRatioToDb(amp.maxOutputVrms / abs(solution.amp.emf)),
      listeners: everyone,
      jack: null,
    });
    const maxCurrentMa = amp.maxOutputCurrentMa;
    if (maxCurrentMa != null) {
      const independent = amp.outputs === 'independent';
      solution.amp.jacks.forEach((jack, j) => {
        limits.push({
          stage: 'amp',
          limitedBy: 'current',
          atSignalDbfs: currentLimitDbfs(maxCurrentMa, abs(jack.current)),
          listeners: independent ? [j] : everyone,
          jack: independent ? j : null,
        });
      });
    }
  }
  return limits;
}

function currentLimitDbfs(maxPeakMa: number, rmsAmpsAtFullScale: number): number {
  return voltageRatioToDb(maxPeakMa / (SQRT2 * rmsAmpsAtFullScale * 1000));
}

/** A limit counts only if the signal can reach it: strictly below 0 dBFS. */
const isReached = (limit: Limit): boolean => limit.atSignalDbfs < 0;

/** The first limit reached as the signal rises, if any. */
export function firstLimit(limits: readonly Limit[], listener?: number): Limit | null {
  let first: Limit | null = null;
  for (const limit of limits) {
    if (listener !== undefined && !limit.listeners.includes(listener)) continue;
    if (!isReached(limit)) continue;
    if (first === null || limit.atSignalDbfs < first.atSignalDbfs) first = limit;
  }
  return first;
}

export function clippingReport(limits: readonly Limit[]): ClippingReport {
  const first = firstLimit(limits);
  if (!first) return { limitedBy: 'none', stage: null, atSignalDbfs: 0 };
  return { limitedBy: first.limitedBy, stage: first.stage, atSignalDbfs: first.atSignalDbfs };
}

/** Highest clean signal level for one listener: its first limit, or full scale. */
export function maxCleanSignalDbfs(limits: readonly Limit[], listener: number): number {
  return firstLimit(limits, listener)?.atSignalDbfs ?? 0;
}
