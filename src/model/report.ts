/**
 * buildReport(setup, { targetSplDb }) → `headroom/report@3`: the numbers the UI and CLI
 * show, with `input` when the setup has an input section, each listener's advice and the
 * figures about the listener's own gear (gear-figures.ts: measured curves, hiss, crosstalk;
 * null where they do not apply). Every figure comes from `solveChain` (the circuit),
 * `chainLimits` (clipping), `adviceFor` (the answer for a listener deciding on an amp),
 * `listenerGearFigures` and, for the input side, `buildInputReport`. `reportInFormat` writes
 * the same report as @1 or @2, field by field.
 */
import { abs } from './complex.ts';
import { powerMwAt, splDbAt } from './acoustics.ts';
import { adviceFor, checkTargetSplDb, DEFAULT_TARGET_SPL_DB } from './advice.ts';
import { chainLimits, clippingReport, maxCleanSignalDbfs } from './clipping.ts';
import { assertFiniteReport } from './finite-report.ts';
import { buildInputReport } from './input/report.ts';
import { listenerGearFigures } from './gear-figures.ts';
import {
  REPORT_FORMAT,
  REPORT_FORMAT_V2,
  REPORT_FORMAT_V3,
  type AnyReport,
  type ListenerReport,
  type ListenerReportV1,
  type Report,
  type ReportFormat,
  type ResponseDeviation,
} from './report-contract.ts';
import type { ParseResult, Setup } from './setup.ts';
import { solveChain } from './solver.ts';
import { REFERENCE_HZ, responseFrequenciesHz, voltageRatioToDb } from './units.ts';

export type { AnyReport, Report, ReportV3 } from './report-contract.ts';

export interface ReportOptions {
  /** The peak SPL each listener wants clean, dB SPL (default 110; 60–130, else a RangeError). */
  targetSplDb?: number;
}

export function buildReport(setup: Setup, options: ReportOptions = {}): Report {
  const targetSplDb = checkTargetSplDb(options.targetSplDb ?? DEFAULT_TARGET_SPL_DB);
  const atReference = solveChain(setup, REFERENCE_HZ);
  const hz = responseFrequenciesHz();
  const sweep = hz.map((f) => solveChain(setup, f));
  const limits = chainLimits(setup);
  const gear = listenerGearFigures(setup, { sweep, atReference });

  const headphones = setup.headphones.map((headphone, i): ListenerReport => {
    const referenceVrms = abs(atReference.headphones[i]!.loadVoltage);
    const db = sweep.map((s) => voltageRatioToDb(abs(s.headphones[i]!.loadVoltage) / referenceVrms));
    const splDb = splDbAt(headphone, referenceVrms);
    const cleanDbfs = maxCleanSignalDbfs(limits, i);
    const figures: ListenerReportV1 = {
      name: headphone.name,
      loadVoltageVrms: referenceVrms,
      powerMw: powerMwAt(headphone, referenceVrms),
      splDb,
      levelChangeDb: voltageRatioToDb(referenceVrms / aloneLoadVoltageVrms(setup, i)),
      maxCleanSplDb: splDb + (cleanDbfs - setup.signal.levelDbfs),
      responseDeviationDb: deviation(hz, db),
      response: { hz, db },
    };
    return { ...figures, ...gear[i]!, advice: adviceFor({ setup, atReference, limits, targetSplDb }, i, { ...figures, ...gear[i]! }) };
  });

  const clipping = clippingReport(limits);
  if (setup.input != null) return assertFiniteReport({ format: REPORT_FORMAT_V3, headphones, clipping, input: buildInputReport(setup.input) });
  return assertFiniteReport({ format: REPORT_FORMAT_V3, headphones, clipping });
}

/**
 * The report in an older format, for readers that know only that one: @1 for a setup
 * without an input section, @2 for one with it (as the writers before @3 did), @3 as it is.
 * Fields are copied by name, so fields added to @3 later never leak into @1 or @2.
 */
export function reportInFormat(report: Report, format: ReportFormat): ParseResult<AnyReport> {
  if (format === REPORT_FORMAT_V3) return { ok: true, value: report };
  const headphones = report.headphones.map(listenerV1);
  if (format === REPORT_FORMAT_V2) {
    if (!report.input) return { ok: false, errors: [`${REPORT_FORMAT_V2} is the report of a setup with an input section, and this setup has none: use ${REPORT_FORMAT} or ${REPORT_FORMAT_V3}`] };
    return { ok: true, value: { format, headphones, clipping: report.clipping, input: report.input } };
  }
  if (report.input) return { ok: false, errors: [`${REPORT_FORMAT} cannot hold this setup's input section: use ${REPORT_FORMAT_V2} or ${REPORT_FORMAT_V3}`] };
  return { ok: true, value: { format, headphones, clipping: report.clipping } };
}

function listenerV1(listener: ListenerReport): ListenerReportV1 {
  const { name, loadVoltageVrms, powerMw, splDb, levelChangeDb, maxCleanSplDb, responseDeviationDb, response } = listener;
  return { name, loadVoltageVrms, powerMw, splDb, levelChangeDb, maxCleanSplDb, responseDeviationDb, response };
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
