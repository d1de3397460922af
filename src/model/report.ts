/**
 * buildReport(setup) → `headroom/report@1` (or `@2` when the setup has an input section):
 * the numbers the UI and CLI show. Every figure comes from `solveChain` (the circuit),
 * `chainLimits` (clipping) and, for the input side, `buildInputReport`.
 */
import { abs } from './complex.ts';
import { powerMwAt, splDbAt } from './acoustics.ts';
import { chainLimits, clippingReport, maxCleanSignalDbfs } from './clipping.ts';
import { assertFiniteReport } from './finite-report.ts';
import { buildInputReport } from './input/report.ts';
import { REPORT_FORMAT, REPORT_FORMAT_V2, type ListenerReport, type Report, type ResponseDeviation } from './report-contract.ts';
import type { Setup } from './setup.ts';
import { solveChain } from './solver.ts';
import { REFERENCE_HZ, responseFrequenciesHz, voltageRatioToDb } from './units.ts';

export type { InputReport, ListenerReport, Report, ReportV1, ReportV2 } from './report-contract.ts';

export function buildReport(setup: Setup): Report {
  const atReference = solveChain(setup, REFERENCE_HZ);
  const hz = responseFrequenciesHz();
  const sweep = hz.map((f) => solveChain(setup, f));
  const limits = chainLimits(setup);

  const headphones = setup.headphones.map((headphone, i): ListenerReport => {
    const referenceVrms = abs(atReference.headphones[i]!.loadVoltage);
    const db = sweep.map((s) => voltageRatioToDb(abs(s.headphones[i]!.loadVoltage) / referenceVrms));
    const splDb = splDbAt(headphone, referenceVrms);
    const cleanDbfs = maxCleanSignalDbfs(limits, i);
    return {
      name: headphone.name,
      loadVoltageVrms: referenceVrms,
      powerMw: powerMwAt(headphone, referenceVrms),
      splDb,
      levelChangeDb: voltageRatioToDb(referenceVrms / aloneLoadVoltageVrms(setup, i)),
      maxCleanSplDb: splDb + (cleanDbfs - setup.signal.levelDbfs),
      responseDeviationDb: deviation(hz, db),
      response: { hz, db },
    };
  });

  const clipping = clippingReport(limits);
  if (setup.input != null) return assertFiniteReport({ format: REPORT_FORMAT_V2, headphones, clipping, input: buildInputReport(setup.input) });
  return assertFiniteReport({ format: REPORT_FORMAT, headphones, clipping });
}

/** The same headphone as the only listener on the same chain, plugged in directly (no splitter). */
export function aloneSetup(setup: Setup, index: number): Setup {
  return { ...setup, splitter: null, headphones: [setup.headphones[index]!] };
}

function aloneLoadVoltageVrms(setup: Setup, index: number): number {
  return abs(solveChain(aloneSetup(setup, index), REFERENCE_HZ).headphones[0]!.loadVoltage);
}

function deviation(hz: readonly number[], db: readonly number[]): ResponseDeviation {
  let minIndex = 0;
  let maxIndex = 0;
  db.forEach((value, k) => {
    if (value < db[minIndex]!) minIndex = k;
    if (value > db[maxIndex]!) maxIndex = k;
  });
  return { min: db[minIndex]!, max: db[maxIndex]!, minHz: hz[minIndex]!, maxHz: hz[maxIndex]! };
}
